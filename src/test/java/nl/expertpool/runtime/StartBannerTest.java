package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartBannerTest {

  @Test
  void theEmbeddedDefaultSaysItsEngineIsNotForProduction() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("expertpool.embedded.engine-port", "26500")
            .withProperty("expertpool.embedded.data-dir", "./data");

    String text = new StartBanner(environment, null).text();

    assertThat(text)
        .contains("127.0.0.1:26500 (this app only; log in ./data/engine)")
        .contains("(data in ./data/postgres)")
        .contains("Camunda License 1.0")
        .contains("not production")
        .containsPattern("(?m)^  Evaluation runtime – not for production");
  }

  @Test
  void aClusterRunSaysNothingAboutTheEmbeddedLicence() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("camunda.client.grpc-address", "https://zeebe:26500");
    environment.setActiveProfiles("camunda");

    String text = new StartBanner(environment, null).text();

    assertThat(text).contains("Camunda 8 cluster at https://zeebe:26500").doesNotContain("License");
  }
}
