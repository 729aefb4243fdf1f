package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production build ({@code -Dproduction}) has no embedded runtime: started without the profile
 * {@code camunda} it stops at once and says how to run it; on that profile it starts as always.
 */
class ProductionBuildTest {

  @Test
  void withoutTheEmbeddedRuntimeOnlyTheClusterProfileStarts() {
    var withoutEmbedded =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("nl.expertpool.engine.embedded.")) {
              throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
          }
        };
    var application = new SpringApplication(new DefaultResourceLoader(withoutEmbedded));
    var processor = new EmbeddedEnvironmentPostProcessor();

    assertThatThrownBy(() -> processor.postProcessEnvironment(new MockEnvironment(), application))
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining("production build")
        .hasMessageContaining("no embedded engine");

    var cluster = new MockEnvironment();
    cluster.setActiveProfiles("camunda");
    assertThatCode(() -> processor.postProcessEnvironment(cluster, application))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                processor.postProcessEnvironment(
                    new MockEnvironment(), new SpringApplication(Object.class)))
        .as("the embedded default's build")
        .doesNotThrowAnyException();
  }
}
