package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Anonymiser;
import nl.expertpool.privacy.DataSubjectLookup;
import nl.expertpool.privacy.PersonalData;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.Applicant;
import nl.expertpool.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a project manager does to a project and its people from its page: cancel the project (with a
 * reason for the audit trail), and a person's data rights (export everything stored about them,
 * erase it after a page that says what goes). Each asks on a page of its own first, so that it
 * works without JavaScript.
 */
@Controller
class ProjectActions {

  static final int REASON_MAX = 500;

  private final ProjectLifecycle projects;
  private final Pool pool;
  private final DataSubjectLookup subjects;
  private final PersonalData personalData;
  private final Anonymiser anonymiser;

  ProjectActions(
      ProjectLifecycle projects,
      Pool pool,
      DataSubjectLookup subjects,
      PersonalData personalData,
      Anonymiser anonymiser) {
    this.projects = projects;
    this.pool = pool;
    this.subjects = subjects;
    this.personalData = personalData;
    this.anonymiser = anonymiser;
  }

  @GetMapping("/dashboard/projects/{id}/cancellation")
  String askToCancel(@PathVariable UUID id, Model model, RedirectAttributes flash) {
    Project project = projects.find(id).orElseThrow(ProjectActions::notFound);
    if (project.getStatus() != ProjectStatus.ACTIVE) {
      return notActive(id, flash);
    }
    model.addAttribute("project", project);
    model.addAttribute("reason", "");
    return "dashboard/cancel";
  }

  @PostMapping("/dashboard/projects/{id}/cancellation")
  String cancel(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    Project project = projects.find(id).orElseThrow(ProjectActions::notFound);
    if (project.getStatus() != ProjectStatus.ACTIVE) {
      return notActive(id, flash);
    }
    String given = reason == null ? "" : reason.strip();
    if (given.isEmpty() || given.length() > REASON_MAX) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("project", project);
      model.addAttribute("reason", reason == null ? "" : reason);
      model.addAttribute(
          "reasonError", given.isEmpty() ? "cancel.reason.required" : "cancel.reason.tooLong");
      return "dashboard/cancel";
    }
    projects.requestCancellation(id, CurrentUser.get().name(), given);
    flash.addFlashAttribute("notice", "cancel.requested");
    return "redirect:/dashboard/projects/" + id;
  }

  /** Starts an interrupted project's process again, in the phase it was in. */
  @PostMapping("/dashboard/projects/{id}/resumption")
  String resume(@PathVariable UUID id, RedirectAttributes flash) {
    Project project = projects.find(id).orElseThrow(ProjectActions::notFound);
    if (project.getStatus() != ProjectStatus.INTERRUPTED) {
      return "redirect:/dashboard/projects/" + id;
    }
    projects.resume(id, CurrentUser.get().name());
    flash.addFlashAttribute("notice", "interrupted.resumed");
    return "redirect:/dashboard/projects/" + id;
  }

  @GetMapping("/dashboard/projects/{id}/people/{person}/export")
  ResponseEntity<Map<String, Object>> export(@PathVariable UUID id, @PathVariable UUID person) {
    ofProject(id, person);
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"person-" + person + ".json\"")
        .body(personalData.export(person).orElseThrow(ProjectActions::noPerson));
  }

  @GetMapping("/dashboard/projects/{id}/people/{person}/erasure")
  String askToErase(@PathVariable UUID id, @PathVariable UUID person, Model model) {
    Applicant applicant = applicant(id, person);
    model.addAttribute("project", projects.get(id));
    model.addAttribute("person", applicant);
    return "dashboard/erase";
  }

  @PostMapping("/dashboard/projects/{id}/people/{person}/erasure")
  String erase(@PathVariable UUID id, @PathVariable UUID person, RedirectAttributes flash) {
    Applicant applicant = applicant(id, person);
    anonymiser.erasePerson(person, CurrentUser.get().name());
    flash.addFlashAttribute("notice", "erase.done");
    flash.addFlashAttribute("noticeArg", applicant.pseudonym());
    return "redirect:/dashboard/projects/" + id + "#people";
  }

  private static String notActive(UUID id, RedirectAttributes flash) {
    flash.addFlashAttribute("notice", "cancel.notActive");
    return "redirect:/dashboard/projects/" + id;
  }

  /** The person, if they are one of this project's; 404 otherwise. */
  private void ofProject(UUID id, UUID person) {
    subjects
        .find(person)
        .filter(p -> p.projectId().equals(id))
        .orElseThrow(ProjectActions::noPerson);
  }

  private Applicant applicant(UUID id, UUID person) {
    ofProject(id, person);
    return pool.people(id).stream()
        .filter(a -> a.applicationId().equals(person) || person.equals(a.expertId()))
        .findFirst()
        .orElseThrow(ProjectActions::noPerson);
  }

  private static ResponseStatusException noPerson() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No person");
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT);
  }
}
