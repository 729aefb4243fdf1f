package nl.expertpool.handover.web;

import java.util.UUID;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.HtmlDocumentStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The handover package for the project's client, staff and project managers: HTML or PDF. */
@RestController
class HandoverController {

  private static final String PATH = "/api/projects/{id}/handover-package";

  private final HandoverPackage handover;
  private final ProjectLifecycle projects;

  HandoverController(HandoverPackage handover, ProjectLifecycle projects) {
    this.handover = handover;
    this.projects = projects;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable UUID id) {
    readable(id);
    return HtmlDocumentStyle.of(handover.html(id).orElseThrow(() -> noPackage(id)));
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
    readable(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"handover-" + id + ".pdf\"")
        .body(handover.pdf(id).orElseThrow(() -> noPackage(id)));
  }

  private void readable(UUID id) {
    projects.readable(id, CurrentUser.get());
  }

  private static ApiException noPackage(UUID id) {
    return ApiException.notFound("Project " + id + " has no handover package yet");
  }
}
