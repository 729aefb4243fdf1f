package nl.expertpool.engine.camunda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.request.FinalSearchRequestStep;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.request.TypedPageableRequest;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.EngineAccess;
import nl.expertpool.engine.EngineAccessDeniedException;
import nl.expertpool.engine.EngineUnavailableException;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine port on a Camunda 8.8 cluster, through the Orchestration Cluster REST API (v2).
 *
 * <p>Commands (assign, complete) go to the engine; reads come from the cluster's search data, which
 * follows the engine a moment later. So that a page reloaded after a command shows its effect, a
 * command returns once the search data shows it too, or after {@code visibilityWait}.
 */
final class CamundaProcessEngine implements ProcessEngine {

  private static final Logger log = LoggerFactory.getLogger(CamundaProcessEngine.class);

  static final int PAGE_SIZE = 100;
  static final Duration VISIBILITY_WAIT = Duration.ofSeconds(5);

  private final CamundaClient client;
  private final ObjectMapper json;
  private final Duration visibilityWait;
  private final Map<Long, String> formIdsByKey = new ConcurrentHashMap<>();
  private final EngineAccess access;

  CamundaProcessEngine(CamundaClient client, ObjectMapper json) {
    this(client, json, VISIBILITY_WAIT, new EngineAccess());
  }

  CamundaProcessEngine(CamundaClient client, ObjectMapper json, EngineAccess access) {
    this(client, json, VISIBILITY_WAIT, access);
  }

  CamundaProcessEngine(
      CamundaClient client, ObjectMapper json, Duration visibilityWait, EngineAccess access) {
    this.client = client;
    this.json = json;
    this.visibilityWait = visibilityWait;
    this.access = access;
  }

  /**
   * An open task as the cluster shows it: created, or passing through an assignment or an update
   * (with task listeners these last while the listeners' jobs run). One that is completing has left
   * the open list, as in Tasklist.
   */
  private static final List<UserTaskState> OPEN_STATES =
      List.of(UserTaskState.CREATED, UserTaskState.ASSIGNING, UserTaskState.UPDATING);

  private static boolean isOpen(UserTaskState state) {
    return OPEN_STATES.contains(state);
  }

  @Override
  public List<UserTask> openUserTasks(TaskQuery query) {
    if (query.candidateGroups() != null && query.candidateGroups().isEmpty()) {
      return List.of();
    }
    var tasks =
        all(
            after ->
                pageOf(
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> filter(f, query))
                        .sort(s -> s.creationDate().asc()),
                    after));
    return tasks.stream()
        .map(this::details)
        .flatMap(Optional::stream)
        .filter(query::matches)
        .toList();
  }

  private void filter(UserTaskFilter f, TaskQuery query) {
    f.state(s -> s.in(OPEN_STATES));
    if (query.processInstanceKey() != null) {
      f.processInstanceKey(query.processInstanceKey());
    }
    if (query.assignee() != null) {
      f.assignee(query.assignee());
    }
    if (query.candidateGroups() != null) {
      List<String> groups = List.copyOf(query.candidateGroups());
      f.candidateGroup(g -> g.in(groups));
    }
    if (query.variableName() != null) {
      // The search compares the variable's stored JSON: the string abc matches "abc", not abc.
      String value = jsonOf(query.variableValue());
      f.processInstanceVariables(List.of(v -> v.name(query.variableName()).value(value)));
    }
  }

  @Override
  public Optional<UserTask> userTask(long taskKey) {
    return fetch(taskKey).filter(task -> isOpen(task.getState())).flatMap(this::details);
  }

  @Override
  public void assign(long taskKey, String assignee) {
    command(
        taskKey,
        () -> {
          if (assignee == null) {
            client.newUnassignUserTaskCommand(taskKey).send().join();
          } else {
            client
                .newAssignUserTaskCommand(taskKey)
                .assignee(assignee)
                .allowOverride(true)
                .send()
                .join();
          }
        });
    awaitVisible(
        taskKey,
        task ->
            !isOpen(task.getState())
                || task.getState() == UserTaskState.CREATED
                    && Objects.equals(blankToNull(task.getAssignee()), assignee));
  }

  @Override
  public void complete(long taskKey, Map<String, Object> variables) {
    command(
        taskKey,
        () ->
            client
                .newCompleteUserTaskCommand(taskKey)
                .variables(variables == null ? Map.of() : variables)
                .send()
                .join());
    awaitVisible(taskKey, task -> !isOpen(task.getState()));
  }

  @Override
  public boolean knowsInstance(long processInstanceKey) {
    return !pageOf(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(processInstanceKey)),
            null)
        .items()
        .isEmpty();
  }

  @Override
  public List<ElementInstance> activeElements(long processInstanceKey) {
    return instanceTree(processInstanceKey).stream()
        .flatMap(
            key ->
                all(
                    after ->
                        pageOf(
                            client
                                .newElementInstanceSearchRequest()
                                .filter(
                                    f ->
                                        f.processInstanceKey(key)
                                            .state(ElementInstanceState.ACTIVE)),
                            after))
                    .stream())
        .filter(e -> e.getType() != ElementInstanceType.PROCESS)
        .map(
            e ->
                new ElementInstance(
                    e.getElementInstanceKey(),
                    e.getProcessInstanceKey(),
                    e.getProcessDefinitionId(),
                    e.getElementId(),
                    Objects.requireNonNullElse(e.getElementName(), e.getElementId()),
                    String.valueOf(e.getType())))
        .toList();
  }

  @Override
  public List<Incident> openIncidents(long processInstanceKey) {
    return instanceTree(processInstanceKey).stream()
        .flatMap(
            key ->
                all(
                    after ->
                        pageOf(
                            client
                                .newIncidentSearchRequest()
                                .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE)),
                            after))
                    .stream())
        .map(
            i ->
                new Incident(
                    i.getIncidentKey(),
                    i.getProcessInstanceKey(),
                    i.getProcessDefinitionId(),
                    i.getElementId(),
                    orZero(i.getElementInstanceKey()),
                    orZero(i.getJobKey()),
                    String.valueOf(i.getErrorType()),
                    i.getErrorMessage(),
                    instant(i.getCreationTime())))
        .toList();
  }

  @Override
  public boolean clockAdjustable() {
    return false;
  }

  @Override
  public Instant advanceClock(Duration duration) {
    throw new UnsupportedOperationException("A Camunda cluster's clock follows real time");
  }

  /** The instance and the active instances it called, breadth first, at any depth. */
  private List<Long> instanceTree(long processInstanceKey) {
    var tree = new ArrayList<Long>(List.of(processInstanceKey));
    for (int i = 0; i < tree.size(); i++) {
      long parent = tree.get(i);
      all(after ->
              pageOf(
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(
                          f ->
                              f.parentProcessInstanceKey(parent)
                                  .state(ProcessInstanceState.ACTIVE)),
                  after))
          .forEach(child -> tree.add(child.getProcessInstanceKey()));
    }
    return tree;
  }

  private Optional<io.camunda.client.api.search.response.UserTask> fetch(long taskKey) {
    try {
      return Optional.ofNullable(send(() -> client.newUserTaskGetRequest(taskKey).send().join()));
    } catch (ClientHttpException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The task with its form and variables; empty when it vanished since it was found. */
  private Optional<UserTask> details(io.camunda.client.api.search.response.UserTask task) {
    try {
      return Optional.of(toUserTask(task));
    } catch (ClientHttpException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private UserTask toUserTask(io.camunda.client.api.search.response.UserTask task) {
    return new UserTask(
        task.getUserTaskKey(),
        Objects.requireNonNullElse(task.getName(), task.getElementId()),
        task.getElementId(),
        formId(task),
        Objects.requireNonNullElse(task.getCandidateGroups(), List.of()),
        Objects.requireNonNullElse(task.getCandidateUsers(), List.of()),
        blankToNull(task.getAssignee()),
        task.getProcessInstanceKey(),
        task.getBpmnProcessId(),
        task.getProcessDefinitionKey(),
        variables(task),
        instant(task.getCreationDate()),
        instant(task.getDueDate()),
        task.getPriority() == null ? 0 : task.getPriority());
  }

  /** The linked form's id; a form key names one version of one form, so it is asked once. */
  private String formId(io.camunda.client.api.search.response.UserTask task) {
    Long formKey = task.getFormKey();
    if (formKey == null) {
      return null;
    }
    String known = formIdsByKey.get(formKey);
    if (known != null) {
      return known;
    }
    var form = send(() -> client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join());
    // 204: the task links no form after all.
    if (form == null || form.getFormId() == null) {
      return null;
    }
    formIdsByKey.put(formKey, form.getFormId());
    return form.getFormId();
  }

  /**
   * The variables the task sees. The search lists every scope's variables; one of an inner scope
   * shadows one of the same name outside it, as in the engine.
   */
  private Map<String, Object> variables(io.camunda.client.api.search.response.UserTask task) {
    long taskKey = task.getUserTaskKey();
    var found =
        all(
            after ->
                pageOf(client.newUserTaskVariableSearchRequest(taskKey).withFullValues(), after));
    var variables = new LinkedHashMap<String, Object>();
    found.stream()
        .sorted(
            Comparator.comparingInt((Variable v) -> depth(v, task))
                .thenComparingLong(v -> orZero(v.getScopeKey())))
        .forEach(v -> variables.put(v.getName(), parse(v.getValue())));
    return variables;
  }

  private static int depth(Variable variable, io.camunda.client.api.search.response.UserTask task) {
    if (Objects.equals(variable.getScopeKey(), task.getElementInstanceKey())) {
      return 2;
    }
    return Objects.equals(variable.getScopeKey(), task.getProcessInstanceKey()) ? 0 : 1;
  }

  private Object parse(String value) {
    try {
      return value == null ? null : json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private String jsonOf(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A variable filter value cannot be written as JSON", e);
    }
  }

  /** Runs a user-task command and says what a refusal means for the port. */
  private void command(long taskKey, Runnable command) {
    try {
      send(
          () -> {
            command.run();
            return null;
          });
    } catch (ClientHttpException e) {
      throw switch (e.code()) {
        case 404 -> notOpen(taskKey);
        case 409 -> new TaskConflictException(taskKey, detail(e));
        default -> e;
      };
    }
  }

  /**
   * The engine forgets a task once it is completed or canceled and then answers 404; the search
   * data still knows it, which tells a task closed already from one that never was.
   */
  private RuntimeException notOpen(long taskKey) {
    return fetch(taskKey)
        .<RuntimeException>map(
            task ->
                new TaskConflictException(
                    taskKey,
                    isOpen(task.getState())
                        ? "it is no longer open"
                        : "it is " + task.getState().name().toLowerCase(Locale.ROOT) + " already"))
        .orElseGet(() -> new TaskNotFoundException(taskKey));
  }

  /** Waits, within bounds, until the search data shows what a command did. */
  private void awaitVisible(
      long taskKey, Predicate<io.camunda.client.api.search.response.UserTask> done) {
    long deadline = System.nanoTime() + visibilityWait.toNanos();
    long pause = TimeUnit.MILLISECONDS.toNanos(20);
    try {
      while (true) {
        var task = fetch(taskKey);
        if (task.isEmpty() || done.test(task.get())) {
          return;
        }
        if (System.nanoTime() + pause > deadline) {
          log.debug("User task {} changed, but the search data does not show it yet", taskKey);
          return;
        }
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(500));
      }
    } catch (RuntimeException e) {
      // The command went through; only the read-back failed.
      log.debug("Could not read user task {} back after a command", taskKey, e);
    }
  }

  /**
   * Sends a request. Backpressure (503) is tried again after a growing pause, {@link #ATTEMPTS}
   * times in all, as Camunda advises; a cluster that still does not answer, fails, or refuses the
   * app's credentials is unavailable to the app; a missing authorization (403) is told apart, with
   * the permission the cluster named. Other refusals are the caller's to interpret.
   */
  private <T> T send(Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (ClientHttpException e) {
        if (e.code() == 503 && attempt < ATTEMPTS) {
          Duration pause = FIRST_PAUSE.multipliedBy(1L << (attempt - 1));
          log.debug(
              "The Camunda REST API is too busy (503: {}), trying again in {} ms",
              detail(e),
              pause.toMillis());
          LockSupport.parkNanos(pause.toNanos());
          continue;
        }
        if (e.code() == 403) {
          throw denied(e);
        }
        if (e.code() == 401 || e.code() >= 500) {
          throw unavailable(e);
        }
        throw e;
      } catch (ClientException e) {
        throw new EngineUnavailableException(
            "The Camunda REST API did not answer: " + rootMessage(e), e);
      }
    }
  }

  /** Ours; the client's HTTP layer also tries a 503 once more by itself, after a second. */
  private static final int ATTEMPTS = 3;

  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

  private static final java.util.regex.Pattern PERMISSION =
      java.util.regex.Pattern.compile("operation '(\\w+)' on resource '(\\w+)'");

  /** A 403: the permission the cluster named, kept for the health until it is granted. */
  private EngineAccessDeniedException denied(ClientHttpException e) {
    String detail = detail(e);
    var named = PERMISSION.matcher(detail == null ? "" : detail);
    String permission = named.find() ? named.group(1) + " on " + named.group(2) : null;
    String request = requestOf(e);
    access.denied(request, permission);
    String message =
        "The Camunda cluster does not allow the app's client %s (403: %s); grant %s to the client in the cluster's Identity"
            .formatted(
                request,
                detail,
                permission == null ? "the permission it names" : "the permission " + permission);
    log.warn(message);
    return new EngineAccessDeniedException(message, permission, e);
  }

  /** What was asked: the problem's instance, its path, where the cluster gives it. */
  private static String requestOf(ClientHttpException e) {
    if (e instanceof ProblemException problem
        && problem.details() != null
        && problem.details().getInstance() != null) {
      return problem.details().getInstance().toString();
    }
    return "a request";
  }

  private static EngineUnavailableException unavailable(ClientHttpException e) {
    String status = e.code() + " " + Objects.requireNonNullElse(e.reason(), "");
    String message =
        switch (e.code()) {
          case 401 ->
              "The Camunda REST API refused the app's credentials (%s: %s); check the client's"
                      .formatted(status.strip(), detail(e))
                  + " authentication settings (CAMUNDA_CLIENT_AUTH_*)";
          default -> "The Camunda REST API failed (%s: %s)".formatted(status.strip(), detail(e));
        };
    return new EngineUnavailableException(message, e);
  }

  private static String detail(ClientHttpException e) {
    if (e instanceof ProblemException problem
        && problem.details() != null
        && problem.details().getDetail() != null) {
      return problem.details().getDetail();
    }
    return e.getMessage();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private <T, R extends TypedPageableRequest<R> & FinalSearchRequestStep<T>>
      SearchResponse<T> pageOf(R request, String after) {
    return send(
        () ->
            request
                .page(
                    (SearchRequestPage p) -> {
                      p.limit(PAGE_SIZE);
                      if (after != null) {
                        p.after(after);
                      }
                    })
                .send()
                .join());
  }

  /** Follows the cursor until a page comes back short or without a next cursor. */
  private static <T> List<T> all(Function<String, SearchResponse<T>> fetch) {
    var items = new ArrayList<T>();
    String after = null;
    while (true) {
      var page = fetch.apply(after);
      items.addAll(page.items());
      String next = page.page() == null ? null : page.page().endCursor();
      if (page.items().size() < PAGE_SIZE || next == null || next.equals(after)) {
        return items;
      }
      after = next;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
