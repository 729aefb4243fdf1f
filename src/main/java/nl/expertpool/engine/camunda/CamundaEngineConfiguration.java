package nl.expertpool.engine.camunda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import nl.expertpool.engine.EngineAccess;
import nl.expertpool.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Production on a Camunda 8.8 cluster: the engine port over the REST API, real time. */
@Configuration(proxyBeanMethods = false)
@Profile("camunda")
class CamundaEngineConfiguration {

  @Bean
  EngineAccess engineAccess(Clock clock) {
    return new EngineAccess(clock);
  }

  @Bean
  ProcessEngine processEngine(CamundaClient client, ObjectMapper json, EngineAccess access) {
    return new CamundaProcessEngine(client, json, access);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
