package nl.expertpool.followup.web;

import java.util.UUID;
import nl.expertpool.followup.AgendaFollowUp;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agenda's year, for staff, project managers and the project's client: its dates, the follow-up
 * session, and per action what its owner reported, newest first.
 */
@RestController
class AgendaYearController {

  private final AgendaFollowUp followUp;
  private final ProjectLifecycle projects;

  AgendaYearController(AgendaFollowUp followUp, ProjectLifecycle projects) {
    this.followUp = followUp;
    this.projects = projects;
  }

  @GetMapping("/api/projects/{id}/agenda-follow-up")
  AgendaFollowUp.Year year(@PathVariable UUID id) {
    projects.readable(id, CurrentUser.get());
    return followUp
        .year(id)
        .orElseThrow(() -> ApiException.notFound("Project " + id + " has no agenda's year (yet)"));
  }
}
