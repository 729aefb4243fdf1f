package nl.expertpool.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.UserTask;
import nl.expertpool.interview.Interview;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.milestone.Milestone;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.tasks.TaskInbox;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.JsonText;
import nl.expertpool.web.SecurityHeaderPolicy;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The project managers' dashboard: every project with its phase, progress, waiting decisions and
 * open incidents; per project where its process is, its tasks, its people and its audit trail.
 */
@Controller
class DashboardController {

  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final ProcessEngine engine;
  private final TaskInbox tasks;
  private final CallForExperts call;
  private final Pool pool;
  private final InterviewOverview interviews;
  private final AuditTrail audit;
  private final DiagramSvg diagrams;
  private final ExpertAccess accounts;
  private final ObjectMapper json;
  private final ProjectResults results;
  private final boolean embeddedEngine;
  private final nl.expertpool.demo.DemoData demoData;
  private final SignUpFlyer sharing;

  DashboardController(
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      ProcessEngine engine,
      TaskInbox tasks,
      CallForExperts call,
      Pool pool,
      InterviewOverview interviews,
      AuditTrail audit,
      DiagramSvg diagrams,
      ExpertAccess accounts,
      ObjectMapper json,
      ProjectResults results,
      nl.expertpool.demo.DemoData demoData,
      Environment environment,
      SignUpFlyer sharing) {
    this.sharing = sharing;
    this.demoData = demoData;
    this.embeddedEngine = !environment.acceptsProfiles(Profiles.of("camunda"));
    this.accounts = accounts;
    this.json = json;
    this.results = results;
    this.diagrams = diagrams;
    this.projects = projects;
    this.milestones = milestones;
    this.engine = engine;
    this.tasks = tasks;
    this.call = call;
    this.pool = pool;
    this.interviews = interviews;
    this.audit = audit;
  }

  @GetMapping("/dashboard")
  String dashboard(Model model) {
    CurrentUser user = CurrentUser.get();
    List<Row> rows = new ArrayList<>();
    for (Project project : projects.all()) {
      List<Milestone> stones = milestones.of(project.getId());
      long reached = stones.stream().filter(m -> m.getStatus() == MilestoneStatus.REACHED).count();
      List<UserTask> open = tasks.open(user, project.getId());
      long overdue = open.stream().filter(t -> "phase-overdue-decision".equals(t.formId())).count();
      int incidents =
          project.getProcessInstanceKey() == null
              ? 0
              : engine.openIncidents(project.getProcessInstanceKey()).size();
      rows.add(
          new Row(project, (int) reached, stones.size(), open.size(), (int) overdue, incidents));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("embeddedEngine", embeddedEngine);
    model.addAttribute("demoData", demoData.offered() ? demoData.state().name() : null);
    return "dashboard/index";
  }

  /** Starts loading one project in each phase (embedded default only); the dashboard tells. */
  @PostMapping("/dashboard/demo-data")
  String loadDemoData(org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    boolean started = demoData.start(CurrentUser.get().name());
    flash.addFlashAttribute("notice", started ? "demo.started" : "demo.notStarted");
    return "redirect:/dashboard";
  }

  /**
   * The pages' policy, and style attributes besides: the bpmn-js viewer positions what it draws
   * with them. Scripts stay this app's own.
   */
  static final String DIAGRAM_POLICY =
      SecurityHeaderPolicy.CONTENT_SECURITY_POLICY + "; style-src-attr 'unsafe-inline'";

  @GetMapping("/dashboard/projects/{id}")
  String project(
      @PathVariable UUID id,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String status,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", DIAGRAM_POLICY);
    Project project =
        projects
            .find(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, PortalController.NO_PROJECT));
    Long instance = project.getProcessInstanceKey();
    List<ElementInstance> active = instance == null ? List.of() : engine.activeElements(instance);
    List<Incident> incidents = instance == null ? List.of() : engine.openIncidents(instance);
    model.addAttribute("project", project);
    model.addAttribute("milestones", milestones.of(id));
    model.addAttribute("active", active);
    model.addAttribute("incidents", incidents);
    model.addAttribute("tasks", tasks.open(CurrentUser.get(), id));
    model.addAttribute("people", pool.people(id));
    var callState = call.callOf(id);
    model.addAttribute("call", callState);
    model.addAttribute(
        "signUpLink", callState == null ? null : sharing.link(callState.signUpCode()));
    model.addAttribute("interviewCounts", interviews.counts(id));
    model.addAttribute("audit", audit.about(AuditTrail.project(id)));
    model.addAttribute("activeCounts", counts(active));
    model.addAttribute("diagrams", diagrams(active));
    model.addAttribute(
        "results",
        results.of(id, theme, status, locale, t -> project.themeLabel(t, locale.getLanguage())));
    model.addAttribute("demoClock", engine.clockAdjustable());
    model.addAttribute("theme", theme == null ? "" : theme);
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("statuses", Interview.Status.values());
    return "dashboard/project";
  }

  /**
   * Gives an expert their sign-in account (an existing expert account, or a new one whose password
   * the expert sets through the one-time link the page then shows). What went wrong shows beside
   * that expert's row; the username typed stays.
   */
  @PostMapping("/dashboard/projects/{id}/people/{person}/account")
  String linkAccount(
      @PathVariable UUID id,
      @PathVariable UUID person,
      @RequestParam(required = false) String username,
      RedirectAttributes flash) {
    try {
      var link =
          accounts.link(
              person, username == null ? null : username.strip(), CurrentUser.get().name());
      flash.addFlashAttribute("accountLinked", link.applicationId());
      flash.addFlashAttribute("setPasswordLink", link.setPasswordLink());
    } catch (ApiException refused) {
      flash.addFlashAttribute("accountPerson", person);
      flash.addFlashAttribute("accountUsername", username);
      flash.addFlashAttribute(
          "accountError",
          refused.violations().isEmpty()
              ? refused.getMessage()
              : refused.violations().getFirst().field()
                  + " "
                  + refused.violations().getFirst().reason());
    }
    return "redirect:/dashboard/projects/" + id + "#people";
  }

  /**
   * The main process's diagram and that of every phase process running now, each with the instance
   * counts of its active elements: drawn by bpmn-js in the browser from the model, with the
   * server's own drawing for browsers without JavaScript.
   */
  private List<Diagram> diagrams(List<ElementInstance> active) {
    var byProcess = new java.util.LinkedHashMap<String, Map<String, Long>>();
    byProcess.put(ProjectLifecycle.PROCESS_ID, new java.util.TreeMap<>());
    for (ElementInstance element : active) {
      byProcess
          .computeIfAbsent(element.bpmnProcessId(), id -> new java.util.TreeMap<>())
          .merge(element.elementId(), 1L, Long::sum);
    }
    var shown = new ArrayList<Diagram>();
    byProcess.forEach(
        (process, counts) ->
            diagrams
                .render(process, counts)
                .ifPresent(
                    svg -> shown.add(new Diagram(process, svg, JsonText.write(json, counts)))));
    return shown;
  }

  /**
   * A process diagram: the model to draw, its active elements' counts as JSON, and the fallback.
   */
  record Diagram(String processId, String fallbackSvg, String activeCounts) {}

  /** The BPMN model bpmn-js draws: only the app's own models, from {@code bpmn/}. */
  @GetMapping(value = "/dashboard/models/{processId}", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<Resource> model(@PathVariable String processId) {
    var model = new ClassPathResource("bpmn/" + processId + ".bpmn");
    if (!processId.matches("[a-z][a-z0-9-]{0,80}") || !model.exists()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No model " + processId);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model);
  }

  private static Map<String, Long> counts(List<ElementInstance> active) {
    var counts = new java.util.TreeMap<String, Long>();
    for (ElementInstance element : active) {
      counts.merge(
          element.elementName() == null ? element.elementId() : element.elementName(),
          1L,
          Long::sum);
    }
    return counts;
  }

  /** One project on the dashboard. */
  record Row(
      Project project,
      int milestonesReached,
      int milestones,
      int openTasks,
      int overdueDecisions,
      int incidents) {}
}
