package nl.expertpool.runtime;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves an embedded engine port of 0 to a free port before any bean reads it, so that the engine
 * and the client that connects to it agree (tests run several engines side by side).
 */
public class FreePortEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String ENGINE_PORT = "expertpool.embedded.engine-port";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Integer port = environment.getProperty(ENGINE_PORT, Integer.class);
    if (port != null && port == 0) {
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource("expertpoolFreePorts", Map.of(ENGINE_PORT, FreePort.find())));
    }
  }
}
