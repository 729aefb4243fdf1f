package nl.expertpool.bench;

import io.camunda.zeebe.process.test.engine.RecordFeed;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import nl.expertpool.engine.embedded.EmbeddedZeebe;

/**
 * Follows one engine's record stream on a thread of its own, for two things. What the benchmark
 * counts: jobs from {@code CREATED} to {@code COMPLETED} (the engine's own timestamps of the two
 * events, in milliseconds), failed jobs, incidents, completed user tasks. And what the simulated
 * people wait for (a task to appear, a timer to be set, a process to end), so that they wait
 * without asking the app every few milliseconds: they ask it once the engine has got there.
 */
final class RecordWatch implements AutoCloseable {

  /** Counters at one moment; two of them bracket a run. */
  record Snapshot(
      int records,
      int latencies,
      long jobsCompleted,
      long jobsFailed,
      long jobsTimedOut,
      long jobsYielded,
      long incidents,
      long userTasksCompleted) {}

  private final RecordFeed feed;
  private final Thread follower;
  private int cursor;

  private final Map<Long, Long> openJobs = new HashMap<>();
  private final Map<Long, String> jobTypes = new HashMap<>();
  private final List<Long> latencies = new ArrayList<>();
  private final List<String> latencyTypes = new ArrayList<>();
  private long jobsCompleted;
  private long jobsFailed;
  private long jobsTimedOut;
  private long jobsYielded;
  private long incidents;
  private long userTasksCompleted;

  /** Each process instance's root (the project's main instance). */
  private final Map<Long, Long> roots = new HashMap<>();

  private final Map<Long, String> formIds = new HashMap<>();
  private final Map<Long, String> taskKeys = new HashMap<>();
  private final Map<String, Integer> openTasks = new HashMap<>();
  private final Map<Long, String> elementKeys = new HashMap<>();
  private final Map<String, Integer> activeElements = new HashMap<>();
  private final Set<Long> endedRoots = new HashSet<>();

  RecordWatch(EmbeddedZeebe zeebe) {
    this.feed = zeebe.newFeed();
    this.follower = Thread.ofPlatform().daemon().name("bench-record-watch").start(this::follow);
  }

  private void follow() {
    while (!Thread.currentThread().isInterrupted()) {
      catchUp();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized Snapshot snapshot() {
    catchUp();
    return new Snapshot(
        cursor,
        latencies.size(),
        jobsCompleted,
        jobsFailed,
        jobsTimedOut,
        jobsYielded,
        incidents,
        userTasksCompleted);
  }

  /** Jobs created and not yet completed, cancelled, thrown as an error or out of retries. */
  synchronized int jobsInFlight() {
    catchUp();
    return openJobs.size();
  }

  /** Job latencies in milliseconds between two snapshots. */
  synchronized long[] latenciesBetween(Snapshot from, Snapshot to) {
    return latencies.subList(from.latencies(), to.latencies()).stream()
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** Job latencies in milliseconds between two snapshots, per job type. */
  synchronized Map<String, long[]> latenciesByType(Snapshot from, Snapshot to) {
    var byType = new TreeMap<String, List<Long>>();
    for (int i = from.latencies(); i < to.latencies(); i++) {
      byType.computeIfAbsent(latencyTypes.get(i), t -> new ArrayList<>()).add(latencies.get(i));
    }
    var result = new LinkedHashMap<String, long[]>();
    byType.forEach((t, l) -> result.put(t, l.stream().mapToLong(Long::longValue).toArray()));
    return result;
  }

  /** Open user tasks with this form in the project's process tree. */
  synchronized int openTasks(long root, String formId) {
    return openTasks.getOrDefault(root + "/" + formId, 0);
  }

  /** Whether an element with this id is active in the project's process tree. */
  synchronized boolean active(long root, String elementId) {
    return activeElements.getOrDefault(root + "/" + elementId, 0) > 0;
  }

  /** What the project's process tree is doing: its active elements and open tasks, by id. */
  synchronized String describe(long root) {
    String prefix = root + "/";
    return "active "
        + new TreeMap<>(activeElements)
            .entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()) + "=" + e.getValue())
                .toList()
        + ", open tasks "
        + new TreeMap<>(openTasks)
            .entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()) + "=" + e.getValue())
                .toList()
        + ", jobs in flight "
        + openJobs.size();
  }

  synchronized boolean ended(long root) {
    return endedRoots.contains(root);
  }

  /** Waits until the condition (read under this watch's lock) holds. */
  synchronized void await(String what, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "Waited " + timeout + " for " + what + "; the run is stuck");
      }
      wait(Math.max(1, Math.min(left / 1_000_000, 100)));
    }
  }

  private synchronized void catchUp() {
    List<Record<?>> records = feed.next();
    for (Record<?> record : records) {
      apply(record);
    }
    cursor += records.size();
    if (!records.isEmpty()) {
      notifyAll();
    }
  }

  private void apply(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    switch (record.getValueType()) {
      case JOB -> applyJob(record);
      case PROCESS_INSTANCE -> applyElement(record, (ProcessInstanceRecordValue) record.getValue());
      case USER_TASK -> applyUserTask(record, (UserTaskRecordValue) record.getValue());
      case FORM -> {
        var form = (Form) record.getValue();
        formIds.put(form.getFormKey(), form.getFormId());
      }
      case INCIDENT -> {
        if (record.getIntent() == IncidentIntent.CREATED) {
          incidents++;
        }
      }
      default -> {}
    }
  }

  private void applyJob(Record<?> record) {
    long key = record.getKey();
    switch ((JobIntent) record.getIntent()) {
      case CREATED -> {
        openJobs.put(key, record.getTimestamp());
        jobTypes.put(key, ((JobRecordValue) record.getValue()).getType());
      }
      case COMPLETED -> {
        Long created = openJobs.remove(key);
        String type = jobTypes.remove(key);
        if (created != null) {
          latencies.add(record.getTimestamp() - created);
          latencyTypes.add(type);
        }
        jobsCompleted++;
      }
      case FAILED -> {
        jobsFailed++;
        if (((JobRecordValue) record.getValue()).getRetries() <= 0) {
          openJobs.remove(key);
          jobTypes.remove(key);
        }
      }
      case TIMED_OUT -> jobsTimedOut++;
      case YIELDED -> jobsYielded++;
      case CANCELED, ERROR_THROWN -> {
        openJobs.remove(key);
        jobTypes.remove(key);
      }
      default -> {}
    }
  }

  private void applyElement(Record<?> record, ProcessInstanceRecordValue value) {
    var intent = (ProcessInstanceIntent) record.getIntent();
    if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
        long parent = value.getParentProcessInstanceKey();
        roots.put(
            value.getProcessInstanceKey(),
            parent > 0 ? roots.getOrDefault(parent, parent) : value.getProcessInstanceKey());
      }
      String key = rootOf(value.getProcessInstanceKey()) + "/" + value.getElementId();
      elementKeys.put(record.getKey(), key);
      activeElements.merge(key, 1, Integer::sum);
    } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED
        || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      String key = elementKeys.remove(record.getKey());
      if (key != null) {
        activeElements.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
      }
      if (value.getBpmnElementType() == BpmnElementType.PROCESS
          && value.getParentProcessInstanceKey() <= 0) {
        endedRoots.add(value.getProcessInstanceKey());
        roots.remove(value.getProcessInstanceKey());
      } else if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
        roots.remove(value.getProcessInstanceKey());
      }
    }
  }

  private void applyUserTask(Record<?> record, UserTaskRecordValue value) {
    long key = value.getUserTaskKey();
    switch ((UserTaskIntent) record.getIntent()) {
      case CREATED -> {
        String task = rootOf(value.getProcessInstanceKey()) + "/" + formIds.get(value.getFormKey());
        taskKeys.put(key, task);
        openTasks.merge(task, 1, Integer::sum);
      }
      case COMPLETED, CANCELED -> {
        if (record.getIntent() == UserTaskIntent.COMPLETED) {
          userTasksCompleted++;
        }
        String task = taskKeys.remove(key);
        if (task != null) {
          openTasks.computeIfPresent(task, (k, n) -> n > 1 ? n - 1 : null);
        }
      }
      default -> {}
    }
  }

  private long rootOf(long processInstanceKey) {
    return roots.getOrDefault(processInstanceKey, processInstanceKey);
  }

  @Override
  public void close() {
    follower.interrupt();
  }
}
