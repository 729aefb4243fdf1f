package nl.expertpool.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.expertpool.ExpertPoolApplication;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark of the embedded default (issue 8): simulated projects through the whole lifecycle
 * at rising concurrency, against the same engine with no-op workers; the milestone API under load;
 * start to healthy. Not a test: {@code mvn -Pbench verify} runs it (and only it), {@code mvn
 * verify} never does. Parameters are system properties {@code bench.*}; see BENCHMARKS.md.
 */
class LifecycleBenchmark {

  /** The projects of the concurrency levels: small pools, so that 50 fit the in-memory engine. */
  private static final int EXPERTS = Integer.getInteger("bench.experts", 5);

  private static final int INTERVIEWS = Integer.getInteger("bench.interviews", 2);

  /** One project of the size the issue names, run alone: its wall time is a target. */
  private static final int REFERENCE_EXPERTS = Integer.getInteger("bench.reference.experts", 20);

  private static final int REFERENCE_INTERVIEWS =
      Integer.getInteger("bench.reference.interviews", 2);
  private static final List<Integer> CONCURRENCY =
      ints(System.getProperty("bench.concurrency", "1,10,50"));

  /** Projects per level; by default as many as run at once, so each level is one wave. */
  private static final Integer PROJECTS = Integer.getInteger("bench.projects");

  private static final boolean APP = Boolean.parseBoolean(System.getProperty("bench.app", "true"));
  private static final boolean BASELINE =
      Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
  private static final int API_PROJECTS = Integer.getInteger("bench.api.projects", 1000);
  private static final int API_CLIENTS = Integer.getInteger("bench.api.clients", 50);
  private static final int API_SECONDS = Integer.getInteger("bench.api.seconds", 20);
  private static final boolean STARTUP =
      Boolean.parseBoolean(System.getProperty("bench.startup", "true"));

  /** The durable log: the top level again with the log on disk, and restarts with it (issue 21). */
  private static final boolean DURABILITY =
      Boolean.parseBoolean(System.getProperty("bench.durability", "true"));

  /** How many completed lifecycles the durable log holds when the restarts are timed. */
  private static final int DURABLE_LIFECYCLES =
      Integer.getInteger("bench.durability.lifecycles", 100);

  private static final Path OUTPUT =
      Path.of(System.getProperty("bench.output", "target/benchmark.json"));

  private static final CurrentUser CLIENT =
      new CurrentUser("client", Set.of(Role.CLIENT), AppDriver.CLIENT_ORGANISATION);

  private final BenchReport report = new BenchReport();

  /** Start to healthy in an empty data folder and again with the data kept. */
  private record Startup(StartupProbe.Result first, StartupProbe.Result restart) {
    double slower() {
      return Math.max(seconds(first), seconds(restart));
    }

    static double seconds(StartupProbe.Result r) {
      return Double.isNaN(r.seconds()) ? Double.POSITIVE_INFINITY : r.seconds();
    }
  }

  /** The same run without Maven, on a classpath of the test classes and their dependencies. */
  public static void main(String[] args) throws Exception {
    int status = 0;
    try {
      new LifecycleBenchmark().benchmark();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  @Test
  void benchmark() throws Exception {
    // The PDF renderer of the handover package logs to stdout on its own; the report goes there.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    report.line("Expert Pool Orchestrator benchmark (issue 8), embedded default");
    machine();
    parameters();

    Startup startup = startup();
    var contextStarts = new ArrayList<Double>();
    var appRuns = new ArrayList<Map<String, Object>>();
    var baselineRuns = new ArrayList<Map<String, Object>>();
    Map<String, Object> appReference = null;
    Map<String, Object> baselineReference = null;
    try (var resources = new Resources()) {
      // A fresh app for each level: a level's memory is that of its own load, not of the levels
      // before it (the in-memory engine keeps every record it ever wrote).
      for (int i = 0; APP && i < CONCURRENCY.size(); i++) {
        long contextStart = System.nanoTime();
        try (ConfigurableApplicationContext app = startApp();
            var driver = new AppDriver(app)) {
          contextStarts.add(BenchReport.round((System.nanoTime() - contextStart) / 1e9, 2));
          var database = new DatabaseWrites(app.getBean(DataSource.class));
          resources.followPostgres(database.backendPid());
          appRuns.add(level(driver, database, resources, CONCURRENCY.get(i)));
          if (i == 0 && REFERENCE_EXPERTS > 0) {
            appReference = reference(driver, database, resources);
          }
          if (i == CONCURRENCY.size() - 1) {
            try {
              milestoneApi(app);
            } catch (RuntimeException | OutOfMemoryError e) {
              report.json.put("milestoneApi", Map.of("failure", String.valueOf(e)));
              report.line("Milestone API: FAILED: " + e);
            }
          }
        }
      }
      if (APP && DURABILITY) {
        report.json.put("durability", durability(resources));
      }
      if (BASELINE) {
        var json = new ObjectMapper().findAndRegisterModules();
        for (int i = 0; i < CONCURRENCY.size(); i++) {
          try (var baseline = new BaselineDriver(json)) {
            baselineRuns.add(level(baseline, null, resources, CONCURRENCY.get(i)));
            if (i == 0 && REFERENCE_EXPERTS > 0) {
              baselineReference = reference(baseline, null, resources);
            }
          }
        }
      }
    }
    report.line(String.format(Locale.ROOT, "In-process context starts: %s s", contextStarts));
    var startupJson = new LinkedHashMap<String, Object>();
    if (startup == null) {
      startupJson.put("jar", "not measured (no jar in target/, or -Dbench.startup=false)");
    } else {
      startupJson.put("jar", startup.first().jar());
      startupJson.put("firstStartSeconds", seconds(startup.first()));
      startupJson.put("firstStartStatus", startup.first().status());
      startupJson.put("restartSeconds", seconds(startup.restart()));
      startupJson.put("restartStatus", startup.restart().status());
      startupJson.put("firstStartEngineMillis", startup.first().replayMillis());
      startupJson.put("restartEngineMillis", startup.restart().replayMillis());
      startupJson.put("restartEngine", startup.restart().recovered());
    }
    startupJson.put("inProcessContextSeconds", contextStarts);
    report.json.put("startup", startupJson);
    report.reference(appReference, baselineReference);
    report.levels(appRuns, baselineRuns);
    targets(startup, appRuns, baselineRuns, appReference);
    report.printTargets();
    report.write(OUTPUT);
    report.line("Written: " + OUTPUT + " and " + OUTPUT.resolveSibling("benchmark.txt"));
  }

  /** The reference project alone, on the engine the first level warmed up. */
  private Map<String, Object> reference(Driver driver, DatabaseWrites database, Resources resources)
      throws InterruptedException {
    long start = System.nanoTime();
    try {
      var outcome =
          LevelRun.run(driver, database, resources, 1, 1, REFERENCE_EXPERTS, REFERENCE_INTERVIEWS);
      var figures = BenchReport.figures(outcome);
      report.line(
          String.format(
              Locale.ROOT,
              "  %s, one project of %d experts x %d interviews: %.1f s, %s jobs/s, job p99 %s ms",
              driver.name(),
              REFERENCE_EXPERTS,
              REFERENCE_INTERVIEWS,
              outcome.wallNanos() / 1e9,
              figures.get("workerJobsPerSecond"),
              figures.get("jobLatencyMsP99")));
      return figures;
    } catch (IllegalStateException | OutOfMemoryError e) {
      return failed(driver, 1, 1, start, e);
    }
  }

  /**
   * One level on a fresh app or engine: a small unmeasured lifecycle first, then the load. A level
   * that fails is a result too: it is reported with its reason, and the benchmark goes on.
   */
  private Map<String, Object> level(
      Driver driver, DatabaseWrites database, Resources resources, int concurrency)
      throws InterruptedException {
    int projects = PROJECTS == null ? concurrency : PROJECTS;
    long start = System.nanoTime();
    try {
      // Unmeasured, so that the figures are not those of a cold JIT or a cold engine.
      LevelRun.run(driver, database, resources, 1, 1, Math.min(5, EXPERTS), 1);
      start = System.nanoTime();
      int slowBefore = driver.slowCompletions();
      var outcome =
          LevelRun.run(driver, database, resources, concurrency, projects, EXPERTS, INTERVIEWS);
      var figures = BenchReport.figures(outcome);
      figures.put("taskCompletionsOver30s", driver.slowCompletions() - slowBefore);
      report.line(
          String.format(
              Locale.ROOT,
              "  %s, %d at once: %d lifecycles in %.1f s, %s jobs/s, job p99 %s ms",
              driver.name(),
              concurrency,
              projects,
              outcome.wallNanos() / 1e9,
              figures.get("workerJobsPerSecond"),
              figures.get("jobLatencyMsP99")));
      return figures;
    } catch (IllegalStateException | OutOfMemoryError e) {
      return failed(driver, concurrency, projects, start, e);
    }
  }

  private Map<String, Object> failed(
      Driver driver, int concurrency, int projects, long start, Throwable e) {
    var failed = new LinkedHashMap<String, Object>();
    failed.put("driver", driver.name());
    failed.put("concurrency", concurrency);
    failed.put("projects", projects);
    failed.put("failedAfterSeconds", BenchReport.round((System.nanoTime() - start) / 1e9, 1));
    failed.put("failure", String.valueOf(e.getCause() == null ? e : e.getCause()));
    report.line(
        String.format(
            Locale.ROOT,
            "  %s, %d at once: FAILED after %.0f s: %s",
            driver.name(),
            concurrency,
            (System.nanoTime() - start) / 1e9,
            failed.get("failure")));
    return failed;
  }

  /** The first start (empty data folder) and a restart. */
  private Startup startup() throws Exception {
    if (!STARTUP) {
      return null;
    }
    var jar = StartupProbe.jar(Path.of("target"));
    if (jar.isEmpty()) {
      report.line("Start to healthy: skipped, no jar in target/ (mvn -Pbench verify builds it)");
      return null;
    }
    Path data = Path.of("target/benchmark-startup-data");
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    var first = StartupProbe.measure(jar.get(), data, Path.of("target/benchmark-startup.log"));
    var again = StartupProbe.measure(jar.get(), data, Path.of("target/benchmark-restart.log"));
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    report.line(
        String.format(
            Locale.ROOT,
            "Start to healthy (java -jar %s until /actuator/health is UP): first start %.1f s%s,"
                + " restart %.1f s%s; engine start and replay %d ms and %d ms",
            first.jar(),
            first.seconds(),
            first.status().equals("UP") ? "" : " (" + first.status() + ")",
            again.seconds(),
            again.status().equals("UP") ? "" : " (" + again.status() + ")",
            first.replayMillis(),
            again.replayMillis()));
    return new Startup(first, again);
  }

  /** The app in this JVM, on the embedded default, logging to a file so stdout holds the report. */
  private static ConfigurableApplicationContext startApp() throws java.io.IOException {
    Files.deleteIfExists(Path.of("target/benchmark-app.log"));
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .properties(
            "logging.file.name=target/benchmark-app.log",
            "logging.threshold.console=OFF",
            "server.port=0",
            "expertpool.embedded.engine-port=0",
            "expertpool.embedded.data-dir=")
        .run();
  }

  /**
   * The app in this JVM on a data folder: the engine's log on disk, each block forced to it, and no
   * snapshot, so that the log keeps every lifecycle.
   */
  private static ConfigurableApplicationContext startDurableApp(Path data)
      throws java.io.IOException {
    Files.deleteIfExists(Path.of("target/benchmark-durable-app.log"));
    return new SpringApplicationBuilder(ExpertPoolApplication.class)
        .properties(
            "logging.file.name=target/benchmark-durable-app.log",
            "logging.threshold.console=OFF",
            "server.port=0",
            "expertpool.embedded.engine-port=0")
        // Arguments, not defaults: the benchmark's JVM empties the data folder for the levels.
        .run(
            "--expertpool.embedded.snapshot-period=0s",
            "--expertpool.embedded.data-dir=" + data.toAbsolutePath());
  }

  /**
   * What durability costs and what a long log costs at start. The top level runs again on an app
   * whose engine log is on disk (each block forced to it before the engine goes on), and more
   * lifecycles follow until the log holds {@link #DURABLE_LIFECYCLES}. The built jar then starts on
   * that folder three times: with snapshots off (the whole log replayed), with snapshots on (the
   * whole log replayed again; stopping takes a snapshot and drops the log), and once more (from the
   * snapshot).
   */
  private Map<String, Object> durability(Resources resources) throws Exception {
    var json = new LinkedHashMap<String, Object>();
    int concurrency = CONCURRENCY.getLast();
    Path data = Path.of("target/benchmark-durable-data");
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    Path log = data.resolve("engine").resolve("log");
    int lifecycles;
    try (var app = startDurableApp(data);
        var driver = new AppDriver(app, "app, log on disk")) {
      var database = new DatabaseWrites(app.getBean(DataSource.class));
      resources.followPostgres(database.backendPid());
      json.put("level", level(driver, database, resources, concurrency));
      int projects = PROJECTS == null ? concurrency : PROJECTS;
      lifecycles = 1 + projects; // the level's warm-up and its projects
      if (lifecycles < DURABLE_LIFECYCLES) {
        LevelRun.run(
            driver,
            database,
            resources,
            concurrency,
            DURABLE_LIFECYCLES - lifecycles,
            EXPERTS,
            INTERVIEWS);
        lifecycles = DURABLE_LIFECYCLES;
      }
    }
    json.put("lifecyclesInLog", lifecycles);
    json.put("logMiB", BenchReport.round(Files.size(log) / 1048576.0, 1));
    report.line(
        String.format(
            Locale.ROOT,
            "Durable log: %d completed lifecycles, %.1f MiB in %s",
            lifecycles,
            Files.size(log) / 1048576.0,
            log));
    var jar = StartupProbe.jar(Path.of("target"));
    if (jar.isPresent()) {
      var whole =
          StartupProbe.measure(
              jar.get(),
              data,
              Path.of("target/benchmark-replay-whole.log"),
              Map.of("EXPERTPOOL_ENGINE_SNAPSHOT_PERIOD", "0s"));
      var wholeAgain =
          StartupProbe.measure(jar.get(), data, Path.of("target/benchmark-replay-snapshot.log"));
      double afterSnapshotMiB = Files.size(log) / 1048576.0;
      var fromSnapshot =
          StartupProbe.measure(jar.get(), data, Path.of("target/benchmark-replay-from.log"));
      json.put("startWholeLog", startJson(whole));
      json.put("startWholeLogThenSnapshot", startJson(wholeAgain));
      json.put("logMiBAfterSnapshot", BenchReport.round(afterSnapshotMiB, 2));
      json.put("startFromSnapshot", startJson(fromSnapshot));
      for (var line :
          List.of(
              Map.entry("whole log replayed, no snapshot", whole),
              Map.entry("whole log replayed, snapshot taken at stop", wholeAgain),
              Map.entry("from the snapshot", fromSnapshot))) {
        report.line(
            String.format(
                Locale.ROOT,
                "  java -jar on it, %s: healthy in %.1f s, engine start and replay %d ms (%s)",
                line.getKey(),
                line.getValue().seconds(),
                line.getValue().replayMillis(),
                line.getValue().recovered()));
      }
      report.line(
          String.format(Locale.ROOT, "  log after the snapshot: %.2f MiB", afterSnapshotMiB));
      double replay = fromSnapshot.replayMillis() / 1000.0;
      report.target(
          "engine start and replay, " + lifecycles + " lifecycles in the log, from a snapshot",
          "<= 5 s",
          fromSnapshot.replayMillis() < 0 ? Double.NaN : replay,
          "s",
          fromSnapshot.replayMillis() >= 0 && replay <= 5);
    } else {
      report.line("  Restarts on it: skipped, no jar in target/ (mvn -Pbench verify builds it)");
    }
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    return json;
  }

  private static Map<String, Object> startJson(StartupProbe.Result result) {
    var json = new LinkedHashMap<String, Object>();
    json.put("seconds", seconds(result));
    json.put("status", result.status());
    json.put("replayMillis", result.replayMillis());
    json.put("engine", result.recovered());
    return json;
  }

  private void milestoneApi(ConfigurableApplicationContext app) throws InterruptedException {
    var jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    long seedStart = System.nanoTime();
    List<UUID> seeded = MilestoneApiLoad.seed(jdbc, AppDriver.CLIENT_ORGANISATION, API_PROJECTS);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    int projects = jdbc.queryForObject("select count(*) from project", Integer.class);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "8080"));

    var single =
        MilestoneApiLoad.run(
            port, "client", "demo", seeded, 1, Duration.ofSeconds(2), Duration.ofSeconds(5));
    var loaded =
        MilestoneApiLoad.run(
            port,
            "client",
            "demo",
            seeded,
            API_CLIENTS,
            Duration.ofSeconds(5),
            Duration.ofSeconds(API_SECONDS));
    // The same requests by a client user whose bcrypt hash has cost 4 instead of the app's 10: what
    // the request costs without the password check's deliberate slowness.
    jdbc.update(
        "insert into app_user (username, password_hash, role, organisation, created_at)"
            + " values ('bench-client', ?, 'CLIENT', ?, now()) on conflict (username) do nothing",
        "{bcrypt}" + new BCryptPasswordEncoder(4).encode("bench-client-password"),
        AppDriver.CLIENT_ORGANISATION);
    var cheapHash =
        MilestoneApiLoad.run(
            port,
            "bench-client",
            "bench-client-password",
            seeded,
            API_CLIENTS,
            Duration.ofSeconds(3),
            Duration.ofSeconds(10));
    var lifecycle = app.getBean(ProjectLifecycle.class);
    var milestones = app.getBean(MilestoneTracker.class);
    var random = new java.util.Random();
    var service =
        MilestoneApiLoad.run(
            () -> {
              UUID id = seeded.get(random.nextInt(seeded.size()));
              lifecycle.readable(id, CLIENT);
              milestones.of(id);
            },
            API_CLIENTS,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    var api = new LinkedHashMap<String, Object>();
    api.put("endpoint", "GET /api/projects/{id}/milestones as client:demo (HTTP Basic)");
    api.put("projectsInDatabase", projects);
    api.put("seeded", API_PROJECTS + " copies of a completed project with its milestones, by SQL");
    api.put("seedSeconds", BenchReport.round(seedSeconds, 2));
    api.put("oneClient", api(single));
    api.put("loaded", api(loaded));
    api.put("loadedWithCost4Hash", api(cheapHash));
    api.put("serviceOnly", api(service));
    report.json.put("milestoneApi", api);
    report.line("");
    report.line(
        "Milestone API, "
            + projects
            + " projects in the database (GET /api/projects/{id}/milestones, client:demo, HTTP Basic)");
    report.line(
        String.format(
            Locale.ROOT,
            "%22s %8s %9s %8s %8s %8s %8s %7s",
            "",
            "clients",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "errors"));
    apiLine("HTTP, one client", single);
    apiLine("HTTP, loaded", loaded);
    apiLine("HTTP, bcrypt cost 4", cheapHash);
    apiLine("services, no HTTP", service);
  }

  private void apiLine(String label, MilestoneApiLoad.Result r) {
    report.line(
        String.format(
            Locale.ROOT,
            "%22s %8d %9.1f %8.1f %8.1f %8.1f %8.1f %7d",
            label,
            r.clients(),
            r.perSecond(),
            r.p50(),
            r.p90(),
            r.p99(),
            r.max(),
            r.errors()));
  }

  private static Map<String, Object> api(MilestoneApiLoad.Result r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("clients", r.clients());
    m.put("seconds", r.seconds());
    m.put("requests", r.requests());
    m.put("errors", r.errors());
    m.put("requestsPerSecond", BenchReport.round(r.perSecond(), 1));
    m.put("latencyMsP50", BenchReport.round(r.p50(), 2));
    m.put("latencyMsP90", BenchReport.round(r.p90(), 2));
    m.put("latencyMsP99", BenchReport.round(r.p99(), 2));
    m.put("latencyMsMax", BenchReport.round(r.max(), 2));
    return m;
  }

  private static Double seconds(StartupProbe.Result r) {
    return Double.isNaN(r.seconds()) ? null : BenchReport.round(r.seconds(), 2);
  }

  @SuppressWarnings("unchecked")
  private void targets(
      Startup startup,
      List<Map<String, Object>> app,
      List<Map<String, Object>> baseline,
      Map<String, Object> reference) {
    if (!app.isEmpty()) {
      var top = app.getLast();
      String at = " (at " + top.get("concurrency") + " concurrent)";
      double jobs = num(top, "workerJobsPerSecond");
      report.target("worker jobs/s with persistence", ">= 150" + at, jobs, "jobs/s", jobs >= 150);
      if (!baseline.isEmpty()) {
        double ratio = jobs / num(baseline.getLast(), "workerJobsPerSecond");
        report.target(
            "ratio to the no-op baseline (jobs/s)", ">= 0.5" + at, ratio, "", ratio >= 0.5);
      }
      double p99 = num(top, "jobLatencyMsP99");
      report.target("job latency p99", "<= 100 ms" + at, p99, "ms", p99 <= 100);
      // Closed apps stay reachable in this JVM (see BENCHMARKS.md), so a later level starts with
      // the earlier ones' heap: a fresh app's is the first level's start plus this level's own.
      double heap = num(app.getFirst(), "heapLiveAtStartMiB") + num(top, "heapLiveOwnMiB");
      report.target(
          "heap", "<= 512 MiB" + at, heap, "MiB live after a full GC, fresh app", heap <= 512);
    }
    if (reference != null) {
      double seconds = num(reference, "lifecycleSecondsMax");
      report.target(
          REFERENCE_EXPERTS + "-expert, " + REFERENCE_INTERVIEWS + "-interview project alone",
          "<= 15 s (whole lifecycle)",
          seconds,
          "s",
          seconds <= 15);
    }
    var api = (Map<String, Object>) report.json.get("milestoneApi");
    if (api != null) {
      double p99 = num((Map<String, Object>) api.get("loaded"), "latencyMsP99");
      report.target(
          "milestone API p99",
          "<= 50 ms (" + API_CLIENTS + " clients, " + api.get("projectsInDatabase") + " projects)",
          p99,
          "ms",
          p99 <= 50);
    }
    if (startup != null) {
      double slower = startup.slower();
      report.target(
          "start to healthy (java -jar, slower of first start and restart)",
          "<= 20 s",
          slower,
          "s",
          slower <= 20);
    }
  }

  private void machine() throws Exception {
    var m = new LinkedHashMap<String, Object>();
    m.put("processors", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memoryTotal", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
    report.json.put("machine", m);
    report.line(
        String.format(
            Locale.ROOT,
            "Machine: %s processors, %s, %s, %s; max heap %s MiB; load average at start %s",
            m.get("processors"),
            m.get("cpu"),
            m.get("memoryTotal"),
            m.get("jdk"),
            m.get("maxHeapMiB"),
            m.get("loadAverageAtStart")));
  }

  private void parameters() {
    var p = new LinkedHashMap<String, Object>();
    p.put("command", System.getProperty("bench.command", "mvn -Pbench verify"));
    p.put("concurrency", CONCURRENCY);
    p.put("projectsPerLevel", PROJECTS == null ? "= concurrency" : PROJECTS);
    p.put("expertsPerProject", EXPERTS);
    p.put("interviewsPerExpert", INTERVIEWS);
    p.put(
        "referenceProject",
        REFERENCE_EXPERTS + " experts x " + REFERENCE_INTERVIEWS + " interviews");
    p.put("baseline", BASELINE);
    p.put("apiProjects", API_PROJECTS);
    p.put("apiClients", API_CLIENTS);
    p.put("apiSeconds", API_SECONDS);
    report.json.put("parameters", p);
    report.line("Parameters: " + p);
  }

  private static String firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }

  /** A figure of a run, NaN when the run failed (so its target counts as missed). */
  private static double num(Map<String, Object> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }
}
