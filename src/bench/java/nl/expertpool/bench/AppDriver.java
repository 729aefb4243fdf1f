package nl.expertpool.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.UserTask;
import nl.expertpool.engine.embedded.EmbeddedZeebe;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.project.NewProject;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskInbox;
import org.springframework.context.ApplicationContext;

/**
 * The app as its API drives it: the same services the controllers call, with the database, the form
 * validation, the stored submissions and the real job workers.
 */
final class AppDriver implements Driver {

  static final String CLIENT_ORGANISATION = "Gemeente Almere";
  private static final CurrentUser PM = new CurrentUser("pm", Set.of(Role.PROJECT_MANAGER), null);
  private static final CurrentUser CLIENT =
      new CurrentUser("client", Set.of(Role.CLIENT), CLIENT_ORGANISATION);

  private final ProjectLifecycle projects;
  private final CallForExperts call;
  private final Intake intake;
  private final TaskInbox tasks;
  private final ProcessEngine engine;
  private final Clock clock;
  private final RecordWatch records;
  private final Map<UUID, String> signUpCodes = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();
  private final String name;

  AppDriver(ApplicationContext app) {
    this(app, "app");
  }

  AppDriver(ApplicationContext app, String name) {
    this.name = name;
    this.projects = app.getBean(ProjectLifecycle.class);
    this.call = app.getBean(CallForExperts.class);
    this.intake = app.getBean(Intake.class);
    this.tasks = app.getBean(TaskInbox.class);
    this.engine = app.getBean(ProcessEngine.class);
    this.clock = app.getBean(Clock.class);
    this.records = new RecordWatch(app.getBean(EmbeddedZeebe.class));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProjectRef create(int experts, int interviewsPerExpert) {
    Project project =
        projects.create(
            new NewProject(
                "Bench pool " + created.incrementAndGet(),
                CLIENT_ORGANISATION,
                "Almere",
                experts,
                interviewsPerExpert,
                List.of("housing", "work"),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                null,
                null,
                null,
                null,
                null),
            "pm");
    return new ProjectRef(project.getId(), project.getProcessInstanceKey());
  }

  @Override
  public void apply(ProjectRef project, int index) {
    String code = signUpCodes.computeIfAbsent(project.id(), id -> call.callOf(id).signUpCode());
    // Recorded as staff do, so that it counts at once: the public sign-up waits for its applicant
    // to confirm by e-mail.
    intake.record(
        project.id(), LifecycleDriver.application(code, "Bench Applicant " + (index + 1)), "bench");
  }

  @Override
  public List<UserTask> openTasks(ProjectRef project) {
    return tasks.open(PM, project.id());
  }

  @Override
  public void complete(
      ProjectRef project, UserTask task, Map<String, Object> values, boolean byClient) {
    tasks.complete(byClient ? CLIENT : PM, task.key(), values);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void advanceClock(Duration duration) {
    engine.advanceClock(duration);
  }

  @Override
  public RecordWatch records() {
    return records;
  }

  @Override
  public void close() {
    records.close();
  }
}
