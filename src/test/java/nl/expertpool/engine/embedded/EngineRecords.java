package nl.expertpool.engine.embedded;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the embedded engine itself wrote about jobs, read from its log: for tests that must show
 * what reached the engine (a completion it refused, a timeout it noticed) rather than what the app
 * believes.
 */
public final class EngineRecords {

  /** One job as its records tell it. */
  public record JobHistory(
      long key,
      String type,
      int completed,
      int canceled,
      int timedOut,
      int failed,
      int completionsRefusedAsNotFound,
      boolean open) {}

  private final List<Record<?>> records;

  private EngineRecords(List<Record<?>> records) {
    this.records = records;
  }

  /** Everything the engine has written so far. */
  public static EngineRecords of(EmbeddedZeebe zeebe) {
    return new EngineRecords(snapshot(zeebe));
  }

  /** The history of every job the engine created, by job key. */
  public Map<Long, JobHistory> jobs() {
    Map<Long, History> jobs = new LinkedHashMap<>();
    for (Record<?> record : records) {
      if (record.getValueType() != ValueType.JOB) {
        continue;
      }
      Intent intent = record.getIntent();
      if (record.getRecordType() == RecordType.EVENT && intent == JobIntent.CREATED) {
        jobs.put(record.getKey(), new History(((JobRecordValue) record.getValue()).getType()));
      }
      History job = jobs.get(record.getKey());
      if (job == null) {
        continue;
      }
      if (record.getRecordType() == RecordType.COMMAND_REJECTION) {
        if (intent == JobIntent.COMPLETE && record.getRejectionType() == RejectionType.NOT_FOUND) {
          job.refused++;
        }
      } else if (record.getRecordType() == RecordType.EVENT) {
        if (intent == JobIntent.COMPLETED) {
          job.completed++;
          job.open = false;
        } else if (intent == JobIntent.CANCELED || intent == JobIntent.ERROR_THROWN) {
          job.canceled++;
          job.open = false;
        } else if (intent == JobIntent.TIMED_OUT) {
          job.timedOut++;
        } else if (intent == JobIntent.FAILED) {
          job.failed++;
          // Without retries the job waits for an incident to be resolved, not for a worker.
          job.open = ((JobRecordValue) record.getValue()).getRetries() > 0;
        } else if (intent == JobIntent.RETRIES_UPDATED) {
          job.open = true;
        }
      }
    }
    Map<Long, JobHistory> histories = new LinkedHashMap<>();
    jobs.forEach(
        (key, job) ->
            histories.put(
                key,
                new JobHistory(
                    key,
                    job.type,
                    job.completed,
                    job.canceled,
                    job.timedOut,
                    job.failed,
                    job.refused,
                    job.open)));
    return histories;
  }

  /** Jobs created and not yet completed, cancelled or failed for good: work a worker still owes. */
  public long openJobs() {
    return jobs().values().stream().filter(JobHistory::open).count();
  }

  private static final class History {
    final String type;
    int completed;
    int canceled;
    int timedOut;
    int failed;
    int refused;
    boolean open = true;

    History(String type) {
      this.type = type;
    }
  }

  /** Incidents the engine raised, resolved or not. */
  public long incidentsCreated() {
    return records.stream()
        .filter(r -> r.getValueType() == ValueType.INCIDENT)
        .filter(r -> r.getRecordType() == RecordType.EVENT)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .count();
  }

  /** By index up to the size seen: the engine appends to the same list while it runs. */
  @SuppressWarnings("unchecked")
  private static List<Record<?>> snapshot(EmbeddedZeebe zeebe) {
    var all = (List<Record<?>>) zeebe.engine().getRecordStreamSource().getRecords();
    int size = all.size();
    var copy = new ArrayList<Record<?>>(size);
    for (int i = 0; i < size; i++) {
      copy.add(all.get(i));
    }
    return copy;
  }
}
