package nl.expertpool.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.expertpool.runtime.DatabaseOutage;
import nl.expertpool.runtime.DatabaseSchema;
import nl.expertpool.runtime.RetryingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a worker's effect and records the job key (with its project) and the result in the same
 * transaction. A second delivery of the same job finds the key and gets the stored result back, so
 * the engine receives the same variables and the database changes once.
 */
@Component
public class JobLedger {

  private static final Logger log = LoggerFactory.getLogger(JobLedger.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);
  static final int ATTEMPTS_ON_CONFLICT = 3;
  private static final UUID NO_PROJECT = new UUID(0, 0);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  private final DatabaseSchema schema;
  private final DataSource dataSource;

  JobLedger(
      DataSource dataSource,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      ObjectMapper json,
      Clock clock,
      DatabaseSchema schema) {
    this.schema = schema;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The effect's result, from this call or from the first delivery of the job.
   *
   * <p>Business outcomes thrown as {@code CamundaError.bpmnError} pass through (and roll back); an
   * input refused as {@link RefusedInput} becomes the BPMN error {@value RefusedInput#ERROR_CODE}
   * (and rolls back). While the database cannot be reached, the job fails without using up a retry
   * and is tried again after {@link #OUTAGE_BACKOFF}. Any other failure fails the job with one
   * retry less and a growing backoff, so only a lasting problem becomes an incident.
   */
  public <T> T once(ActivatedJob job, Class<T> resultType, Supplier<T> effect) {
    try {
      return inTransaction(job, resultType, effect);
    } catch (CamundaError e) {
      throw e;
    } catch (RefusedInput e) {
      log.warn(
          "Job {} ({}) refused its input, the task goes back: {}",
          job.getKey(),
          job.getType(),
          e.getMessage());
      throw CamundaError.bpmnError(RefusedInput.ERROR_CODE, e.getMessage());
    } catch (RuntimeException e) {
      if (DatabaseOutage.isOutage(e, dataSource)) {
        // Not the job's fault and it passes: wait for the database without using up a retry, so
        // an outage leaves no incidents behind once the database is back.
        log.warn(
            "Job {} ({}) waits for the database, next try in {}: {}",
            job.getKey(),
            job.getType(),
            OUTAGE_BACKOFF,
            RetryingStep.summary(e));
        throw CamundaError.jobError(
            "The database is not reachable: " + RetryingStep.summary(e),
            null,
            job.getRetries(),
            OUTAGE_BACKOFF,
            e);
      }
      int retries = Math.max(job.getRetries() - 1, 0);
      Duration backoff = backoff(job.getRetries());
      log.warn(
          "Job {} ({}) failed, {} retries left, next try in {}: {}",
          job.getKey(),
          job.getType(),
          retries,
          backoff,
          e.toString());
      throw CamundaError.jobError(
          e.getClass().getSimpleName() + ": " + e.getMessage(), null, retries, backoff, e);
    }
  }

  /** As {@link #once(ActivatedJob, Class, Supplier)}, for an effect that answers nothing. */
  public void once(ActivatedJob job, Runnable effect) {
    once(
        job,
        Boolean.class,
        () -> {
          effect.run();
          return true;
        });
  }

  /** The {@code projectId} variable every process of a project carries. */
  public static UUID projectId(ActivatedJob job) {
    return UUID.fromString(String.valueOf(job.getVariablesAsMap().get("projectId")));
  }

  /**
   * A conflict with a concurrent transaction on the same rows (e.g. the project's first milestone
   * while its creation records the process instance) is over at once: the effect runs again right
   * away, up to {@link #ATTEMPTS_ON_CONFLICT} times, instead of waiting for the job's backoff.
   */
  private <T> T inTransaction(ActivatedJob job, Class<T> resultType, Supplier<T> effect) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> runOnce(job, resultType, effect));
      } catch (ConcurrencyFailureException e) {
        if (attempt == ATTEMPTS_ON_CONFLICT) {
          throw e;
        }
        log.debug("Job {} ({}) met a concurrent change, trying again", job.getKey(), job.getType());
      }
    }
  }

  private <T> T runOnce(ActivatedJob job, Class<T> resultType, Supplier<T> effect) {
    if (!schema.isReady()) {
      throw new CannotCreateTransactionException("The database schema is not up to date yet");
    }
    UUID project = projectOf(job);
    int claimed =
        jdbc.update(
            "insert into processed_job (project_id, job_key, job_type, result, processed_at)"
                + " values (?, ?, ?, 'null'::jsonb, ?) on conflict (project_id, job_key) do nothing",
            project,
            job.getKey(),
            job.getType(),
            Timestamp.from(clock.instant()));
    if (claimed == 0) {
      String stored =
          jdbc.queryForObject(
              "select result::text from processed_job where project_id = ? and job_key = ?",
              String.class,
              project,
              job.getKey());
      log.debug("Job {} ({}) was done before: returning its result", job.getKey(), job.getType());
      return read(stored, resultType);
    }
    T result = effect.get();
    jdbc.update(
        "update processed_job set result = ?::jsonb where project_id = ? and job_key = ?",
        write(result),
        project,
        job.getKey());
    return result;
  }

  /**
   * Forgets the jobs done for a project whose process instance the engine lost: that engine's keys
   * come again from a new one (its data deleted, a cluster reset), and a job of the project resumed
   * there must not meet the stored result of another job under the same key. What those jobs did
   * stays done; the workers take it up again by their business keys.
   *
   * @return how many jobs were forgotten
   */
  public int forget(UUID projectId) {
    return jdbc.update("delete from processed_job where project_id = ?", projectId);
  }

  /** The job's project; the nil UUID for a job without one. */
  private static UUID projectOf(ActivatedJob job) {
    Object id = job.getVariablesAsMap().get("projectId");
    try {
      return id == null ? NO_PROJECT : UUID.fromString(id.toString());
    } catch (IllegalArgumentException e) {
      return NO_PROJECT;
    }
  }

  /** 5 s, 10 s, 20 s, ... up to 5 minutes: the fewer retries left, the longer the wait. */
  static Duration backoff(int retriesBefore) {
    int attempt = Math.max(0, 3 - retriesBefore);
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
    return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
  }

  private String write(Object result) {
    try {
      return json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the result of a job", e);
    }
  }

  private <T> T read(String stored, Class<T> type) {
    try {
      return json.readValue(stored, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the stored result of a job", e);
    }
  }
}
