package nl.expertpool.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.UserTask;
import nl.expertpool.milestone.Milestone;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneStatus;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.recruitment.ApplicationForm;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskInbox;

/**
 * Drives projects through the same services the API and the pages use, on the embedded engine:
 * applications, screening, training, interviews, the session, feedback and the handover, moving the
 * engine's clock where the process waits for time. The demo data and the tests both use it; it
 * stores nothing of its own and never writes SQL.
 */
public class ProjectDriver {

  public static final CurrentUser PM = new CurrentUser("pm", Set.of(Role.PROJECT_MANAGER), null);
  public static final Duration WAIT = Duration.ofSeconds(30);

  public final ProjectLifecycle projects;
  public final CallForExperts call;
  public final Intake intake;
  public final ApplicationConfirmation confirmation;
  public final Pool pool;
  public final TaskInbox tasks;
  public final ProcessEngine engine;
  public final MilestoneTracker milestones;
  public final Clock clock;

  /** Who completes the tasks and makes the projects. */
  protected final CurrentUser actor;

  public ProjectDriver(
      ProjectLifecycle projects,
      CallForExperts call,
      Intake intake,
      ApplicationConfirmation confirmation,
      Pool pool,
      TaskInbox tasks,
      ProcessEngine engine,
      MilestoneTracker milestones,
      Clock clock,
      CurrentUser actor) {
    this.actor = actor;
    this.projects = projects;
    this.call = call;
    this.intake = intake;
    this.confirmation = confirmation;
    this.pool = pool;
    this.tasks = tasks;
    this.engine = engine;
    this.milestones = milestones;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  public UUID create(int targetExperts, Map<String, LocalDate> deadlines) {
    return create("Pool " + UUID.randomUUID(), targetExperts, deadlines);
  }

  public UUID create(String name, int targetExperts, Map<String, LocalDate> deadlines) {
    return create(name, targetExperts, deadlines, null);
  }

  /** A project of a standing pool ({@code poolId}, or none), its call open. */
  public UUID create(
      String name, int targetExperts, Map<String, LocalDate> deadlines, UUID poolId) {
    return create(name, targetExperts, deadlines, poolId, null);
  }

  /** The same, holding this many stakeholder sessions (one when null). */
  public UUID create(
      String name,
      int targetExperts,
      Map<String, LocalDate> deadlines,
      UUID poolId,
      Integer stakeholderSessions) {
    return create(name, targetExperts, deadlines, poolId, stakeholderSessions, null);
  }

  /** The same, with the agenda's year after the handover (none when null). */
  public UUID create(
      String name,
      int targetExperts,
      Map<String, LocalDate> deadlines,
      UUID poolId,
      Integer stakeholderSessions,
      NewProject.AgendaYear agendaYear) {
    Project project =
        projects.create(
            new NewProject(
                name,
                "Gemeente Almere",
                "Almere",
                targetExperts,
                2,
                List.of("housing", "work"),
                today(),
                null,
                null,
                null,
                null,
                deadlines,
                null,
                null,
                null,
                null,
                poolId,
                stakeholderSessions,
                agendaYear),
            actor.name());
    UUID id = project.getId();
    awaitWindowOpen(id);
    return id;
  }

  /** A project of this client organisation, its call open. */
  public UUID createFor(String clientName) {
    UUID id =
        projects
            .create(
                new NewProject(
                    "Pool " + UUID.randomUUID(),
                    clientName,
                    "Region",
                    3,
                    2,
                    List.of("housing"),
                    today(),
                    null,
                    null,
                    null,
                    null,
                    null),
                actor.name())
            .getId();
    awaitWindowOpen(id);
    return id;
  }

  /** The call is open and its closing timer set: moving the clock now closes it. */
  public void awaitWindowOpen(UUID projectId) {
    awaitActive(projectId, "WindowClosesTimer");
  }

  /** Waits until an element (e.g. a timer) of the project's process tree is active. */
  public void awaitActive(UUID projectId, String elementId) {
    waitFor(() -> activeElementIds(projectId).contains(elementId), Boolean::booleanValue);
  }

  /** An application that counts at once, as staff record one on the applicant's behalf. */
  public UUID apply(UUID projectId, String name) {
    return apply(projectId, name, "nl");
  }

  /** As {@link #apply(UUID, String)}, from an applicant who prefers this language. */
  public UUID apply(UUID projectId, String name, String preferredLanguage) {
    return intake.record(
        projectId,
        application(call.callOf(projectId).signUpCode(), name, preferredLanguage),
        actor.name());
  }

  public static ApplicationForm application(String code, String name) {
    return application(code, name, List.of("uk", "en"), "nl");
  }

  /** An applicant who speaks this language and English, and prefers the first. */
  public static ApplicationForm application(String code, String name, String preferredLanguage) {
    return application(
        code,
        name,
        java.util.stream.Stream.of(preferredLanguage, "en").distinct().toList(),
        preferredLanguage);
  }

  private static ApplicationForm application(
      String code, String name, List<String> languages, String preferredLanguage) {
    return new ApplicationForm(
        code,
        name,
        name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org",
        null,
        languages,
        "I want to help newcomers like me.",
        preferredLanguage,
        new ApplicationForm.Consent(true, "2026-01", "web-form"));
  }

  public void advance(Duration duration) {
    engine.advanceClock(duration);
  }

  /** Waits for the project's open task with this form and returns it. */
  public UserTask task(UUID projectId, String formId) {
    return waitFor(() -> find(projectId, formId), found -> found != null);
  }

  public UserTask find(UUID projectId, String formId) {
    return tasks.open(actor, projectId).stream()
        .filter(t -> formId.equals(t.formId()))
        .findFirst()
        .orElse(null);
  }

  public boolean hasTask(UUID projectId, String formId) {
    return find(projectId, formId) != null;
  }

  public void complete(UUID projectId, String formId, Map<String, Object> values) {
    tasks.complete(actor, task(projectId, formId).key(), values);
  }

  /** Accepts (or otherwise decides) every candidate on the screening form. */
  public void screen(UUID projectId, String decision) {
    UserTask task = task(projectId, "screen-candidates");
    tasks.complete(actor, task.key(), screening(task, decision));
  }

  /** The screening form's values: the same decision for every candidate the task lists. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> screening(UserTask task, String decision) {
    var candidates =
        ((List<Map<String, Object>>) task.variables().get("candidates"))
            .stream()
                .map(
                    c ->
                        Map.<String, Object>of(
                            "label",
                            c.get("label"),
                            "applicationId",
                            c.get("applicationId"),
                            "decision",
                            decision,
                            "note",
                            ""))
                .toList();
    return Map.of("candidates", candidates);
  }

  public void scheduleOneSession(UUID projectId) {
    String startsAt = clock.instant().plus(Duration.ofDays(1)).toString();
    complete(
        projectId,
        "schedule-training",
        Map.of(
            "sessions",
            List.of(
                Map.of(
                    "startsAt",
                    startsAt,
                    "durationHours",
                    3,
                    "location",
                    "Library Almere",
                    "trainer",
                    "Trainer T"))));
  }

  @SuppressWarnings("unchecked")
  public void recordAttendance(UUID projectId, boolean attended) {
    UserTask task = task(projectId, "record-attendance");
    var rows =
        ((List<Map<String, Object>>) task.variables().get("attendance"))
            .stream()
                .map(
                    r -> {
                      var row = new java.util.HashMap<>(r);
                      row.put("attended", attended);
                      return (Map<String, Object>) row;
                    })
                .toList();
    tasks.complete(actor, task.key(), Map.of("attendance", rows));
  }

  /** A project whose pool of two experts is trained: the interviews phase has begun. */
  public UUID trainedPool() {
    return trainedPool(null);
  }

  /** The same, in a standing pool ({@code standingPoolId}, or none). */
  public UUID trainedPool(UUID standingPoolId) {
    return train(create("Pool " + UUID.randomUUID(), 2, null, standingPoolId));
  }

  /**
   * Two people apply to the project, whose call is open; both are accepted, attend the training and
   * are certified: the interviews phase has begun.
   */
  public UUID train(UUID project) {
    apply(project, "Olena Koval");
    apply(project, "Andrii Melnyk");
    advance(Duration.ofDays(14));
    screen(project, "accept");
    awaitMilestone(project, MilestoneKey.EXPERTS_RECRUITED);
    scheduleOneSession(project);
    awaitActive(project, "LastSessionEndedTimer");
    advance(Duration.ofDays(2));
    recordAttendance(project, true);
    awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);
    return project;
  }

  /** The project's open tasks with this form, once there are this many. */
  public List<UserTask> tasks(UUID projectId, String formId, int count) {
    return waitFor(
        () -> tasks.open(actor, projectId).stream().filter(t -> formId.equals(t.formId())).toList(),
        found -> found.size() >= count);
  }

  public static Map<String, Object> interview(String... themes) {
    return Map.of(
        "intervieweeConsent", "given",
        "ageBand", "26-35",
        "gender", "woman",
        "residenceStatus", "refugee",
        "timeInNetherlands", "1-3",
        "themes", List.of(themes),
        "needs", "A place to live\nWork that fits my diploma",
        "keyQuotes", "I waited two years for a house.",
        "insights", "Waiting lists dominate the first years.",
        "solutions", "Shared housing for starters");
  }

  /**
   * Records every open interview of the project with consent, each raising these themes, in
   * English.
   */
  public void recordAllInterviews(UUID projectId, int count, String... themes) {
    for (UserTask task : tasks(projectId, "record-network-interview", count)) {
      tasks.complete(actor, task.key(), interview(themes), "en");
    }
  }

  public void approveSynthesis(UUID projectId) {
    complete(projectId, "review-synthesis", Map.of("synthesisDecision", "approve"));
  }

  /** Plans the session this far ahead, inviting one organisation. */
  public void planSession(UUID projectId, Duration ahead) {
    complete(projectId, "plan-stakeholder-session", sessionPlan(clock.instant().plus(ahead)));
  }

  public static Map<String, Object> sessionPlan(java.time.Instant at) {
    return Map.of(
        "sessionAt",
        at.toString(),
        "venue",
        "City hall Almere",
        "invitations",
        List.of(
            Map.of(
                "organisation", "Gemeente Almere",
                "contactName", "Petra de Vries",
                "contactEmail", "p.devries@almere.example",
                "contactLanguage", "nl")));
  }

  /** One action of a session's outcome form, resting on these insights (its theme when none). */
  public static Map<String, Object> agendaItem(
      String theme, String action, String owner, String term, String priority, String... insights) {
    return Map.of(
        "theme", theme,
        "action", action,
        "owner", owner,
        "term", term,
        "priority", priority,
        "supportingInsights", insights.length == 0 ? List.of(theme) : List.of(insights));
  }

  public static Map<String, Object> sessionOutcome() {
    return Map.of(
        "participants",
        List.of(
            Map.of("organisation", "Gemeente Almere", "participantCount", 3),
            Map.of("organisation", "Expert pool", "participantCount", 2)),
        "sharedInsight",
        "From empathy to perspective",
        "sessionHours",
        2.5,
        "agendaItems",
        List.of(
            agendaItem(
                "housing",
                "Open a starters' housing desk with the experts",
                "Gemeente Almere",
                "short",
                "high")));
  }

  /** A project whose action agenda (one action on housing) is drafted: feedback has begun. */
  public UUID agendaDrafted() {
    UUID project = trainedPool();
    recordAllInterviews(project, 4, "housing");
    approveSynthesis(project);
    awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    planSession(project, Duration.ofDays(3));
    awaitActive(project, "ReminderDueTimer");
    advance(Duration.ofDays(3).plusHours(1));
    complete(project, "record-session-outcome", sessionOutcome());
    awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
    return project;
  }

  /**
   * A project of two stakeholder sessions whose agenda is drafted: one action on housing from the
   * first, one on work from the second.
   */
  public UUID agendaOfTwoSessions() {
    UUID project = train(create("Pool " + UUID.randomUUID(), 2, null, null, 2));
    recordAllInterviews(project, 4, "housing", "work");
    approveSynthesis(project);
    awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    for (int session = 1; session <= 2; session++) {
      planSession(project, Duration.ofDays(3 * session));
      awaitActive(project, "ReminderDueTimer");
      advance(Duration.ofDays(3 * session).plusHours(1));
      var outcome = new java.util.HashMap<>(sessionOutcome());
      if (session == 2) {
        outcome.put("sharedInsight", "Work that fits the diploma");
        outcome.put(
            "agendaItems",
            List.of(
                agendaItem(
                    "work",
                    "Recognise foreign diplomas within three months",
                    "UWV",
                    "long",
                    "medium")));
      }
      complete(project, "record-session-outcome", outcome);
    }
    awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
    return project;
  }

  /**
   * A project with the agenda's year (12 months, a status request every 8 weeks) whose client
   * accepted the handover: two actions, both owned by the one organisation invited to the session.
   */
  public UUID handedOverWithAgendaYear(String name) {
    UUID project = train(create(name, 2, null, null, null, new NewProject.AgendaYear(null, null)));
    recordAllInterviews(project, 4, "housing");
    approveSynthesis(project);
    awaitMilestone(project, MilestoneKey.INSIGHTS_SYNTHESISED);
    planSession(project, Duration.ofDays(3));
    awaitActive(project, "ReminderDueTimer");
    advance(Duration.ofDays(3).plusHours(1));
    var outcome = new java.util.HashMap<String, Object>(sessionOutcome());
    outcome.put(
        "agendaItems",
        List.of(
            agendaItem(
                "housing",
                "Open a starters' housing desk with the experts",
                "Gemeente Almere",
                "short",
                "high"),
            agendaItem(
                "housing", "Shared housing for starters", "gemeente almere", "long", "medium")));
    complete(project, "record-session-outcome", outcome);
    awaitMilestone(project, MilestoneKey.ACTION_AGENDA_DRAFTED);
    giveFeedback(project, 2, 5);
    awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    holdHandoverMeeting(project);
    tasks.complete(
        CLIENT, task(project, "accept-handover").key(), Map.of("handoverAccepted", true));
    awaitMilestone(project, MilestoneKey.HANDOVER_COMPLETED);
    return project;
  }

  /** Every open feedback task answered with this support for every action. */
  @SuppressWarnings("unchecked")
  public void giveFeedback(UUID projectId, int count, int support) {
    for (UserTask task : tasks(projectId, "give-feedback", count)) {
      var items =
          ((List<Map<String, Object>>) task.variables().get("feedbackItems"))
              .stream()
                  .map(
                      item -> {
                        var row = new java.util.HashMap<String, Object>(item);
                        row.put("support", String.valueOf(support));
                        row.put("comment", "Support " + support);
                        return (Map<String, Object>) row;
                      })
                  .toList();
      tasks.complete(actor, task.key(), Map.of("feedbackItems", items));
    }
  }

  /** A project through feedback (full support) and the handover meeting: the client's turn. */
  public UUID awaitingAcceptance() {
    UUID project = agendaDrafted();
    giveFeedback(project, 2, 5);
    awaitMilestone(project, MilestoneKey.FEEDBACK_INCORPORATED);
    holdHandoverMeeting(project);
    task(project, "accept-handover");
    return project;
  }

  public void holdHandoverMeeting(UUID projectId) {
    complete(projectId, "hold-handover-meeting", handoverMeeting(clock.instant()));
  }

  public static Map<String, Object> handoverMeeting(java.time.Instant at) {
    return Map.of(
        "meetingAt",
        at.toString(),
        "attendingOrganisations",
        List.of(Map.of("organisation", "Gemeente Almere", "participantCount", 4)),
        "followUps",
        List.of("welcome-meetings", "next-pool"),
        "agreements",
        "Welcome meetings every quarter; a next pool in spring.");
  }

  public static final CurrentUser CLIENT =
      new CurrentUser("client", Set.of(Role.CLIENT), "Gemeente Almere");

  public MilestoneStatus milestone(UUID projectId, MilestoneKey key) {
    return milestones.of(projectId).stream()
        .filter(m -> m.getKey() == key)
        .map(Milestone::getStatus)
        .findFirst()
        .orElseThrow();
  }

  public void awaitMilestone(UUID projectId, MilestoneKey key) {
    waitFor(() -> milestone(projectId, key) == MilestoneStatus.REACHED, Boolean::booleanValue);
  }

  public List<String> activeElementIds(UUID projectId) {
    long instance = projects.get(projectId).getProcessInstanceKey();
    return engine.activeElements(instance).stream().map(ElementInstance::elementId).toList();
  }

  /** Asks until the answer is done, for at most {@link #WAIT}. */
  protected static <T> T waitFor(Supplier<T> probe, Predicate<T> done) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T answer = probe.get();
      if (done.test(answer)) {
        return answer;
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException("Still not there after " + WAIT + ": " + answer);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting", e);
      }
    }
  }
}
