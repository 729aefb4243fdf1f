package nl.expertpool.ui;

import java.util.UUID;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.remuneration.PaidTime;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.web.Csv;
import nl.expertpool.web.HtmlDocumentStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The project page's downloads, for project managers signed in on the pages: the same files the API
 * gives (payout list, action agenda, insights, the synthesis document), built by the same code.
 */
@Controller
class ProjectDownloads {

  private final ProjectLifecycle projects;
  private final PaidTime paidTime;
  private final SessionRecording sessions;
  private final Synthesis synthesis;

  ProjectDownloads(
      ProjectLifecycle projects,
      PaidTime paidTime,
      SessionRecording sessions,
      Synthesis synthesis) {
    this.projects = projects;
    this.paidTime = paidTime;
    this.sessions = sessions;
    this.synthesis = synthesis;
  }

  @GetMapping("/dashboard/projects/{id}/payout.csv")
  ResponseEntity<String> payoutList(@PathVariable UUID id) {
    return Csv.download(paidTime.payoutList(existing(id)));
  }

  @GetMapping("/dashboard/projects/{id}/action-agenda.csv")
  ResponseEntity<String> agenda(@PathVariable UUID id) {
    return Csv.download(
        sessions.agenda(existing(id)).orElseThrow(ProjectDownloads::notYet).table(id));
  }

  @GetMapping("/dashboard/projects/{id}/insights.csv")
  ResponseEntity<String> insights(@PathVariable UUID id) {
    return Csv.download(
        synthesis.of(existing(id)).orElseThrow(ProjectDownloads::notYet).table(id, true));
  }

  @GetMapping("/dashboard/projects/{id}/synthesis")
  ResponseEntity<String> synthesisDocument(@PathVariable UUID id) {
    return HtmlDocumentStyle.of(
        synthesis.document(existing(id)).orElseThrow(ProjectDownloads::notYet));
  }

  private UUID existing(UUID id) {
    return projects
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT))
        .getId();
  }

  private static ResponseStatusException notYet() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
