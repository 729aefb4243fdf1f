package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.project.Phase;
import nl.expertpool.project.PlanChange;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.ui.ProjectDraft.FieldProblem;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project manager changes a running project's plan on a page: the deadlines of the phase under
 * way and those after it, and the targets before screening, by the rules of {@code POST
 * /api/projects/{id}/plan-changes}. What can no longer change is shown, not offered.
 */
@Controller
class PlanPage {

  private final ProjectLifecycle projects;
  private final Validator validator;

  PlanPage(ProjectLifecycle projects, Validator validator) {
    this.projects = projects;
    this.validator = validator;
  }

  @GetMapping("/dashboard/projects/{id}/plan")
  String form(@PathVariable UUID id, Model model, RedirectAttributes flash) {
    Project project = active(id).orElse(null);
    if (project == null) {
      return notActive(id, flash);
    }
    Map<String, String> deadlines = new LinkedHashMap<>();
    current(project).forEach((phase, due) -> deadlines.put(phase.key(), due.toString()));
    return show(
        model,
        project,
        deadlines,
        String.valueOf(project.getTargetExperts()),
        String.valueOf(project.getMinimumPool()),
        Map.of());
  }

  @PostMapping("/dashboard/projects/{id}/plan")
  String change(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    Project project = active(id).orElse(null);
    if (project == null) {
      return notActive(id, flash);
    }
    Optional<Phase> open = Phase.firstOpen(project.getCurrentPhase());
    boolean targetsOpen = projects.targetsMayChange(id);
    Map<String, FieldProblem> problems = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    Map<String, LocalDate> deadlines = new LinkedHashMap<>();
    current(project)
        .forEach(
            (phase, due) -> {
              if (changeable(phase, open)) {
                String text = value(form, "deadline-" + phase.key());
                typed.put(phase.key(), text);
                String field = "deadlines." + phase.key();
                LocalDate given = ProjectDraft.date(field, text, problems);
                if (given == null && !problems.containsKey(field)) {
                  problems.put(field, new FieldProblem("newProject.error.required"));
                }
                if (given != null) {
                  deadlines.put(phase.key(), given);
                }
              } else {
                typed.put(phase.key(), due.toString());
              }
            });
    String targetText = value(form, "targetExperts");
    String minimumText = value(form, "minimumPool");
    Integer target = null;
    Integer minimum = null;
    if (targetsOpen) {
      target = required("targetExperts", targetText, problems);
      minimum = required("minimumPool", minimumText, problems);
    } else {
      targetText = String.valueOf(project.getTargetExperts());
      minimumText = String.valueOf(project.getMinimumPool());
    }
    PlanChange change = new PlanChange(deadlines, target, minimum);
    for (ConstraintViolation<PlanChange> violation : validator.validate(change)) {
      problems.putIfAbsent(
          NewProjectPage.field(violation.getPropertyPath().toString()),
          NewProjectPage.problem(violation));
    }
    if (problems.isEmpty()) {
      try {
        projects.changePlan(id, change, CurrentUser.get().name());
        flash.addFlashAttribute("notice", "plan.changed");
        return "redirect:/dashboard/projects/" + id + "#plan";
      } catch (ApiException refused) {
        if (refused.violations().isEmpty()) {
          throw refused;
        }
        refused
            .violations()
            .forEach(v -> problems.putIfAbsent(NewProjectPage.field(v.field()), problem(v)));
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return show(model, project, typed, targetText, minimumText, problems);
  }

  private String show(
      Model model,
      Project project,
      Map<String, String> deadlines,
      String targetExperts,
      String minimumPool,
      Map<String, FieldProblem> problems) {
    Optional<Phase> open = Phase.firstOpen(project.getCurrentPhase());
    List<Row> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      rows.add(new Row(phase.key(), deadlines.get(phase.key()), changeable(phase, open)));
    }
    model.addAttribute("project", project);
    model.addAttribute("rows", rows);
    model.addAttribute("targetsOpen", projects.targetsMayChange(project.getId()));
    model.addAttribute("targetExperts", targetExperts);
    model.addAttribute("minimumPool", minimumPool);
    model.addAttribute("problems", problems);
    return "dashboard/plan";
  }

  /** A phase's deadline on the page: its field, what it holds, and whether it may change. */
  record Row(String key, String value, boolean open) {

    public String field() {
      return "deadlines." + key;
    }
  }

  private static boolean changeable(Phase phase, Optional<Phase> open) {
    return open.isPresent() && phase.ordinal() >= open.get().ordinal();
  }

  private static Map<Phase, LocalDate> current(Project project) {
    Map<Phase, LocalDate> current = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      var due = project.getDeadlines().get(phase);
      if (due != null) {
        current.put(phase, LocalDate.ofInstant(due, ZoneOffset.UTC));
      }
    }
    return current;
  }

  private Optional<Project> active(UUID id) {
    Project project =
        projects
            .find(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT));
    return project.getStatus() == ProjectStatus.ACTIVE ? Optional.of(project) : Optional.empty();
  }

  private static String notActive(UUID id, RedirectAttributes flash) {
    flash.addFlashAttribute("notice", "plan.notActive");
    return "redirect:/dashboard/projects/" + id;
  }

  private static String value(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  private static Integer required(String field, String text, Map<String, FieldProblem> problems) {
    Integer value = ProjectDraft.whole(field, text, problems);
    if (value == null && !problems.containsKey(field)) {
      problems.put(field, new FieldProblem("newProject.error.required"));
    }
    return value;
  }

  /** The lifecycle's checks in the page's words. */
  private static FieldProblem problem(ApiException.Violation violation) {
    String reason = violation.reason();
    if (reason.startsWith("must not be in the past")) {
      return new FieldProblem("plan.error.past");
    }
    if (reason.startsWith("must not be after the next phase")) {
      return new FieldProblem("plan.error.afterNext");
    }
    if (reason.startsWith("no longer changes")) {
      return new FieldProblem("plan.error.targetsFixed");
    }
    if (reason.startsWith("is of a phase that is over")) {
      return new FieldProblem("plan.error.over");
    }
    return NewProjectPage.problem(reason);
  }
}
