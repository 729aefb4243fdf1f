package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.runtime.EmbeddedEnvironmentPostProcessor;
import nl.expertpool.runtime.EmbeddedProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The embedded default: the in-memory engine, started before the Camunda client connects. */
@Configuration(proxyBeanMethods = false)
@Profile("!camunda")
class EmbeddedEngineConfiguration {

  /** Only the app's own client, with this start's random credential, may call the engine. */
  @Bean(destroyMethod = "close")
  EmbeddedZeebe embeddedZeebe(
      EmbeddedProperties properties,
      @Value("${" + EmbeddedEnvironmentPostProcessor.ENGINE_PASSWORD + "}") String password) {
    String credential = EmbeddedEnvironmentPostProcessor.ENGINE_USER + ":" + password;
    return new EmbeddedZeebe(
        properties.enginePort(),
        "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
  }

  @Bean
  ProcessEngine processEngine(EmbeddedZeebe zeebe, ObjectMapper json) {
    return new EmbeddedProcessEngine(zeebe, json);
  }

  @Bean
  Clock clock(EmbeddedZeebe zeebe) {
    return zeebe.clock();
  }

  @Bean
  static ClientAfterEngine clientAfterEngine() {
    return new ClientAfterEngine();
  }

  /** The client and its job workers must find the engine listening, and close before it stops. */
  static class ClientAfterEngine extends AbstractDependsOnBeanFactoryPostProcessor {
    ClientAfterEngine() {
      super(CamundaClient.class, EmbeddedZeebe.class);
    }
  }
}
