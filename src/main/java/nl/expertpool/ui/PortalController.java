package nl.expertpool.ui;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.SynthesisView;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.Phase;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.tasks.TaskInbox;
import nl.expertpool.web.HtmlDocumentStyle;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The client portal: the organisation's projects and, per project, the milestone timeline, the
 * current phase in plain words, the handover package once it exists and the client's own task.
 */
@Controller
class PortalController {

  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final HandoverPackage handover;
  private final TaskInbox tasks;
  private final Synthesis synthesis;
  private final SessionRecording sessions;
  private final nl.expertpool.followup.AgendaFollowUp followUp;
  private final MessageSource messages;
  private final ProjectResults results;

  PortalController(
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      HandoverPackage handover,
      TaskInbox tasks,
      Synthesis synthesis,
      SessionRecording sessions,
      nl.expertpool.followup.AgendaFollowUp followUp,
      @Qualifier("messageSource") MessageSource messages,
      ProjectResults results) {
    this.followUp = followUp;
    this.results = results;
    this.projects = projects;
    this.milestones = milestones;
    this.handover = handover;
    this.tasks = tasks;
    this.synthesis = synthesis;
    this.sessions = sessions;
    this.messages = messages;
  }

  /**
   * The phase whose deadline a milestone is planned for: the synthesis and the agenda both come
   * from the stakeholder-session phase.
   */
  private static final Map<MilestoneKey, Phase> PLANNED_BY =
      Map.of(
          MilestoneKey.EXPERTS_RECRUITED, Phase.RECRUITMENT,
          MilestoneKey.TRAINING_COMPLETED, Phase.TRAINING,
          MilestoneKey.INTERVIEWS_COMPLETED, Phase.INTERVIEWS,
          MilestoneKey.INSIGHTS_SYNTHESISED, Phase.STAKEHOLDER_SESSION,
          MilestoneKey.ACTION_AGENDA_DRAFTED, Phase.STAKEHOLDER_SESSION,
          MilestoneKey.FEEDBACK_INCORPORATED, Phase.FEEDBACK,
          MilestoneKey.HANDOVER_COMPLETED, Phase.HANDOVER);

  /** Each milestone's planned date, by its key's name: the start, or its phase's deadline. */
  static Map<String, Instant> plannedDates(Project project) {
    Map<String, Instant> planned = new HashMap<>();
    planned.put(
        MilestoneKey.PROJECT_STARTED.name(),
        project.getStartDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    PLANNED_BY.forEach(
        (key, phase) -> {
          Instant due = project.getDeadlines().get(phase);
          if (due != null) {
            planned.put(key.name(), due);
          }
        });
    return planned;
  }

  @GetMapping("/portal")
  String projects(Model model) {
    CurrentUser user = CurrentUser.get();
    List<Project> visible =
        projects.all().stream()
            .filter(p -> user.mayReadProjectOf(p.getClient().getName()))
            .toList();
    model.addAttribute("projects", visible);
    return "portal/index";
  }

  @GetMapping("/portal/projects/{id}/handover")
  ResponseEntity<String> handoverHtml(@PathVariable UUID id) {
    readable(id);
    return HtmlDocumentStyle.of(
        handover.html(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
  }

  @GetMapping("/portal/projects/{id}/handover.pdf")
  ResponseEntity<byte[]> handoverPdf(@PathVariable UUID id) {
    readable(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"handover-" + id + ".pdf\"")
        .body(
            handover.pdf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
  }

  /** Why a page is not found when the project is not the user's (or does not exist). */
  static final String NO_PROJECT = "No project";

  private static ResponseStatusException noPackage() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No handover package yet");
  }

  /** The project, if the signed-in user may see it; else 404, as if it did not exist. */
  private Project readable(UUID id) {
    CurrentUser user = CurrentUser.get();
    return projects
        .find(id)
        .filter(p -> user.mayReadProjectOf(p.getClient().getName()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_PROJECT));
  }

  @GetMapping("/portal/projects/{id}")
  String project(@PathVariable UUID id, Model model, Locale locale) {
    CurrentUser user = CurrentUser.get();
    Project project = readable(id);
    boolean internal = user.isProjectManager() || user.is(nl.expertpool.security.Role.STAFF);
    model.addAttribute("project", project);
    model.addAttribute(
        "milestones",
        milestones.of(id).stream().filter(m -> internal || m.isClientVisible()).toList());
    model.addAttribute("handoverReady", handover.html(id).isPresent());
    model.addAttribute("planned", plannedDates(project));
    SynthesisView insights = synthesis.of(id).orElse(null);
    model.addAttribute("insights", insights);
    model.addAttribute(
        "insightChart",
        insights == null
            ? null
            : results.shareChart(
                insights, locale, t -> project.themeLabel(t, locale.getLanguage())));
    model.addAttribute("agenda", sessions.agenda(id).orElse(null));
    model.addAttribute("year", followUp.year(id).orElse(null));
    List<UserTask> mine =
        tasks.open(user, id).stream()
            .filter(t -> user.mayWorkOn(t.candidateGroups()))
            .filter(t -> t.candidateGroups().stream().anyMatch(user.groups()::contains))
            .toList();
    model.addAttribute("tasks", mine);
    return "portal/project";
  }
}
