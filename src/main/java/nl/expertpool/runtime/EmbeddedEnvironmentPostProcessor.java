package nl.expertpool.runtime;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Settings of the embedded default that must be fixed before any bean reads them, so that the
 * engine and the client that connects to it agree: an engine port of 0 becomes a free port (tests
 * run several engines side by side), and a random credential, new at every start and never written
 * down, lets the app's Camunda client, and nothing else on the machine, call the engine's gateway.
 */
public class EmbeddedEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String ENGINE_PORT = "expertpool.embedded.engine-port";

  /** The user name the app's client presents to the embedded engine. */
  public static final String ENGINE_USER = "expertpool-app";

  /** The password of {@link #ENGINE_USER}: random per start. */
  public static final String ENGINE_PASSWORD = "expertpool.embedded.engine-password";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A class only the embedded default's build has ({@code src/embedded/java}). */
  static final String EMBEDDED_ENGINE = "nl.expertpool.engine.embedded.EmbeddedZeebe";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("camunda")) {
      return;
    }
    if (!ClassUtils.isPresent(EMBEDDED_ENGINE, application.getClassLoader())) {
      // The production build leaves the evaluation runtime out: say how to run it, at once.
      throw new StartupProblem(
          "This is the production build of the app: it has no embedded engine or database (they"
              + " are for evaluation only and left out of it).",
          "Run it on a Camunda 8 cluster with SPRING_PROFILES_ACTIVE=camunda and the cluster's and"
              + " the database's addresses (README: Profile camunda), or run `mvn spring-boot:run`"
              + " from the sources for the embedded default.");
    }
    var settings = new HashMap<String, Object>();
    Integer port = environment.getProperty(ENGINE_PORT, Integer.class);
    if (port != null && port == 0) {
      settings.put(ENGINE_PORT, FreePort.find());
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    settings.put(ENGINE_PASSWORD, password);
    settings.put("camunda.client.auth.method", "basic");
    settings.put("camunda.client.auth.username", ENGINE_USER);
    settings.put("camunda.client.auth.password", password);
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("expertpoolEmbedded", settings));
  }
}
