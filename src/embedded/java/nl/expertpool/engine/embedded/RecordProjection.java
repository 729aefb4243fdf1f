package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.process.test.engine.RecordFeed;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import nl.expertpool.engine.ElementInstance;
import nl.expertpool.engine.Incident;
import nl.expertpool.engine.ProcessEngine.TaskQuery;
import nl.expertpool.engine.UserTask;

/**
 * The state the app reads from the embedded engine, kept up to date from its record stream (the
 * same events Operate and Tasklist are built from on a cluster). Each call first reads the records
 * written since the last one, so reads are as fresh as the log.
 */
final class RecordProjection {

  /** A user-task command the engine rejected. */
  record Rejection(long position, UserTaskIntent intent, String type, String reason) {}

  record Element(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String elementId,
      BpmnElementType type,
      long flowScopeKey,
      long parentProcessInstanceKey) {}

  /** What the app reads of a user task, as the engine's record gave it. */
  record TaskValue(
      long userTaskKey,
      long elementInstanceKey,
      String elementId,
      long formKey,
      List<String> candidateGroups,
      List<String> candidateUsers,
      long processInstanceKey,
      String bpmnProcessId,
      long processDefinitionKey,
      long creationTimestamp,
      String dueDate,
      int priority) {

    static TaskValue of(UserTaskRecordValue value) {
      return new TaskValue(
          value.getUserTaskKey(),
          value.getElementInstanceKey(),
          value.getElementId(),
          value.getFormKey(),
          List.copyOf(value.getCandidateGroupsList()),
          List.copyOf(value.getCandidateUsersList()),
          value.getProcessInstanceKey(),
          value.getBpmnProcessId(),
          value.getProcessDefinitionKey(),
          value.getCreationTimestamp(),
          value.getDueDate(),
          value.getPriority());
    }
  }

  /** An open user task: its value, its assignee, and whether its completion is under way. */
  record OpenTask(TaskValue value, String assignee, boolean completing) {}

  /**
   * All the projection holds, as kept in the engine's snapshot: with it, the records up to {@code
   * position} need not be read again (the log before it may be gone).
   */
  record Saved(
      long position,
      Map<Long, String> formIds,
      Map<Long, byte[]> processResources,
      List<Element> elements,
      Set<Long> instances,
      Map<Long, Map<String, String>> variablesByScope,
      List<OpenTask> openTasks,
      Set<Long> closedTasks,
      Map<Long, Rejection> rejections,
      List<Incident> incidents,
      Map<Long, long[]> timers) {}

  private static final ObjectMapper SNAPSHOT_JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private final RecordFeed feed;
  private final ObjectMapper json;
  private long position = -1;

  private final Map<Long, String> formIds = new HashMap<>();
  private final Map<Long, byte[]> processResources = new HashMap<>();
  private final Map<Long, Map<String, String>> elementNames = new HashMap<>();
  private final Map<Long, Element> elements = new LinkedHashMap<>();
  private final Set<Long> instances = new HashSet<>();
  private final Map<Long, Map<String, String>> variablesByScope = new HashMap<>();
  private final Map<Long, OpenTask> openTasks = new LinkedHashMap<>();
  private final Set<Long> closedTasks = new HashSet<>();
  private final Map<Long, Rejection> rejections = new HashMap<>();
  private final Map<Long, Incident> incidents = new LinkedHashMap<>();

  /** Timers waiting: due date in epoch milliseconds by process instance, keyed by timer. */
  private final Map<Long, long[]> timers = new HashMap<>();

  /** A projection that reads the engine's records from the first on. */
  RecordProjection(RecordFeed feed, ObjectMapper json) {
    this.feed = feed;
    this.json = json;
  }

  /**
   * A projection that starts from what a snapshot kept ({@link #save}) and reads on from the
   * position after it.
   *
   * @param feeds a feed of the records after a position
   */
  RecordProjection(byte[] kept, LongFunction<RecordFeed> feeds, ObjectMapper json) {
    Saved saved;
    try {
      saved = SNAPSHOT_JSON.readValue(kept, Saved.class);
    } catch (IOException e) {
      throw new UncheckedIOException("The engine snapshot's projection cannot be read", e);
    }
    this.json = json;
    this.position = saved.position();
    this.feed = feeds.apply(saved.position());
    formIds.putAll(saved.formIds());
    processResources.putAll(saved.processResources());
    saved.elements().forEach(e -> elements.put(e.key(), e));
    instances.addAll(saved.instances());
    saved
        .variablesByScope()
        .forEach((scope, vars) -> variablesByScope.put(scope, new HashMap<>(vars)));
    saved.openTasks().forEach(t -> openTasks.put(t.value().userTaskKey(), t));
    closedTasks.addAll(saved.closedTasks());
    rejections.putAll(saved.rejections());
    saved.incidents().forEach(i -> incidents.put(i.key(), i));
    timers.putAll(saved.timers());
  }

  /** All it holds, up to the last record written so far, and the position of that record. */
  synchronized EngineSnapshots.Part save() {
    catchUp();
    var saved =
        new Saved(
            position,
            formIds,
            processResources,
            List.copyOf(elements.values()),
            instances,
            variablesByScope,
            List.copyOf(openTasks.values()),
            closedTasks,
            rejections,
            List.copyOf(incidents.values()),
            timers);
    try {
      return new EngineSnapshots.Part(position, SNAPSHOT_JSON.writeValueAsBytes(saved));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The projection cannot be written for a snapshot", e);
    }
  }

  synchronized long position() {
    catchUp();
    return position;
  }

  /**
   * Open tasks that match the query, oldest first. Each task is first matched with only the one
   * variable the query names, so that only the tasks that match have all their variables read: with
   * many projects open, a project's tasks are a small part of all open tasks.
   */
  synchronized List<UserTask> openTasks(TaskQuery query) {
    catchUp();
    return openTasks.values().stream()
        .filter(task -> query.matches(toUserTask(task, variable(task, query.variableName()))))
        .map(this::toUserTask)
        .sorted(Comparator.comparing(UserTask::createdAt).thenComparing(UserTask::key))
        .toList();
  }

  synchronized Optional<UserTask> openTask(long key) {
    catchUp();
    return Optional.ofNullable(openTasks.get(key)).map(this::toUserTask);
  }

  synchronized boolean isCompleting(long key) {
    catchUp();
    var task = openTasks.get(key);
    return task != null && task.completing();
  }

  synchronized boolean wasClosed(long key) {
    catchUp();
    return closedTasks.contains(key);
  }

  synchronized Optional<String> assigneeOf(long key) {
    catchUp();
    return Optional.ofNullable(openTasks.get(key)).map(OpenTask::assignee);
  }

  /** The engine's rejection of a command for this task logged after the given position. */
  synchronized Optional<Rejection> rejectionAfter(long key, long after) {
    catchUp();
    return Optional.ofNullable(rejections.get(key)).filter(r -> r.position() > after);
  }

  /** Whether the log holds this process instance, running or ended. */
  synchronized boolean knowsInstance(long processInstanceKey) {
    catchUp();
    return instances.contains(processInstanceKey);
  }

  /** Active elements of the instance and of the instances it called, at any depth. */
  synchronized List<ElementInstance> activeElements(long processInstanceKey) {
    catchUp();
    Set<Long> tree = instanceTree(processInstanceKey);
    return elements.values().stream()
        .filter(e -> tree.contains(e.processInstanceKey()))
        .filter(e -> e.type() != BpmnElementType.PROCESS)
        .map(
            e ->
                new ElementInstance(
                    e.key(),
                    e.processInstanceKey(),
                    e.bpmnProcessId(),
                    e.elementId(),
                    elementName(e.processDefinitionKey(), e.elementId()),
                    e.type().name()))
        .toList();
  }

  /** Open incidents of the instance and of the instances it called, at any depth. */
  synchronized List<Incident> openIncidents(long processInstanceKey) {
    catchUp();
    Set<Long> tree = instanceTree(processInstanceKey);
    return incidents.values().stream().filter(i -> tree.contains(i.processInstanceKey())).toList();
  }

  /** When the first timer waiting in the instance or the instances it called falls due. */
  synchronized Optional<Instant> nextTimer(long processInstanceKey) {
    catchUp();
    Set<Long> tree = instanceTree(processInstanceKey);
    return timers.values().stream()
        .filter(t -> tree.contains(t[0]))
        .map(t -> Instant.ofEpochMilli(t[1]))
        .min(Comparator.naturalOrder());
  }

  /** The instance and every active instance it called, directly or through a called one. */
  private Set<Long> instanceTree(long processInstanceKey) {
    var tree = new HashSet<Long>(List.of(processInstanceKey));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Element e : elements.values()) {
        if (e.type() == BpmnElementType.PROCESS
            && tree.contains(e.parentProcessInstanceKey())
            && tree.add(e.processInstanceKey())) {
          grew = true;
        }
      }
    }
    return tree;
  }

  private void catchUp() {
    for (Record<?> record : feed.next()) {
      apply(record);
      position = record.getPosition();
    }
  }

  private void apply(Record<?> record) {
    if (record.getRecordType() == RecordType.COMMAND_REJECTION) {
      if (record.getValue() instanceof UserTaskRecordValue) {
        rejections.put(
            record.getKey(),
            new Rejection(
                record.getPosition(),
                (UserTaskIntent) record.getIntent(),
                record.getRejectionType().name(),
                record.getRejectionReason()));
      }
      return;
    }
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    switch (record.getValue()) {
      case Form form -> formIds.put(form.getFormKey(), form.getFormId());
      case Process process ->
          processResources.put(process.getProcessDefinitionKey(), process.getResource());
      case ProcessInstanceRecordValue value -> applyElement(record, value);
      case VariableRecordValue value -> {
        if (record.getIntent() == VariableIntent.CREATED
            || record.getIntent() == VariableIntent.UPDATED) {
          variablesByScope
              .computeIfAbsent(value.getScopeKey(), k -> new HashMap<>())
              .put(value.getName(), value.getValue());
        }
      }
      case UserTaskRecordValue value -> applyUserTask(record, value);
      case IncidentRecordValue value -> applyIncident(record, value);
      case TimerRecordValue value -> {
        if (record.getIntent() == TimerIntent.CREATED) {
          timers.put(
              record.getKey(), new long[] {value.getProcessInstanceKey(), value.getDueDate()});
        } else if (record.getIntent() == TimerIntent.TRIGGERED
            || record.getIntent() == TimerIntent.CANCELED) {
          timers.remove(record.getKey());
        }
      }
      default -> {}
    }
  }

  private void applyElement(Record<?> record, ProcessInstanceRecordValue value) {
    var intent = (ProcessInstanceIntent) record.getIntent();
    if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING
        && value.getBpmnElementType() == BpmnElementType.PROCESS) {
      instances.add(record.getKey());
    }
    switch (intent) {
      case ELEMENT_ACTIVATING ->
          elements.put(
              record.getKey(),
              new Element(
                  record.getKey(),
                  value.getProcessInstanceKey(),
                  value.getProcessDefinitionKey(),
                  value.getBpmnProcessId(),
                  value.getElementId(),
                  value.getBpmnElementType(),
                  value.getFlowScopeKey(),
                  value.getParentProcessInstanceKey()));
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        elements.remove(record.getKey());
        variablesByScope.remove(record.getKey());
      }
      default -> {}
    }
  }

  private void applyUserTask(Record<?> record, UserTaskRecordValue value) {
    long key = value.getUserTaskKey();
    var intent = (UserTaskIntent) record.getIntent();
    var task = openTasks.get(key);
    switch (intent) {
      case CREATED ->
          openTasks.put(key, new OpenTask(TaskValue.of(value), value.getAssignee(), false));
      case ASSIGNED -> {
        if (task != null) {
          openTasks.put(key, new OpenTask(task.value(), value.getAssignee(), task.completing()));
        }
      }
      case UPDATED, CORRECTED, MIGRATED -> {
        if (task != null) {
          openTasks.put(key, new OpenTask(TaskValue.of(value), task.assignee(), task.completing()));
        }
      }
      case COMPLETING -> {
        if (task != null) {
          openTasks.put(key, new OpenTask(task.value(), task.assignee(), true));
        }
      }
      case COMPLETION_DENIED -> {
        if (task != null) {
          openTasks.put(key, new OpenTask(task.value(), task.assignee(), false));
        }
      }
      case COMPLETED, CANCELED -> {
        openTasks.remove(key);
        closedTasks.add(key);
      }
      default -> {}
    }
  }

  private void applyIncident(Record<?> record, IncidentRecordValue value) {
    if (record.getIntent() == IncidentIntent.CREATED) {
      incidents.put(
          record.getKey(),
          new Incident(
              record.getKey(),
              value.getProcessInstanceKey(),
              value.getBpmnProcessId(),
              value.getElementId(),
              value.getElementInstanceKey(),
              value.getJobKey(),
              value.getErrorType().name(),
              value.getErrorMessage(),
              Instant.ofEpochMilli(record.getTimestamp())));
    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
      incidents.remove(record.getKey());
    }
  }

  private UserTask toUserTask(OpenTask task) {
    return toUserTask(task, visibleVariables(task.value().elementInstanceKey()));
  }

  private UserTask toUserTask(OpenTask task, Map<String, Object> variables) {
    var value = task.value();
    String assignee = task.assignee();
    return new UserTask(
        value.userTaskKey(),
        elementName(value.processDefinitionKey(), value.elementId()),
        value.elementId(),
        formIds.get(value.formKey()),
        value.candidateGroups(),
        value.candidateUsers(),
        assignee == null || assignee.isEmpty() ? null : assignee,
        value.processInstanceKey(),
        value.bpmnProcessId(),
        value.processDefinitionKey(),
        variables,
        Instant.ofEpochMilli(value.creationTimestamp()),
        instant(value.dueDate()),
        value.priority());
  }

  /** The one variable as the task sees it (innermost scope first), or none. */
  private Map<String, Object> variable(OpenTask task, String name) {
    if (name == null) {
      return Map.of();
    }
    long scope = task.value().elementInstanceKey();
    while (scope > 0) {
      String value = variablesByScope.getOrDefault(scope, Map.of()).get(name);
      if (value != null) {
        return Collections.singletonMap(name, parse(value));
      }
      var element = elements.get(scope);
      scope = element == null ? -1 : element.flowScopeKey();
    }
    return Map.of();
  }

  /** Variables of the element's scope and every enclosing one, inner ones shadowing outer. */
  private Map<String, Object> visibleVariables(long elementInstanceKey) {
    var visible = new LinkedHashMap<String, Object>();
    long scope = elementInstanceKey;
    while (scope > 0) {
      variablesByScope.getOrDefault(scope, Map.of()).forEach((n, v) -> visible.putIfAbsent(n, v));
      var element = elements.get(scope);
      scope = element == null ? -1 : element.flowScopeKey();
    }
    var parsed = new LinkedHashMap<String, Object>();
    visible.forEach((name, value) -> parsed.put(name, parse((String) value)));
    return parsed;
  }

  private Object parse(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private String elementName(long processDefinitionKey, String elementId) {
    var names =
        elementNames.computeIfAbsent(
            processDefinitionKey, k -> namesOf(processResources.get(processDefinitionKey)));
    return names.getOrDefault(elementId, elementId);
  }

  private static Map<String, String> namesOf(byte[] resource) {
    if (resource == null) {
      return Map.of();
    }
    var names = new HashMap<String, String>();
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null && !element.getName().isBlank()) {
        names.put(element.getId(), element.getName());
      }
    }
    return names;
  }

  private static Instant instant(String date) {
    return date == null || date.isBlank() ? null : OffsetDateTime.parse(date).toInstant();
  }
}
