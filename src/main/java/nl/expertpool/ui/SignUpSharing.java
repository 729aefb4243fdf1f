package nl.expertpool.ui;

import java.util.UUID;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.web.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a project manager shares to recruit: the call's QR code (PNG) and its flyer (A4 PDF) in each
 * language the app offers, from the project page.
 */
@Controller
class SignUpSharing {

  private final ProjectLifecycle projects;
  private final CallForExperts calls;
  private final SignUpFlyer flyer;
  private final Languages languages;

  SignUpSharing(
      ProjectLifecycle projects, CallForExperts calls, SignUpFlyer flyer, Languages languages) {
    this.projects = projects;
    this.calls = calls;
    this.flyer = flyer;
    this.languages = languages;
  }

  @GetMapping("/dashboard/projects/{id}/sign-up-qr.png")
  ResponseEntity<byte[]> qr(@PathVariable UUID id) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .header("Cache-Control", "no-store")
        .body(flyer.qrPng(link(project(id)), 480));
  }

  @GetMapping("/dashboard/projects/{id}/flyer.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam String language) {
    if (!languages.offers(language)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such language");
    }
    Project project = project(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Cache-Control", "no-store")
        .header(
            "Content-Disposition",
            "attachment; filename=\"flyer-" + project.getId() + "-" + language + ".pdf\"")
        .body(flyer.pdf(project, link(project), languages.of(language)));
  }

  private Project project(UUID id) {
    Project project =
        projects
            .find(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT));
    if (calls.callOf(id) == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No call yet");
    }
    return project;
  }

  private String link(Project project) {
    return flyer.link(calls.callOf(project.getId()).signUpCode());
  }
}
