package nl.expertpool.jobs;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when the engine refuses the command that ends a job (complete, fail, throw error)
 * after a worker ran.
 *
 * <p>Jobs arrive at least once, so the engine may already have completed a job when a second
 * delivery of it completes it too: it answers {@code NOT_FOUND}, which is the expected end of a
 * repeated delivery and only logged at debug level. A busy engine is asked again with backoff; any
 * other refusal is logged as a warning, and the engine delivers the job again after its timeout.
 *
 * <p>Replaces the starter's default strategy, which receives the failure wrapped in a {@link
 * CompletionException}, does not recognise it and so drops every failure without a trace.
 */
@Component
class JobCommandFailureStrategy implements CommandExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(JobCommandFailureStrategy.class);

  private static final Set<Status.Code> BUSY =
      EnumSet.of(
          Status.Code.CANCELLED,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.ABORTED,
          Status.Code.UNAVAILABLE);
  private static final Set<Integer> BUSY_HTTP = Set.of(429, 502, 503, 504);

  /** How the engine answered a job command. */
  enum Refusal {
    /** The job is gone: completed, failed or cancelled before. */
    GONE,
    /** The engine could not take the command now. */
    BUSY,
    /** The engine refused the command itself. */
    REFUSED
  }

  private final BackoffSupplier backoff;
  private final ScheduledExecutorService scheduler;

  JobCommandFailureStrategy(BackoffSupplier backoff, CamundaClientExecutorService executor) {
    this.backoff = backoff;
    this.scheduler = executor.get();
  }

  @Override
  public void handleCommandError(CommandWrapper command, Throwable failure) {
    Throwable cause = unwrap(failure);
    switch (refusal(cause)) {
      case GONE ->
          log.debug(
              "Job command not applied, the job is done already (a repeated delivery): {}",
              reason(cause));
      case BUSY -> {
        if (command.hasMoreRetries()) {
          command.increaseBackoffUsing(backoff);
          log.info("Engine busy, sending the job command again: {}", reason(cause));
          command.scheduleExecutionUsing(scheduler);
        } else {
          log.warn(
              "Engine busy, job command given up; the job is delivered again after its timeout: {}",
              reason(cause));
        }
      }
      case REFUSED ->
          log.warn(
              "Engine refused a job command; the job is delivered again after its timeout: {}",
              reason(cause));
    }
  }

  static Refusal refusal(Throwable cause) {
    if (cause instanceof ClientHttpException http) {
      if (http.code() == 404) {
        return Refusal.GONE;
      }
      return BUSY_HTTP.contains(http.code()) ? Refusal.BUSY : Refusal.REFUSED;
    }
    Status status = status(cause);
    if (status == null) {
      return Refusal.REFUSED;
    }
    if (status.getCode() == Status.Code.NOT_FOUND) {
      return Refusal.GONE;
    }
    return BUSY.contains(status.getCode()) ? Refusal.BUSY : Refusal.REFUSED;
  }

  private static Status status(Throwable cause) {
    if (cause instanceof StatusRuntimeException grpc) {
      return grpc.getStatus();
    }
    if (cause instanceof ClientStatusException client) {
      return client.getStatus();
    }
    return null;
  }

  /** The engine's own words: they name the command, the job key and why, nothing personal. */
  private static String reason(Throwable cause) {
    if (cause instanceof ProblemException problem && problem.details() != null) {
      return problem.code() + " " + problem.details().getDetail();
    }
    Status status = status(cause);
    if (status != null) {
      return status.getCode() + " " + status.getDescription();
    }
    return cause.toString();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
