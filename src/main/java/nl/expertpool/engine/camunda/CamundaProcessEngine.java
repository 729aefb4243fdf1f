package nl.expertpool.engine.camunda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.request.FinalSearchRequestStep;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.request.TypedPageableRequest;
import io.camunda.client.api.search.response.SearchResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.engine.TaskConflictException;
import nl.expertpool.engine.TaskNotFoundException;
import nl.expertpool.engine.UserTask;

/** The engine port on a Camunda 8.8 cluster, through the Orchestration Cluster REST API (v2). */
final class CamundaProcessEngine implements ProcessEngine {

  private static final int PAGE_SIZE = 100;

  private final CamundaClient client;
  private final ObjectMapper json;
  private final Map<Long, String> formIdsByKey = new ConcurrentHashMap<>();

  CamundaProcessEngine(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public List<UserTask> openUserTasks(TaskQuery query) {
    var tasks =
        all(
            after ->
                pageOf(
                    client
                        .newUserTaskSearchRequest()
                        .filter(
                            f -> {
                              f.state(UserTaskState.CREATED);
                              if (query.processInstanceKey() != null) {
                                f.processInstanceKey(query.processInstanceKey());
                              }
                              if (query.assignee() != null) {
                                f.assignee(query.assignee());
                              }
                              if (query.candidateGroups() != null
                                  && query.candidateGroups().size() == 1) {
                                f.candidateGroup(query.candidateGroups().getFirst());
                              }
                              if (query.variableName() != null) {
                                f.processInstanceVariables(
                                    Map.of(query.variableName(), query.variableValue()));
                              }
                            })
                        .sort(s -> s.creationDate().asc()),
                    after));
    return tasks.stream().map(this::toUserTask).filter(query::matches).toList();
  }

  @Override
  public Optional<UserTask> userTask(long taskKey) {
    try {
      var task = client.newUserTaskGetRequest(taskKey).send().join();
      return task.getState() == UserTaskState.CREATED
          ? Optional.of(toUserTask(task))
          : Optional.empty();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void assign(long taskKey, String assignee) {
    try {
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
    } catch (ProblemException e) {
      throw translate(taskKey, e);
    }
  }

  @Override
  public void complete(long taskKey, Map<String, Object> variables) {
    try {
      client
          .newCompleteUserTaskCommand(taskKey)
          .variables(variables == null ? Map.of() : variables)
          .send()
          .join();
    } catch (ProblemException e) {
      throw translate(taskKey, e);
    }
  }

  @Override
  public List<ElementInstance> activeElements(long processInstanceKey) {
    return all(
            after ->
                pageOf(
                    client
                        .newElementInstanceSearchRequest()
                        .filter(
                            f ->
                                f.processInstanceKey(processInstanceKey)
                                    .state(ElementInstanceState.ACTIVE)),
                    after))
        .stream()
        .filter(e -> !"PROCESS".equals(String.valueOf(e.getType())))
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
    return all(
            after ->
                pageOf(
                    client
                        .newIncidentSearchRequest()
                        .filter(
                            f ->
                                f.processInstanceKey(processInstanceKey)
                                    .state(IncidentState.ACTIVE)),
                    after))
        .stream()
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

  private UserTask toUserTask(io.camunda.client.api.search.response.UserTask task) {
    return new UserTask(
        task.getUserTaskKey(),
        Objects.requireNonNullElse(task.getName(), task.getElementId()),
        task.getElementId(),
        formId(task),
        Objects.requireNonNullElse(task.getCandidateGroups(), List.of()),
        Objects.requireNonNullElse(task.getCandidateUsers(), List.of()),
        task.getAssignee(),
        task.getProcessInstanceKey(),
        task.getBpmnProcessId(),
        task.getProcessDefinitionKey(),
        variables(task.getUserTaskKey()),
        instant(task.getCreationDate()),
        instant(task.getDueDate()),
        task.getPriority() == null ? 0 : task.getPriority());
  }

  private String formId(io.camunda.client.api.search.response.UserTask task) {
    if (task.getFormKey() == null) {
      return null;
    }
    return formIdsByKey.computeIfAbsent(
        task.getFormKey(),
        k -> client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId());
  }

  private Map<String, Object> variables(long taskKey) {
    var variables = new LinkedHashMap<String, Object>();
    all(after -> pageOf(client.newUserTaskVariableSearchRequest(taskKey).withFullValues(), after))
        .forEach(v -> variables.put(v.getName(), parse(v.getValue())));
    return variables;
  }

  private Object parse(String value) {
    try {
      return value == null ? null : json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private RuntimeException translate(long taskKey, ProblemException e) {
    String detail = e.details() == null ? e.getMessage() : e.details().getDetail();
    return switch (e.code()) {
      case 404 -> new TaskNotFoundException(taskKey);
      case 409 -> new TaskConflictException(taskKey, detail);
      default -> e;
    };
  }

  private static <T, R extends TypedPageableRequest<R> & FinalSearchRequestStep<T>>
      SearchResponse<T> pageOf(R request, String after) {
    return request
        .page(
            (SearchRequestPage p) -> {
              p.limit(PAGE_SIZE);
              if (after != null) {
                p.after(after);
              }
            })
        .send()
        .join();
  }

  /** Follows the cursor until a page comes back short. */
  private static <T> List<T> all(Function<String, SearchResponse<T>> fetch) {
    var items = new ArrayList<T>();
    String after = null;
    while (true) {
      var page = fetch.apply(after);
      items.addAll(page.items());
      if (page.items().size() < PAGE_SIZE || page.page() == null) {
        return items;
      }
      after = page.page().endCursor();
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
