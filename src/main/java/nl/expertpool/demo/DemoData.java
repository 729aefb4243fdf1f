package nl.expertpool.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.security.UserDirectory;
import nl.expertpool.tasks.TaskInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads one project in each phase on the embedded default, in the background: each is started and
 * driven by {@link ProjectDriver} through the real processes, the clock moved where they wait. The
 * projects that get furthest start first, so that the clock moves no later project past a deadline;
 * the one still recruiting starts last, its call open. Loads once: not again while its projects
 * exist.
 */
@Service
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** The demo users' expert account (see {@code UsersConfiguration}). */
  static final String DEMO_EXPERT = "expert";

  /** Where loading is: not started, under way, done, or failed (with the reason in the log). */
  public enum State {
    IDLE,
    LOADING,
    LOADED,
    FAILED
  }

  /** The demo projects, from the one still recruiting to the one awaiting the handover. */
  /**
   * @param language what the pool's newcomers prefer of the languages the app offers: their pages,
   *     messages and (every other) interview are in it
   */
  record Plan(String name, String client, String region, List<String> themes, String language) {

    /** The themes' Dutch names. */
    Map<String, Map<String, String>> labels() {
      Map<String, Map<String, String>> labels = new java.util.LinkedHashMap<>();
      themes.forEach(theme -> labels.put(theme, Map.of("nl", DUTCH.get(theme))));
      return labels;
    }
  }

  private static final Map<String, String> DUTCH =
      Map.ofEntries(
          Map.entry("work", "werk"),
          Map.entry("language", "taal"),
          Map.entry("childcare", "kinderopvang"),
          Map.entry("education", "onderwijs"),
          Map.entry("mental health", "mentale gezondheid"),
          Map.entry("housing", "wonen"),
          Map.entry("neighbourhood", "buurt"),
          Map.entry("health", "gezondheid"),
          Map.entry("welcome", "welkom"));

  static final List<Plan> PLANS =
      List.of(
          new Plan(
              "Work that fits: Ukrainian newcomers in Almere",
              "Gemeente Almere",
              "Almere",
              List.of("work", "language", "childcare"),
              "uk"),
          new Plan(
              "Eritrean young people and school in Utrecht",
              "Gemeente Utrecht",
              "Utrecht",
              List.of("education", "mental health"),
              "en"),
          new Plan(
              "Syrian families finding a home in Gelderland",
              "Provincie Gelderland",
              "Gelderland",
              List.of("housing", "neighbourhood"),
              "ar"),
          new Plan(
              "Afghan women and health care in Amersfoort",
              "Gemeente Amersfoort",
              "Amersfoort",
              List.of("health", "language"),
              "en"),
          new Plan(
              "Status holders learning Dutch in Zwolle",
              "Gemeente Zwolle",
              "Zwolle",
              List.of("language", "work"),
              "nl"),
          new Plan(
              "A welcome for Ukrainian newcomers in Almere",
              "Gemeente Almere",
              "Almere",
              List.of("housing", "welcome"),
              "uk"));

  private static final List<List<String>> APPLICANTS =
      List.of(
          List.of("Olena Kovalenko", "Dmytro Shevchuk", "Iryna Bondar"),
          List.of("Semhar Tesfay", "Yonas Haile"),
          List.of("Rasha Haddad", "Omar Al-Khatib"),
          List.of("Zahra Ahmadi", "Mariam Noori"),
          List.of("Aram Yousef", "Helen Berhane"),
          List.of("Oksana Melnyk", "Taras Hrytsenko"));

  private final ProjectLifecycle projects;
  private final CallForExperts call;
  private final Intake intake;
  private final ApplicationConfirmation confirmation;
  private final Pool pool;
  private final TaskInbox tasks;
  private final ProcessEngine engine;
  private final ExpertAccess access;
  private final UserDirectory users;
  private final MilestoneTracker milestones;
  private final AuditTrail audit;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "demo-data");
            thread.setDaemon(true);
            return thread;
          });

  DemoData(
      ProjectLifecycle projects,
      CallForExperts call,
      Intake intake,
      ApplicationConfirmation confirmation,
      Pool pool,
      TaskInbox tasks,
      ProcessEngine engine,
      ExpertAccess access,
      UserDirectory users,
      MilestoneTracker milestones,
      AuditTrail audit,
      org.springframework.transaction.support.TransactionTemplate transactions,
      Clock clock) {
    this.transactions = transactions;
    this.projects = projects;
    this.call = call;
    this.intake = intake;
    this.confirmation = confirmation;
    this.pool = pool;
    this.tasks = tasks;
    this.engine = engine;
    this.access = access;
    this.users = users;
    this.milestones = milestones;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether demo data can be loaded here: on the embedded default, whose clock moves. */
  public boolean offered() {
    return engine.clockAdjustable();
  }

  public State state() {
    if (state.get() == State.IDLE && loadedBefore()) {
      return State.LOADED;
    }
    return state.get();
  }

  /**
   * Starts loading in the background.
   *
   * @return false when it cannot start: not offered here, loading, or loaded already
   */
  public boolean start(String actorName) {
    if (!offered() || loadedBefore() || !state.compareAndSet(State.IDLE, State.LOADING)) {
      return false;
    }
    record(actorName, "demo.load-started", PLANS.size() + " projects");
    CurrentUser actor = new CurrentUser(actorName, Set.of(Role.PROJECT_MANAGER), null);
    worker.submit(
        () -> {
          try {
            List<UUID> made = load(actor);
            state.set(State.LOADED);
            record(actorName, "demo.loaded", made.size() + " projects");
          } catch (RuntimeException e) {
            LOG.error("Loading the demo data failed", e);
            state.set(State.FAILED);
          }
        });
    return true;
  }

  private void record(String actor, String action, String detail) {
    transactions.executeWithoutResult(status -> audit.record(actor, action, "demo", detail));
  }

  private boolean loadedBefore() {
    var names = PLANS.stream().map(Plan::name).toList();
    return projects.all().stream().map(Project::getName).anyMatch(names::contains);
  }

  /** Drives the projects, furthest first; the ids in the order of {@link #PLANS}. */
  List<UUID> load(CurrentUser actor) {
    var driver =
        new ProjectDriver(
            projects, call, intake, confirmation, pool, tasks, engine, milestones, clock, actor);
    List<UUID> ids = new ArrayList<>();
    for (int i = 1; i < PLANS.size(); i++) {
      ids.add(create(driver, i));
    }
    // All five recruit, are screened and accepted.
    driver.advance(Duration.ofDays(NewProject.DEFAULT_RECRUITMENT_WINDOW_DAYS));
    for (UUID id : ids) {
      driver.screen(id, "accept");
    }
    for (UUID id : ids) {
      driver.awaitMilestone(id, MilestoneKey.EXPERTS_RECRUITED);
    }
    // The first stays in training, with its sessions still to be scheduled; the others train.
    List<UUID> trained = ids.subList(1, ids.size());
    for (UUID id : trained) {
      driver.scheduleOneSession(id);
      driver.awaitActive(id, "LastSessionEndedTimer");
    }
    driver.advance(Duration.ofDays(2));
    for (UUID id : trained) {
      driver.recordAttendance(id, true);
      driver.awaitMilestone(id, MilestoneKey.TRAINING_COMPLETED);
    }
    // Interviews: the first of these has half of them recorded, the others all.
    UUID interviewing = trained.getFirst();
    var open = driver.tasks(interviewing, "record-network-interview", 4);
    for (int i = 0; i < 2; i++) {
      tasks.complete(
          actor, open.get(i).key(), interview(PLANS.get(2), i), language(PLANS.get(2), i));
    }
    linkDemoExpert(
        interviewing,
        UUID.fromString(String.valueOf(open.get(3).variables().get("expertId"))),
        actor);
    List<UUID> synthesised = trained.subList(1, trained.size());
    for (UUID id : synthesised) {
      Plan plan = PLANS.get(ids.indexOf(id) + 1);
      var interviews = driver.tasks(id, "record-network-interview", 4);
      for (int i = 0; i < interviews.size(); i++) {
        tasks.complete(actor, interviews.get(i).key(), interview(plan, i), language(plan, i));
      }
      driver.approveSynthesis(id);
      driver.awaitMilestone(id, MilestoneKey.INSIGHTS_SYNTHESISED);
    }
    // The first of these waits for its session to be planned; the others hold theirs.
    List<UUID> sessions = synthesised.subList(1, synthesised.size());
    for (UUID id : sessions) {
      driver.planSession(id, Duration.ofDays(3));
      driver.awaitActive(id, "ReminderDueTimer");
    }
    driver.advance(Duration.ofDays(3).plusHours(1));
    for (UUID id : sessions) {
      Plan plan = PLANS.get(ids.indexOf(id) + 1);
      driver.complete(id, "record-session-outcome", outcome(plan));
      driver.awaitMilestone(id, MilestoneKey.ACTION_AGENDA_DRAFTED);
    }
    // The last has its feedback and handover meeting: the client's acceptance is due.
    UUID handover = sessions.getLast();
    driver.giveFeedback(handover, 2, 4);
    driver.awaitMilestone(handover, MilestoneKey.FEEDBACK_INCORPORATED);
    driver.holdHandoverMeeting(handover);
    driver.task(handover, "accept-handover");
    // And one that recruits now, its call open.
    ids.addFirst(create(driver, 0));
    return ids;
  }

  /**
   * The demo account {@value #DEMO_EXPERT} becomes an expert of the project interviewing now, one
   * with interviews still open, whose application asked for its pool's language: signed in, its
   * pages open in that language, its open interviews first. Without such an account (people sign in
   * elsewhere), nobody.
   */
  private void linkDemoExpert(UUID projectId, UUID expertId, CurrentUser actor) {
    if (users.roleOf(DEMO_EXPERT).filter(role -> role == Role.EXPERT).isPresent()) {
      access.link(expertId, DEMO_EXPERT, actor.name());
    }
  }

  private UUID create(ProjectDriver driver, int index) {
    Plan plan = PLANS.get(index);
    Project project =
        projects.create(
            new NewProject(
                plan.name(),
                plan.client(),
                plan.region(),
                APPLICANTS.get(index).size(),
                2,
                plan.themes(),
                driver.today(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                plan.labels(),
                null,
                null,
                null),
            driver.actor.name());
    driver.awaitWindowOpen(project.getId());
    for (String name : APPLICANTS.get(index)) {
      driver.apply(project.getId(), name, plan.language());
    }
    return project.getId();
  }

  /**
   * What an interview's answers say, in the words of the languages the demo records in: the pool's
   * own language and English.
   */
  private static final Map<String, List<String>> SAID =
      Map.of(
          "en",
          List.of(
              "Someone who explains how things work here\nTime to learn the language",
              "Nobody told us where to start.",
              "The first months decide how people find their way.",
              "A buddy from the community in the first months"),
          "uk",
          List.of(
              "Хтось, хто пояснить, як тут усе влаштовано\nЧас, щоб вивчити мову",
              "Ніхто не сказав нам, з чого почати.",
              "Перші місяці вирішують, як люди знаходять свій шлях.",
              "Наставник із громади в перші місяці"),
          "ar",
          List.of(
              "شخص يشرح كيف تسير الأمور هنا\nوقت لتعلّم اللغة",
              "لم يخبرنا أحد من أين نبدأ.",
              "الأشهر الأولى تحدد كيف يجد الناس طريقهم.",
              "مرشد من الجالية في الأشهر الأولى"),
          "nl",
          List.of(
              "Iemand die uitlegt hoe het hier werkt\nTijd om de taal te leren",
              "Niemand vertelde ons waar we moesten beginnen.",
              "De eerste maanden bepalen hoe mensen hun weg vinden.",
              "Een maatje uit de eigen gemeenschap in de eerste maanden"));

  /**
   * The language an interview is recorded in: the first in English, the others in the pool's own.
   * So every theme's quotes include the pool's language, whichever interviews the synthesis quotes
   * first (it takes them by expert, whose ids are random).
   */
  private static String language(Plan plan, int index) {
    return index > 0 && SAID.containsKey(plan.language()) ? plan.language() : "en";
  }

  private static Map<String, Object> interview(Plan plan, int index) {
    String theme = plan.themes().get(index % plan.themes().size());
    List<String> said = SAID.get(language(plan, index));
    return Map.of(
        "intervieweeConsent",
        "given",
        "ageBand",
        index % 2 == 0 ? "26-35" : "36-50",
        "gender",
        index % 2 == 0 ? "woman" : "man",
        "residenceStatus",
        plan.language().equals("uk") ? "temporary-protection" : "refugee",
        "timeInNetherlands",
        "1-3",
        "themes",
        index == 0 ? plan.themes() : List.of(theme),
        "needs",
        said.get(0),
        "keyQuotes",
        said.get(1),
        "insights",
        said.get(2),
        "solutions",
        said.get(3));
  }

  private static Map<String, Object> outcome(Plan plan) {
    String theme = plan.themes().getFirst();
    return Map.of(
        "participants",
        List.of(
            Map.of("organisation", plan.client(), "participantCount", 3),
            Map.of("organisation", "Expert pool", "participantCount", 2)),
        "sharedInsight",
        "From empathy to perspective",
        "sessionHours",
        2.5,
        "agendaItems",
        List.of(
            Map.of(
                "theme",
                theme,
                "action",
                "Set up a desk on " + theme + " staffed with the experts",
                "owner",
                plan.client(),
                "term",
                "short",
                "priority",
                "high",
                "supportingInsights",
                List.of(theme))));
  }
}
