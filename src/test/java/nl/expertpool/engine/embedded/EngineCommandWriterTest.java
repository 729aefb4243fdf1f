package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.lang.reflect.Proxy;
import nl.expertpool.runtime.StartupProblem;
import org.junit.jupiter.api.Test;

/**
 * The command writer reaches into the engine's internals. If an upgrade of
 * zeebe-process-test-engine moves them, this test fails first and says where to look.
 */
class EngineCommandWriterTest {

  @Test
  void findsTheCommandWriterInsideTheRealEngine() {
    try (var sample = new SampleEngine()) {
      assertThatCode(() -> new EngineCommandWriter(sample.zeebe.engine()))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void saysWhatChangedWhenTheEngineHasOtherInternals() {
    var other =
        (ZeebeTestEngine)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ZeebeTestEngine.class},
                (proxy, method, args) -> null);

    assertThatThrownBy(() -> new EngineCommandWriter(other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("InMemoryEngine.gateway.writer.writer()")
        .hasMessageContaining("zeebe-process-test-engine");
  }

  @Test
  void aBusyEnginePortIsReportedWithTheVariableThatMovesIt() {
    try (var sample = new SampleEngine()) {
      int busy = sample.zeebe.port();
      assertThatThrownBy(() -> new EmbeddedZeebe(busy))
          .isInstanceOf(StartupProblem.class)
          .hasMessage("Port %d (embedded Zeebe gateway) is already in use.".formatted(busy))
          .extracting(e -> ((StartupProblem) e).action())
          .asString()
          .contains("EXPERTPOOL_ENGINE_PORT");
    }
  }
}
