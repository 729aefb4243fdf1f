package nl.expertpool.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.expertpool.runtime.HealthChangeLog;
import nl.expertpool.runtime.RetryingStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code engine}: UP when the gateway answers a topology
 * request, else DOWN with the reason in one line (and no stack trace in the log at every check). An
 * engine with a log of its own (the embedded default) is DOWN while it replays that log, and its
 * details say how far the log it recovered goes and whether replay has finished.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final ObjectProvider<EngineRecoveryReport> recovery;
  private final HealthChangeLog changes = new HealthChangeLog("The workflow engine");

  EngineHealthIndicator(CamundaClient client, ObjectProvider<EngineRecoveryReport> recovery) {
    this.client = client;
    this.recovery = recovery;
  }

  @Override
  public Health health() {
    return changes.seen(check());
  }

  private Health check() {
    EngineRecoveryReport report = recovery.getIfAvailable();
    if (report != null && !report.replayed()) {
      return Health.down()
          .withDetail("reason", "The workflow engine is replaying its log")
          .withDetails(report.details())
          .build();
    }
    try {
      var topology =
          client.newTopologyRequest().send().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      var up =
          Health.up()
              .withDetail("gatewayVersion", topology.getGatewayVersion())
              .withDetail("brokers", topology.getBrokers().size())
              .withDetail("partitions", topology.getPartitionsCount());
      if (report != null) {
        up.withDetails(report.details());
      }
      return up.build();
    } catch (TimeoutException e) {
      return down("The workflow engine did not answer within " + TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("Interrupted");
    } catch (ExecutionException | RuntimeException e) {
      return down("The workflow engine did not answer: " + RetryingStep.summary(e));
    }
  }

  private static Health down(String reason) {
    return Health.down().withDetail("reason", reason).build();
  }
}
