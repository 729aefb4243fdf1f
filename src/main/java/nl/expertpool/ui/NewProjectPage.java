package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Phase;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.ui.ProjectDraft.FieldProblem;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project manager starts a project on a page: every field of {@code POST /api/projects}, checked
 * by the same rules. A refused form comes back with each problem next to its field and everything
 * typed kept; a project made goes to its page.
 */
@Controller
class NewProjectPage {

  private final ProjectLifecycle projects;
  private final PoolRegistry pools;
  private final Validator validator;
  private final Clock clock;

  NewProjectPage(ProjectLifecycle projects, PoolRegistry pools, Validator validator, Clock clock) {
    this.projects = projects;
    this.pools = pools;
    this.validator = validator;
    this.clock = clock;
  }

  @GetMapping("/projects/new")
  String form(Model model) {
    return show(
        model, ProjectDraft.blank(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)), Map.of());
  }

  @PostMapping("/projects/new")
  String create(
      @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
    ProjectDraft draft = ProjectDraft.from(form);
    Map<String, FieldProblem> problems = new LinkedHashMap<>();
    NewProject plan = draft.toPlan(problems);
    for (ConstraintViolation<NewProject> violation : validator.validate(plan)) {
      problems.putIfAbsent(field(violation.getPropertyPath().toString()), problem(violation));
    }
    if (problems.isEmpty()) {
      try {
        Project project = projects.create(plan, CurrentUser.get().name());
        return "redirect:/dashboard/projects/" + project.getId();
      } catch (ApiException refused) {
        if (refused.violations().isEmpty()) {
          throw refused;
        }
        refused
            .violations()
            .forEach(v -> problems.putIfAbsent(field(v.field()), problem(v.reason())));
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return show(model, draft, problems);
  }

  private String show(Model model, ProjectDraft draft, Map<String, FieldProblem> problems) {
    model.addAttribute("draft", draft);
    model.addAttribute("phases", Phase.values());
    model.addAttribute("defaultDeadlines", draft.defaultDeadlines());
    model.addAttribute("clients", projects.clientNames());
    model.addAttribute("pools", pools.all());
    model.addAttribute("defaults", Defaults.INSTANCE);
    model.addAttribute("problems", problems);
    return "projects/new";
  }

  /** A property path (`themes[2].<list element>`, `deadlines.training`) as the form's field. */
  static String field(String path) {
    if (path.startsWith("themes") || path.startsWith("themeLabels")) {
      return "themes";
    }
    return path.replaceAll("\\[(\\w[\\w-]*)]", ".$1");
  }

  static FieldProblem problem(ConstraintViolation<?> violation) {
    Annotation rule = violation.getConstraintDescriptor().getAnnotation();
    return switch (rule) {
      case Min min -> new FieldProblem("newProject.error.atLeast", min.value());
      case Max max -> new FieldProblem("newProject.error.atMost", max.value());
      case Size size when violation.getPropertyPath().toString().equals("themes") ->
          new FieldProblem("newProject.error.tooMany", size.max());
      case Size size -> new FieldProblem("newProject.error.tooLong", size.max());
      case Digits digits -> new FieldProblem("newProject.error.amount");
      case jakarta.validation.constraints.DecimalMin min ->
          new FieldProblem("newProject.error.amount");
      default -> new FieldProblem("newProject.error.required");
    };
  }

  /** The lifecycle's own checks, in the page's words where it has them. */
  static FieldProblem problem(String reason) {
    if (reason.startsWith("must not exceed targetExperts")) {
      return new FieldProblem("newProject.error.aboveTarget");
    }
    if (reason.startsWith("must not be before the previous phase")) {
      return new FieldProblem("newProject.error.beforePrevious");
    }
    if (reason.startsWith("is not one of the themes")) {
      return new FieldProblem("newProject.error.themeEnglish");
    }
    if (reason.startsWith("must be within")) {
      return new FieldProblem("newProject.error.tooFar");
    }
    if (reason.startsWith("is not a standing pool")) {
      return new FieldProblem("newProject.error.pool");
    }
    return new FieldProblem("newProject.error.other", reason);
  }

  /** What an empty optional field comes to, shown beside it. */
  record Defaults(
      int recruitmentWindowDays,
      int requiredSessions,
      int stakeholderSessions,
      int intervalWeeks,
      int interviewDeadlineDays,
      int interviewMinutes,
      String hourlyRate,
      int retentionDays) {

    static final Defaults INSTANCE =
        new Defaults(
            NewProject.DEFAULT_RECRUITMENT_WINDOW_DAYS,
            NewProject.DEFAULT_REQUIRED_SESSIONS,
            NewProject.DEFAULT_STAKEHOLDER_SESSIONS,
            NewProject.AgendaYear.DEFAULT_INTERVAL_WEEKS,
            NewProject.DEFAULT_INTERVIEW_DEADLINE_DAYS,
            NewProject.DEFAULT_INTERVIEW_MINUTES,
            NewProject.DEFAULT_HOURLY_RATE.toPlainString(),
            NewProject.DEFAULT_RETENTION_DAYS);
  }
}
