package nl.expertpool.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.expertpool.runtime.FreePort;

/**
 * Start to healthy as an operator sees it: launches the built jar ({@code java -jar}, embedded
 * default) and times from launching the process until {@code /actuator/health} answers {@code UP},
 * which needs the database and the engine. The first start in an empty data folder also creates the
 * database; a restart finds it.
 */
final class StartupProbe {

  /**
   * @param replayMillis how long the engine took to start and replay its log, as its log line says;
   *     -1 when it did not say
   * @param recovered the engine's log line on what it recovered; empty when it did not say
   */
  record Result(String jar, double seconds, String status, long replayMillis, String recovered) {}

  private static final java.util.regex.Pattern RECOVERY =
      java.util.regex.Pattern.compile("Embedded Zeebe engine (recovered its log|keeps its log).*");
  private static final java.util.regex.Pattern REPLAYED =
      java.util.regex.Pattern.compile("replayed in (\\d+) ms");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private StartupProbe() {}

  static Optional<Path> jar(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("expert-pool-orchestrator-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
          .findFirst();
    }
  }

  static Result measure(Path jar, Path dataDir, Path log) throws IOException, InterruptedException {
    return measure(jar, dataDir, log, java.util.Map.of());
  }

  /**
   * As {@link #measure(Path, Path, Path)}, with these environment variables; the app is stopped by
   * SIGTERM, as a service manager stops it.
   */
  static Result measure(Path jar, Path dataDir, Path log, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    int port = FreePort.find();
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(java, "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    builder.environment().put("EXPERTPOOL_ENGINE_PORT", String.valueOf(FreePort.find()));
    builder.environment().put("EXPERTPOOL_DATA_DIR", dataDir.toAbsolutePath().toString());
    builder.environment().putAll(env);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      String status = "no answer";
      while (System.nanoTime() - start < LIMIT.toNanos() && process.isAlive()) {
        try {
          var response = http.send(health, HttpResponse.BodyHandlers.ofString());
          status = response.statusCode() + " " + response.body();
          if (response.statusCode() == 200
              && "UP".equals(JSON.readTree(response.body()).path("status").asText())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            String recovered = recovered(log);
            var replayed = REPLAYED.matcher(recovered);
            return new Result(
                jar.getFileName().toString(),
                seconds,
                "UP",
                replayed.find() ? Long.parseLong(replayed.group(1)) : -1,
                recovered);
          }
        } catch (IOException e) {
          // Not listening yet.
        }
        Thread.sleep(50);
      }
      return new Result(
          jar.getFileName().toString(), Double.NaN, "not healthy: " + status, -1, recovered(log));
    } finally {
      process.destroy(); // SIGTERM
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The engine's log line on what it found at start. */
  private static String recovered(Path log) throws IOException {
    for (String line : Files.readAllLines(log)) {
      var matcher = RECOVERY.matcher(line);
      if (matcher.find()) {
        return matcher.group();
      }
    }
    return "";
  }
}
