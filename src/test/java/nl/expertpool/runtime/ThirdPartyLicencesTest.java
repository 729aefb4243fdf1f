package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The third-party licence list the build writes (a CycloneDX SBOM, {@code
 * META-INF/sbom/application.cdx.json}, which the jar and the image carry): every runtime dependency
 * with its licence, the evaluation engine's under Camunda's own licences, and nothing of the tests.
 */
class ThirdPartyLicencesTest {

  private static final String SBOM = "META-INF/sbom/application.cdx.json";

  /** Components whose own metadata names no licence (so the SBOM cannot either). */
  private static final List<String> WITHOUT_LICENCE_METADATA = List.of("net.jcip:jcip-annotations");

  @Test
  void theBuildListsEveryRuntimeDependencyWithItsLicence() throws IOException {
    Map<String, List<String>> licences = licences();

    assertThat(licences).hasSizeGreaterThan(100);
    assertThat(licences.get("io.camunda:camunda-client-java")).containsExactly("Apache-2.0");
    assertThat(licences.get("io.camunda:zeebe-workflow-engine"))
        .containsExactly("Camunda License v1.0");
    assertThat(licences.get("io.camunda:zeebe-process-test-engine"))
        .containsExactly("Zeebe Community License v1.1");
    assertThat(licences.get("org.postgresql:postgresql")).containsExactly("BSD-2-Clause");
    assertThat(licences.keySet())
        .as("the tests' libraries are not shipped")
        .noneMatch(name -> name.startsWith("org.seleniumhq.selenium:"))
        .noneMatch(name -> name.startsWith("org.junit.jupiter:"));
    assertThat(licences)
        .as("components without a licence")
        .allSatisfy(
            (name, named) -> {
              if (!WITHOUT_LICENCE_METADATA.contains(name)) {
                assertThat(named).as(name).isNotEmpty();
              }
            });
  }

  /** Licence ids or names by {@code group:name}. */
  private static Map<String, List<String>> licences() throws IOException {
    JsonNode sbom;
    try (InputStream in = ThirdPartyLicencesTest.class.getClassLoader().getResourceAsStream(SBOM)) {
      assertThat(in).as(SBOM + " on the class path (written at generate-resources)").isNotNull();
      sbom = new ObjectMapper().readTree(in);
    }
    Map<String, List<String>> licences = new LinkedHashMap<>();
    for (JsonNode component : sbom.path("components")) {
      List<String> named = new ArrayList<>();
      for (JsonNode choice : component.path("licenses")) {
        JsonNode licence = choice.path("license");
        named.add(
            licence.hasNonNull("id")
                ? licence.get("id").asText()
                : licence.hasNonNull("name")
                    ? licence.get("name").asText()
                    : choice.path("expression").asText());
      }
      licences.put(component.path("group").asText() + ":" + component.path("name").asText(), named);
    }
    return licences;
  }
}
