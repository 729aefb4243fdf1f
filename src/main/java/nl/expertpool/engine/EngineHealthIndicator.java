package nl.expertpool.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Optional;
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
 * details say how far the log it recovered goes and whether replay has finished. A cluster that
 * answers but refused the app's client a permission lately ({@link EngineAccess}) is DOWN too, the
 * reason naming the permission, so that a missing authorization is not taken for an outage.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final ObjectProvider<EngineRecoveryReport> recovery;
  private final ObjectProvider<EngineAccess> access;
  private final HealthChangeLog changes = new HealthChangeLog("The workflow engine");

  EngineHealthIndicator(
      CamundaClient client,
      ObjectProvider<EngineRecoveryReport> recovery,
      ObjectProvider<EngineAccess> access) {
    this.client = client;
    this.recovery = recovery;
    this.access = access;
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
      var denial = Optional.ofNullable(access.getIfAvailable()).flatMap(EngineAccess::current);
      if (denial.isPresent()) {
        // It answers, but refuses the app's client what it needs: not an outage, an authorization.
        return Health.down()
            .withDetail(
                "reason",
                "The workflow engine answers but refuses the app's client "
                    + (denial.get().permission() == null
                        ? "a permission"
                        : "the permission " + denial.get().permission())
                    + " (for "
                    + denial.get().request()
                    + "); grant it to the client in the cluster's Identity")
            .withDetail("missingPermission", String.valueOf(denial.get().permission()))
            .withDetail("refusedAt", denial.get().at().toString())
            .build();
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
