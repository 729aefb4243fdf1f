package nl.expertpool.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code engine}: UP when the gateway answers a topology
 * request.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;

  EngineHealthIndicator(CamundaClient client) {
    super("The workflow engine did not answer");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var topology =
        client.newTopologyRequest().send().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    builder
        .up()
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", topology.getPartitionsCount());
  }
}
