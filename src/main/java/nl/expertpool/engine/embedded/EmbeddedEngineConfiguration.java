package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.runtime.EmbeddedProperties;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The embedded default: the in-memory engine, started before the Camunda client connects. */
@Configuration(proxyBeanMethods = false)
@Profile("!camunda")
class EmbeddedEngineConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedZeebe embeddedZeebe(EmbeddedProperties properties) {
    return new EmbeddedZeebe(properties.enginePort());
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
