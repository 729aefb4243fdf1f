package nl.expertpool.project;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.ApiException.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates projects and starts their process; closes, completes and re-plans them. */
@Service
public class ProjectLifecycle {

  public static final String PROCESS_ID = "expert-pool-project";
  public static final String CANCELLATION_MESSAGE = "project-cancelled";

  /**
   * Tells the phase under way that its deadline moved: it waits for the new one. Kept for no time,
   * since a phase that is not waiting (its deadline passed and a manager decides) needs no telling.
   */
  public static final String DEADLINE_CHANGED_MESSAGE = "project-deadline-changed";

  private final Projects projects;
  private final ClientOrganisations clients;
  private final CamundaClient engine;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<TargetsGuard> targetsGuard;
  private final JobLedger ledger;

  private final StandingPoolCheck pools;

  ProjectLifecycle(
      Projects projects,
      ClientOrganisations clients,
      CamundaClient engine,
      ApplicationEventPublisher events,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<TargetsGuard> targetsGuard,
      JobLedger ledger,
      StandingPoolCheck pools) {
    this.ledger = ledger;
    this.pools = pools;
    this.projects = projects;
    this.clients = clients;
    this.engine = engine;
    this.events = events;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.targetsGuard = targetsGuard;
  }

  /**
   * Stores the project, then starts its process once the project is committed (so the first worker
   * finds it). If the engine refuses, the project is removed again and the caller gets the engine's
   * error: no project exists without its process. The process gets the project's id, target and
   * deadlines, nothing personal.
   */
  public Project create(NewProject plan, String actor) {
    Project project = transactions.execute(status -> store(plan, actor));
    Map<String, Object> variables = processVariables(project);
    long instance;
    try {
      instance =
          engine
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(variables)
              .send()
              .join()
              .getProcessInstanceKey();
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(
          status -> {
            events.publishEvent(new ProjectDiscarded(project.getId()));
            projects.deleteById(project.getId());
          });
      throw e;
    }
    return recordStart(project.getId(), instance);
  }

  /** What the main process starts with: ids, targets and deadlines from PostgreSQL, no names. */
  private static Map<String, Object> processVariables(Project project) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("projectId", project.getId().toString());
    variables.put("targetExperts", project.getTargetExperts());
    variables.put("stakeholderSessions", project.getStakeholderSessions());
    variables.put(
        "followUpMonths", project.getFollowUpMonths() == null ? 0 : project.getFollowUpMonths());
    variables.put("retentionPeriod", "P" + project.getRetentionDays() + "D");
    project
        .getDeadlines()
        .forEach((phase, due) -> variables.put(phase.deadlineVariable(), due.toString()));
    return variables;
  }

  /**
   * Marks an active project whose process instance the engine does not know as interrupted, with
   * the reason in the audit trail, and has the job ledger forget its jobs (their keys come again
   * from the engine that lost them); false when it was not active (any more).
   */
  @Transactional
  public boolean interrupt(UUID projectId, String reason) {
    Project project = get(projectId);
    if (project.getStatus() != ProjectStatus.ACTIVE) {
      return false;
    }
    project.interrupt();
    audit.record(AuditTrail.ENGINE, "project.interrupted", AuditTrail.project(projectId), reason);
    ledger.forget(projectId);
    return true;
  }

  /**
   * Starts an interrupted project's process again, at the phase it was in (the phase's sub-process,
   * with its deadline watch), its variables rebuilt from PostgreSQL. The phase's workers take up
   * what was done before: it stays done.
   *
   * @throws ApiException 409 when the project is not interrupted
   */
  public Project resume(UUID projectId, String actor) {
    Project project = get(projectId);
    if (project.getStatus() != ProjectStatus.INTERRUPTED) {
      throw ApiException.conflict(
          "The project is "
              + project.getStatus()
              + "; only an interrupted project can be resumed.");
    }
    Optional<String> phase = resumesAt(project.getCurrentPhase());
    var command =
        engine
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(processVariables(project));
    long instance =
        (phase.isPresent() ? command.startBeforeElement(phase.get()) : command)
            .send()
            .join()
            .getProcessInstanceKey();
    return transactions.execute(
        status -> {
          Project stored = get(projectId);
          stored.resumed(instance, clock.instant());
          audit.record(
              actor,
              "project.resumed",
              AuditTrail.project(projectId),
              "new process instance " + instance + (phase.isPresent() ? " at " + phase.get() : ""));
          return stored;
        });
  }

  /** Where the main model follows the agenda up for its year after the handover. */
  static final String AGENDA_YEAR_ELEMENT = "AgendaYearCall";

  /**
   * The element of the main model where a resumed project starts: the sub-process of the phase it
   * was in (the synthesis belongs to the interviews' process), or the agenda's year; none for a
   * project whose process had not reached a phase, which starts from the beginning.
   */
  static Optional<String> resumesAt(String currentPhase) {
    if (currentPhase == null || currentPhase.equals("NOT_STARTED")) {
      return Optional.empty();
    }
    if (currentPhase.equals("SYNTHESIS")) {
      return Optional.of(Phase.INTERVIEWS.subProcessId());
    }
    if (currentPhase.equals("FOLLOW_UP")) {
      return Optional.of(AGENDA_YEAR_ELEMENT);
    }
    return java.util.Arrays.stream(Phase.values())
        .filter(p -> p.name().equals(currentPhase))
        .findFirst()
        .map(Phase::subProcessId);
  }

  /**
   * Keeps the process instance with the project. The process is already running, so its first
   * worker may change the project at the same moment: on such a conflict, read it again and retry.
   */
  private Project recordStart(UUID projectId, long instance) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(
            status -> {
              Project stored = get(projectId);
              stored.started(instance, clock.instant());
              return stored;
            });
      } catch (org.springframework.dao.OptimisticLockingFailureException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private Project store(NewProject plan, String actor) {
    Map<Phase, Instant> deadlines = deadlines(plan);
    if (plan.minimumPoolOrDefault() > plan.targetExperts()) {
      throw ApiException.invalid("minimumPool", "must not exceed targetExperts");
    }
    if (plan.poolId() != null && !pools.exists(plan.poolId())) {
      throw ApiException.invalid("poolId", "is not a standing pool");
    }
    if (plan.themeLabels() != null) {
      for (String theme : plan.themeLabels().keySet()) {
        if (!plan.themes().contains(theme)) {
          throw ApiException.invalid("themeLabels." + theme, "is not one of the themes");
        }
      }
    }
    ClientOrganisation client =
        clients
            .findByName(plan.clientName().strip())
            .orElseGet(
                () -> clients.save(new ClientOrganisation(plan.clientName().strip(), now())));
    Project project = projects.save(new Project(client, plan, deadlines, now(), actor));
    events.publishEvent(new ProjectCreated(project.getId(), project.getTargetExperts()));
    audit.record(
        actor,
        "project.created",
        AuditTrail.project(project.getId()),
        "target " + project.getTargetExperts() + " experts");
    return project;
  }

  /** The client organisations there are, by name, for choosing one when a project starts. */
  @Transactional(readOnly = true)
  public List<String> clientNames() {
    return clients.findAll().stream().map(ClientOrganisation::getName).sorted().toList();
  }

  /** Asks the process to cancel the project; the process closes it. */
  @Transactional
  public void requestCancellation(UUID projectId, String actor) {
    requestCancellation(projectId, actor, null);
  }

  /**
   * Asks the process to cancel the project, with the reason the audit trail keeps.
   *
   * @param reason null when none was given (the API asks for none)
   */
  @Transactional
  public void requestCancellation(UUID projectId, String actor, String reason) {
    Project project = get(projectId);
    if (project.getStatus() != ProjectStatus.ACTIVE) {
      throw ApiException.conflict("The project is " + project.getStatus() + " already.");
    }
    audit.record(actor, "project.cancellation-requested", AuditTrail.project(projectId), reason);
    engine
        .newPublishMessageCommand()
        .messageName(CANCELLATION_MESSAGE)
        .correlationKey(projectId.toString())
        .messageId("cancel-" + projectId)
        .timeToLive(Duration.ofMinutes(10))
        .send()
        .join();
  }

  /** Marks a cancelled project closed and lets the other modules tell the people involved. */
  @Transactional
  public void close(UUID projectId) {
    Project project = get(projectId);
    if (project.getStatus() == ProjectStatus.CANCELLED) {
      return;
    }
    project.close(ProjectStatus.CANCELLED);
    events.publishEvent(new ProjectCancelled(projectId));
    audit.record(AuditTrail.ENGINE, "project.closed", AuditTrail.project(projectId), "cancelled");
  }

  @Transactional
  public void complete(UUID projectId) {
    Project project = get(projectId);
    if (project.getStatus() == ProjectStatus.COMPLETED) {
      return;
    }
    project.close(ProjectStatus.COMPLETED);
    audit.record(AuditTrail.ENGINE, "project.completed", AuditTrail.project(projectId), null);
  }

  /** Notes when the project's personal data was anonymised; false when it was before. */
  @Transactional
  public boolean markAnonymised(UUID projectId) {
    return get(projectId).anonymised(now());
  }

  /** The phase the project is in now, as the client portal names it. */
  @Transactional
  public void enterPhase(UUID projectId, String phase) {
    get(projectId).enter(phase);
  }

  /**
   * Moves a phase's deadline to {@code days} after the later of now and the old deadline.
   *
   * @return the new deadline
   */
  @Transactional
  public Instant extendDeadline(UUID projectId, Phase phase, int days) {
    Project project = get(projectId);
    Instant old = project.getDeadlines().getOrDefault(phase, now());
    Instant from = old.isAfter(now()) ? old : now();
    Instant due = from.plus(Duration.ofDays(days));
    project.deadline(phase, due);
    audit.record(
        AuditTrail.ENGINE,
        "project.deadline-extended",
        AuditTrail.project(projectId),
        phase.key() + " by " + days + " days to " + due);
    return due;
  }

  /**
   * Changes a running project's plan: the deadline of the phase under way and those after it, and
   * the targets until screening begins ({@link TargetsGuard}). The rules are those of a new plan,
   * and a deadline may not lie in the past. Each change is an audit event; the process gets the new
   * deadlines as variables, and the phase under way, which waits for its deadline, is told by the
   * message {@value #DEADLINE_CHANGED_MESSAGE} to wait for the new one. Values equal to the plan's
   * change nothing.
   */
  @Transactional
  public Project changePlan(UUID projectId, PlanChange change, String actor) {
    Project project = get(projectId);
    if (project.getStatus() != ProjectStatus.ACTIVE) {
      throw ApiException.conflict(
          "The project is " + project.getStatus() + "; its plan no longer changes.");
    }
    if (change == null || change.empty()) {
      throw ApiException.invalid("deadlines", "give a deadline or a target to change");
    }
    Optional<Phase> open = Phase.firstOpen(project.getCurrentPhase());
    LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
    var problems = new ArrayList<Violation>();
    Map<Phase, LocalDate> schedule = new EnumMap<>(Phase.class);
    project
        .getDeadlines()
        .forEach((phase, due) -> schedule.put(phase, LocalDate.ofInstant(due, ZoneOffset.UTC)));
    Map<Phase, LocalDate> changed = new EnumMap<>(Phase.class);
    Map<String, LocalDate> given = change.deadlines() == null ? Map.of() : change.deadlines();
    given.forEach(
        (key, due) -> {
          String field = "deadlines." + key;
          Phase phase;
          try {
            phase = Phase.ofKey(key);
          } catch (IllegalArgumentException e) {
            problems.add(new Violation(field, "is not a phase (" + phaseKeys() + ")"));
            return;
          }
          if (due == null) {
            problems.add(new Violation(field, "must be a date (yyyy-mm-dd)"));
          } else if (due.equals(schedule.get(phase))) {
            return;
          } else if (open.isEmpty() || phase.ordinal() < open.get().ordinal()) {
            problems.add(new Violation(field, "is of a phase that is over"));
          } else if (due.isBefore(today)) {
            problems.add(new Violation(field, "must not be in the past"));
          } else if (ChronoUnit.YEARS.between(today, due) >= MAX_YEARS) {
            problems.add(new Violation(field, "must be within " + MAX_YEARS + " years of today"));
          } else {
            changed.put(phase, due);
          }
        });
    schedule.putAll(changed);
    Phase before = null;
    for (Phase phase : Phase.values()) {
      if (before != null
          && (changed.containsKey(phase) || changed.containsKey(before))
          && schedule.get(phase).isBefore(schedule.get(before))) {
        problems.add(
            changed.containsKey(phase)
                ? new Violation(
                    "deadlines." + phase.key(), "must not be before the previous phase's deadline")
                : new Violation(
                    "deadlines." + before.key(), "must not be after the next phase's deadline"));
      }
      before = phase;
    }
    int target =
        change.targetExperts() == null ? project.getTargetExperts() : change.targetExperts();
    int minimum = change.minimumPool() == null ? project.getMinimumPool() : change.minimumPool();
    boolean targetsChange =
        target != project.getTargetExperts() || minimum != project.getMinimumPool();
    if (targetsChange && !targetsMayChange(project, open)) {
      String field = target != project.getTargetExperts() ? "targetExperts" : "minimumPool";
      problems.add(new Violation(field, "no longer changes: screening has begun"));
    } else if (minimum > target) {
      problems.add(new Violation("minimumPool", "must not exceed targetExperts"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    changed.forEach(
        (phase, due) -> {
          Instant at = due.atStartOfDay(ZoneOffset.UTC).toInstant();
          audit.record(
              actor,
              "project.deadline-changed",
              AuditTrail.project(projectId),
              phase.key() + " from " + project.getDeadlines().get(phase) + " to " + at);
          project.deadline(phase, at);
          variables.put(phase.deadlineVariable(), at.toString());
        });
    if (targetsChange) {
      audit.record(
          actor,
          "project.targets-changed",
          AuditTrail.project(projectId),
          "target from %d to %d experts, minimum pool from %d to %d"
              .formatted(project.getTargetExperts(), target, project.getMinimumPool(), minimum));
      project.targets(target, minimum);
      variables.put("targetExperts", target);
    }
    tellTheProcess(project, variables, !changed.isEmpty());
    return project;
  }

  /** Whether the project's targets may still change: in recruitment, before screening. */
  @Transactional(readOnly = true)
  public boolean targetsMayChange(UUID projectId) {
    Project project = get(projectId);
    return project.getStatus() == ProjectStatus.ACTIVE
        && targetsMayChange(project, Phase.firstOpen(project.getCurrentPhase()));
  }

  private boolean targetsMayChange(Project project, Optional<Phase> open) {
    if (open.orElse(null) != Phase.RECRUITMENT) {
      return false;
    }
    TargetsGuard guard = targetsGuard.getIfAvailable();
    return guard == null || guard.targetsMayChange(project.getId());
  }

  /** The new plan values into the process's variables, and a word to the phase under way. */
  private void tellTheProcess(Project project, Map<String, Object> variables, boolean deadlines) {
    if (variables.isEmpty() || project.getProcessInstanceKey() == null) {
      return;
    }
    engine
        .newSetVariablesCommand(project.getProcessInstanceKey())
        .variables(variables)
        .send()
        .join();
    if (deadlines) {
      engine
          .newPublishMessageCommand()
          .messageName(DEADLINE_CHANGED_MESSAGE)
          .correlationKey(project.getId().toString())
          .timeToLive(Duration.ZERO)
          .send()
          .join();
    }
  }

  /**
   * The project, when this user may read it (see {@link CurrentUser#mayReadProjectOf}); otherwise
   * 404, exactly as if it did not exist, so that nobody learns of other clients' projects.
   */
  @Transactional(readOnly = true)
  public Project readable(UUID projectId, CurrentUser user) {
    return find(projectId)
        .filter(p -> user.mayReadProjectOf(p.getClient().getName()))
        .orElseThrow(() -> ApiException.notFound("No project " + projectId));
  }

  @Transactional(readOnly = true)
  public Optional<Project> find(UUID projectId) {
    return projects.findById(projectId);
  }

  /** The project, or a 404 for the API. */
  @Transactional(readOnly = true)
  public Project get(UUID projectId) {
    return projects
        .findById(projectId)
        .orElseThrow(() -> ApiException.notFound("No project " + projectId));
  }

  @Transactional(readOnly = true)
  public List<Project> all() {
    return projects.findAllByOrderByCreatedAtDesc();
  }

  @Transactional(readOnly = true)
  public List<Project> ofClient(String clientName) {
    return projects.findByClientNameOrderByCreatedAtDesc(clientName);
  }

  /** Deadlines from the plan, the rest one after the other from the start date. */
  /** How far from today a project may start, and its deadlines from its start. */
  private static final int MAX_YEARS = 10;

  private Map<Phase, Instant> deadlines(NewProject plan) {
    Map<String, LocalDate> given = plan.deadlines() == null ? Map.of() : plan.deadlines();
    var problems = new ArrayList<Violation>();
    LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
    if (Math.abs(ChronoUnit.YEARS.between(today, plan.startDate())) >= MAX_YEARS) {
      problems.add(new Violation("startDate", "must be within " + MAX_YEARS + " years of today"));
    }
    given.forEach(
        (key, due) -> {
          String field = "deadlines." + key;
          try {
            Phase.ofKey(key);
          } catch (IllegalArgumentException e) {
            problems.add(new Violation(field, "is not a phase (" + phaseKeys() + ")"));
          }
          if (due == null) {
            problems.add(
                new Violation(
                    field, "must be a date (yyyy-mm-dd); leave it out for the" + " default"));
          } else if (ChronoUnit.YEARS.between(plan.startDate(), due) >= MAX_YEARS) {
            problems.add(
                new Violation(field, "must be within " + MAX_YEARS + " years of the startDate"));
          }
        });
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Map<Phase, Instant> deadlines = new EnumMap<>(Phase.class);
    LocalDate previous = plan.startDate();
    for (var due :
        Phase.schedule(plan.startDate(), plan.recruitmentWindowDaysOrDefault(), given).entrySet()) {
      if (due.getValue().isBefore(previous)) {
        throw ApiException.invalid(
            "deadlines." + due.getKey().key(), "must not be before the previous phase's deadline");
      }
      deadlines.put(due.getKey(), due.getValue().atStartOfDay(ZoneOffset.UTC).toInstant());
      previous = due.getValue();
    }
    return deadlines;
  }

  private static String phaseKeys() {
    return String.join(", ", java.util.Arrays.stream(Phase.values()).map(Phase::key).toList());
  }

  private Instant now() {
    return clock.instant();
  }
}
