package nl.expertpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.metrics.MetricsRecorder;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JobCommandFailureStrategyTest {

  private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
  private final JobCommandFailureStrategy failures =
      new JobCommandFailureStrategy(
          BackoffSupplier.newBackoffBuilder().build(),
          new CamundaClientExecutorService(scheduler, false));
  private final Logger logger = (Logger) LoggerFactory.getLogger(JobCommandFailureStrategy.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logger.setLevel(Level.DEBUG);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(logged);
    logger.setLevel(null);
  }

  @Test
  void aSecondCompletionThatTheEngineNoLongerKnowsIsLoggedAtDebugLevelOnly() {
    var notFound =
        Status.NOT_FOUND
            .withDescription(
                "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with"
                    + " key '2251799813685321', but no such job was found")
            .asRuntimeException();

    // As the starter's command wrapper hands it over: wrapped by the future's stage.
    failures.handleCommandError(command(3), new CompletionException(notFound));

    verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
              assertThat(event.getFormattedMessage()).contains("NOT_FOUND", "2251799813685321");
            });
  }

  @Test
  void theRestApiSaysTheSameWithA404() {
    var detail = new ProblemDetail();
    detail.setDetail("Job with key '2251799813685321' not found");

    failures.handleCommandError(
        command(3), new CompletionException(new ProblemException(404, "Not Found", detail)));

    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
  }

  @Test
  void aBusyEngineIsAskedAgainWithBackoffWhileRetriesAreLeft() {
    failures.handleCommandError(
        command(3), new CompletionException(Status.RESOURCE_EXHAUSTED.asRuntimeException()));

    verify(scheduler).schedule(any(Runnable.class), anyLong(), eq(TimeUnit.MILLISECONDS));
    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
  }

  @Test
  void aBusyEngineWithoutRetriesLeftIsAWarning() {
    failures.handleCommandError(command(0), Status.UNAVAILABLE.asRuntimeException());

    verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
  }

  @Test
  void aRefusedCommandIsAWarningAndNotRetried() {
    failures.handleCommandError(
        command(3),
        new CompletionException(
            Status.INVALID_ARGUMENT.withDescription("variables too large").asRuntimeException()));

    verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage()).contains("variables too large");
            });
  }

  @Test
  void refusalsAreToldApartByTheirCode() {
    assertThat(
            List.of(
                JobCommandFailureStrategy.refusal(Status.NOT_FOUND.asRuntimeException()),
                JobCommandFailureStrategy.refusal(Status.DEADLINE_EXCEEDED.asRuntimeException()),
                JobCommandFailureStrategy.refusal(Status.PERMISSION_DENIED.asRuntimeException()),
                JobCommandFailureStrategy.refusal(new ProblemException(503, "Unavailable", null)),
                JobCommandFailureStrategy.refusal(new ProblemException(400, "Bad Request", null)),
                JobCommandFailureStrategy.refusal(new IllegalStateException("no engine"))))
        .containsExactly(
            JobCommandFailureStrategy.Refusal.GONE,
            JobCommandFailureStrategy.Refusal.BUSY,
            JobCommandFailureStrategy.Refusal.REFUSED,
            JobCommandFailureStrategy.Refusal.BUSY,
            JobCommandFailureStrategy.Refusal.REFUSED,
            JobCommandFailureStrategy.Refusal.REFUSED);
  }

  private static CommandWrapper command(int maxRetries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getDeadline()).thenReturn(Long.MAX_VALUE);
    return new CommandWrapper(
        mock(FinalCommandStep.class), job, null, mock(MetricsRecorder.class), maxRetries);
  }
}
