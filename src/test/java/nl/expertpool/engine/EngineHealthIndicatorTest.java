package nl.expertpool.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

/** A cluster that answers but refuses the app's client a permission is DOWN, naming it. */
class EngineHealthIndicatorTest {

  private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void aMissingPermissionIsReportedAsSuchUntilItIsNoLongerRefused() throws Exception {
    CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    Topology topology = mock(Topology.class);
    when(topology.getGatewayVersion()).thenReturn("8.8.36");
    when(topology.getBrokers()).thenReturn(List.of());
    when(topology.getPartitionsCount()).thenReturn(1);
    when(client.newTopologyRequest().send().get(anyLong(), any())).thenReturn(topology);
    var access = new EngineAccess(Clock.fixed(now, ZoneOffset.UTC));
    var indicator =
        new EngineHealthIndicator(
            client,
            provider(EngineRecoveryReport.class, null),
            provider(EngineAccess.class, access));

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    access.denied("/v2/incidents/search", "READ_PROCESS_INSTANCE on PROCESS_DEFINITION");
    var health = indicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("missingPermission", "READ_PROCESS_INSTANCE on PROCESS_DEFINITION");
    assertThat(String.valueOf(health.getDetails().get("reason")))
        .contains("answers but refuses")
        .contains("READ_PROCESS_INSTANCE on PROCESS_DEFINITION")
        .contains("/v2/incidents/search");

    var later = new EngineAccess(Clock.fixed(now.plus(EngineAccess.REMEMBERED), ZoneOffset.UTC));
    assertThat(later.current()).isEmpty();
    assertThat(access.current()).isPresent();
    assertThat(EngineAccess.REMEMBERED).isGreaterThan(Duration.ofMinutes(5));
  }

  private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
    var factory = new StaticListableBeanFactory();
    if (bean != null) {
      factory.addBean("bean", bean);
    }
    return factory.getBeanProvider(type);
  }
}
