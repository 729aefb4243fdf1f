package nl.expertpool.session.web;

import java.util.List;
import java.util.UUID;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.session.ActionAgenda;
import nl.expertpool.session.ActionAgenda.Item;
import nl.expertpool.session.ActionAgenda.SupportingInsight;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The action agenda, for staff, project managers and the project's client. Clients see the insights
 * behind each action as counts; the links to interviews are for staff.
 */
@RestController
class ActionAgendaController {

  private static final String PATH = "/api/projects/{id}/action-agenda";

  private final SessionRecording sessions;
  private final ProjectLifecycle projects;

  ActionAgendaController(SessionRecording sessions, ProjectLifecycle projects) {
    this.sessions = sessions;
    this.projects = projects;
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ActionAgenda agenda(@PathVariable UUID id) {
    ActionAgenda agenda = agendaOf(id);
    return internal() ? agenda : withoutInterviewLinks(agenda);
  }

  @GetMapping(value = PATH, produces = Csv.MEDIA_TYPE)
  ResponseEntity<String> csv(@PathVariable UUID id) {
    return Csv.download(agendaOf(id).table(id));
  }

  private ActionAgenda agendaOf(UUID id) {
    projects.readable(id, CurrentUser.get());
    return sessions
        .agenda(id)
        .orElseThrow(() -> ApiException.notFound("Project " + id + " has no action agenda yet"));
  }

  private static boolean internal() {
    CurrentUser user = CurrentUser.get();
    return user.isProjectManager() || user.is(Role.STAFF);
  }

  private static ActionAgenda withoutInterviewLinks(ActionAgenda agenda) {
    return new ActionAgenda(
        agenda.sessionAt(),
        agenda.venue(),
        agenda.sharedInsight(),
        agenda.recordedAt(),
        agenda.participants(),
        agenda.items().stream()
            .map(
                item ->
                    new Item(
                        item.position(),
                        item.theme(),
                        item.action(),
                        item.owner(),
                        item.term(),
                        item.priority(),
                        item.supportingInsights().stream()
                            .map(
                                s ->
                                    new SupportingInsight(
                                        s.theme(), s.interviewCount(), s.share(), List.of()))
                            .toList(),
                        item.sessionNumber()))
            .toList(),
        agenda.sessions());
  }
}
