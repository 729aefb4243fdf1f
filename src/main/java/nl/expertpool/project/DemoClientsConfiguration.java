package nl.expertpool.project;

import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The organisations of the demo client users, on the embedded default only: listed with their users
 * on {@code /admin}, and offered on {@code /projects/new}, before any project of theirs starts.
 */
@Configuration(proxyBeanMethods = false)
class DemoClientsConfiguration {

  /** The organisations of the demo users {@code client} and {@code client-utrecht}. */
  static final List<String> DEMO_ORGANISATIONS = List.of("Gemeente Almere", "Gemeente Utrecht");

  @Bean
  @Profile("!camunda")
  ApplicationRunner demoClients(ClientDirectory clients) {
    return args -> DEMO_ORGANISATIONS.forEach(clients::addIfAbsent);
  }
}
