package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the deployment files are checked by reading them: the services,
 * their ports and health checks, the start order, the image build, and that every variable given to
 * the app is one the app reads, so that a renamed property breaks the build and not a deployment.
 */
class DockerComposeTest {

  static final Path DOCKER = Path.of("docker");
  static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");

  static Map<String, Object> compose;
  static String composeText;
  static Set<String> knownProperties;

  /**
   * Properties whose keys are the user's own, e.g. {@code
   * spring.security.oauth2.client.registration}.
   */
  static Set<String> mapProperties = new HashSet<>();

  static String applicationYml;

  @BeforeAll
  static void read() throws IOException {
    composeText = Files.readString(DOCKER.resolve("compose.yaml"));
    compose = new Yaml().load(composeText);
    knownProperties = propertiesInConfigurationMetadata();
    applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
  }

  @Test
  void theClusterTheDatabaseAndTheAppRunAsServicesWithHealthChecks() {
    var services = map(compose.get("services"));
    assertThat(services).containsOnlyKeys("orchestration", "elasticsearch", "postgres", "app");
    services.forEach(
        (name, service) ->
            assertThat(list(map(map(service).get("healthcheck")).get("test")))
                .as(name + " health check")
                .isNotEmpty());
    assertThat(string(map(services.get("orchestration")).get("image")))
        .matches("camunda/camunda:\\$\\{CAMUNDA_VERSION:-8\\.8\\.\\d+}");
    assertThat(string(map(services.get("postgres")).get("image"))).isEqualTo("postgres:17");
    assertThat(string(map(services.get("elasticsearch")).get("image")))
        .startsWith("elasticsearch:");
    assertThat(environment("orchestration"))
        .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch")
        .containsEntry(
            "CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL", "http://elasticsearch:9200")
        .containsKey("SPRING_PROFILES_ACTIVE");
    assertThat(environment("orchestration").get("SPRING_PROFILES_ACTIVE").split(","))
        .contains("broker", "operate", "tasklist", "identity");
  }

  /**
   * As Camunda's own 8.8 compose files (camunda-distributions, versions/camunda-8.8): their newest
   * patch (8.8.36), a health check that waits for the management API to answer its health status
   * 200 (so the REST API is ready when the app starts), and no index replicas on the one
   * Elasticsearch node, which can then be green.
   */
  @Test
  void theClusterIsCamundasNewest88PatchReadyWhenItsHealthSaysSoWithoutReplicas()
      throws IOException {
    var services = map(compose.get("services"));
    var orchestration = map(services.get("orchestration"));
    Matcher version =
        Pattern.compile("camunda/camunda:\\$\\{CAMUNDA_VERSION:-8\\.8\\.(\\d+)}")
            .matcher(string(orchestration.get("image")));
    assertThat(version.matches()).isTrue();
    assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(36);
    assertThat(Files.readAllLines(DOCKER.resolve(".env.example")))
        .contains("CAMUNDA_VERSION=8.8." + version.group(1), "ELASTIC_VERSION=8.17.10");

    String check = joined(map(orchestration.get("healthcheck")).get("test"));
    assertThat(check)
        .contains("/dev/tcp/127.0.0.1/9600")
        .contains("GET /actuator/health/status HTTP/1.1")
        .as("the check fails unless the status line says 200")
        .contains("grep -q \" 200 \"");

    assertThat(environment("orchestration"))
        .containsEntry("CAMUNDA_DATABASE_INDEX_NUMBEROFREPLICAS", "0");
    String elastic = joined(map(map(services.get("elasticsearch")).get("healthcheck")).get("test"));
    assertThat(elastic).contains("green").doesNotContain("yellow");
  }

  @Test
  void operateTasklistTheRestApiAndTheAppArePublished() {
    assertThat(containerPorts("orchestration")).contains(8080, 26500);
    assertThat(containerPorts("app")).containsExactly(8080);
    assertThat(publishedPorts()).doesNotHaveDuplicates();
  }

  @Test
  void theAppStartsAfterAHealthyDatabaseAndClusterAndIsBuiltFromThisRepository() {
    var app = map(map(compose.get("services")).get("app"));
    var dependsOn = map(app.get("depends_on"));
    assertThat(dependsOn).containsOnlyKeys("postgres", "orchestration");
    dependsOn
        .values()
        .forEach(d -> assertThat(map(d)).containsEntry("condition", "service_healthy"));
    assertThat(map(map(map(compose.get("services")).get("orchestration")).get("depends_on")))
        .containsEntry("elasticsearch", Map.of("condition", "service_healthy"));
    var build = map(app.get("build"));
    assertThat(build)
        .containsEntry("context", "..")
        .containsEntry("dockerfile", "docker/Dockerfile");
    assertThat(environment("app"))
        .containsEntry("SPRING_PROFILES_ACTIVE", "camunda")
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/expertpool")
        .containsEntry("CAMUNDA_CLIENT_REST_ADDRESS", "http://orchestration:8080")
        .containsEntry("CAMUNDA_CLIENT_GRPC_ADDRESS", "http://orchestration:26500");
  }

  @Test
  void everyVariableGivenToTheAppIsOneTheAppReads() {
    List<String> unread = new ArrayList<>();
    for (String name : environment("app").keySet()) {
      if (!readByTheApp(name)) {
        unread.add(name);
      }
    }
    assertThat(unread).isEmpty();
  }

  @Test
  void everyVariableTheReadmeListsIsOneTheAppReads() throws IOException {
    Matcher names =
        Pattern.compile("`((?:SPRING|CAMUNDA_CLIENT|EXPERTPOOL)_[A-Z0-9_]+)`")
            .matcher(Files.readString(Path.of("README.md")));
    Set<String> listed = new TreeSet<>();
    while (names.find()) {
      listed.add(names.group(1));
    }
    assertThat(listed).contains("CAMUNDA_CLIENT_REST_ADDRESS", "SPRING_DATASOURCE_URL");
    assertThat(listed.stream().filter(n -> !readByTheApp(n)).toList()).isEmpty();
  }

  @Test
  void theExampleEnvironmentListsEveryVariableTheComposeFileUses() throws IOException {
    Set<String> used = new TreeSet<>();
    Matcher placeholders = PLACEHOLDER.matcher(composeText);
    while (placeholders.find()) {
      used.add(placeholders.group(1));
    }
    Set<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        listed.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertThat(listed).isEqualTo(used);
  }

  @Test
  void theImageIsBuiltInOneStageAndRunsOnAJre21AsANonRootUserWithAHealthCheck() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(from).hasSize(2);
    assertThat(from.getFirst()).contains("maven").contains("21");
    assertThat(from.getLast()).contains("21-jre");
    assertThat(lines).anyMatch(l -> l.matches("USER (?!root\\b)\\S+"));
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("--interval"));
    assertThat(lines).contains("EXPOSE 8080");
    assertThat(lines)
        .as("the image is the production build, without the evaluation runtime")
        .filteredOn(l -> l.startsWith("RUN mvn "))
        .isNotEmpty()
        .allMatch(l -> l.contains(" -Dproduction "));
    assertThat(Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore")))
        .contains("!pom.xml", "!src", "!bpmn", "!forms");
  }

  /**
   * Whether the app reads this environment variable: a placeholder in {@code application.yml}, a
   * property of Spring Boot or the Camunda starter in its relaxed form ({@code
   * camunda.client.auth.client-id} is {@code CAMUNDA_CLIENT_AUTH_CLIENTID} or {@code
   * CAMUNDA_CLIENT_AUTH_CLIENT_ID}), or one of the app's own settings read with {@code @Value}.
   */
  static boolean readByTheApp(String variable) {
    if (applicationYml.contains("${" + variable + ":")
        || applicationYml.contains("${" + variable + "}")) {
      return true;
    }
    return knownProperties.stream()
            .anyMatch(p -> relaxed(p).equals(variable) || legacy(p).equals(variable))
        || mapProperties.stream()
            .anyMatch(
                p -> variable.startsWith(relaxed(p) + "_") || variable.startsWith(legacy(p) + "_"));
  }

  /** The documented form: dashes dropped, dots as underscores, upper case. */
  static String relaxed(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The form Spring Boot also binds: dashes and dots both as underscores. */
  static String legacy(String property) {
    return property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** Every property Spring Boot, the Camunda starter and the app itself declare, not deprecated. */
  static Set<String> propertiesInConfigurationMetadata() throws IOException {
    Set<String> names = new HashSet<>();
    var json = new ObjectMapper();
    var resources =
        DockerComposeTest.class
            .getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json");
    for (URL url : java.util.Collections.list(resources)) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          if (!property.has("deprecation") && !property.path("deprecated").asBoolean()) {
            names.add(property.path("name").asText());
            if (property.path("type").asText().startsWith("java.util.Map<")) {
              mapProperties.add(property.path("name").asText());
            }
          }
        }
      }
    }
    names.addAll(appSettings());
    return names;
  }

  /** The app's own {@code expertpool.*} settings that code reads with {@code @Value}. */
  static Set<String> appSettings() throws IOException {
    Set<String> keys = new HashSet<>();
    Pattern value = Pattern.compile("@Value\\(\"\\$\\{(expertpool\\.[a-z0-9.-]+)");
    try (var files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = value.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  private static Map<String, String> environment(String service) {
    var environment = map(map(map(compose.get("services")).get(service)).get("environment"));
    var values = new java.util.LinkedHashMap<String, String>();
    environment.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
    return values;
  }

  private static List<Integer> containerPorts(String service) {
    return list(map(map(compose.get("services")).get(service)).get("ports")).stream()
        .map(p -> Integer.parseInt(String.valueOf(p).split(":")[1]))
        .toList();
  }

  private static List<String> publishedPorts() {
    var ports = new ArrayList<String>();
    map(compose.get("services"))
        .values()
        .forEach(
            s -> {
              Object published = map(s).get("ports");
              if (published != null) {
                list(published).forEach(p -> ports.add(String.valueOf(p).split(":")[0]));
              }
            });
    return ports;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<?>) value;
  }

  private static String joined(Object list) {
    return list(list).stream()
        .map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static String string(Object value) {
    return String.valueOf(value);
  }
}
