package nl.expertpool.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one benchmark run: a table for people and {@code benchmark.json}. */
final class BenchReport {

  private static final double MIB = 1024 * 1024;

  final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Map<String, Object>> targets = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  /** Rates and percentiles of one run of lifecycles. */
  static Map<String, Object> figures(LevelRun.Outcome run) {
    double seconds = run.wallNanos() / 1e9;
    long jobs = run.jobsAfter().jobsCompleted() - run.jobsBefore().jobsCompleted();
    int tasks = run.lifecycles().stream().mapToInt(ProjectSimulation.Result::userTasks).sum();
    long[] toEnd =
        run.lifecycles().stream().mapToLong(ProjectSimulation.Result::toEndNanos).toArray();
    long[] toCompleted =
        run.lifecycles().stream().mapToLong(ProjectSimulation.Result::toCompletedNanos).toArray();
    var f = new LinkedHashMap<String, Object>();
    f.put("driver", run.driver());
    f.put("concurrency", run.concurrency());
    f.put("projects", run.lifecycles().size());
    f.put("expertsPerProject", run.experts());
    f.put("interviewsPerExpert", run.interviews());
    f.put("wallSeconds", round(seconds, 2));
    f.put("lifecyclesPerMinute", round(run.lifecycles().size() / seconds * 60, 2));
    f.put("lifecycleSecondsP50", round(Stats.percentile(toEnd, 50) / 1e9, 2));
    f.put("lifecycleSecondsMax", round(Stats.percentile(toEnd, 100) / 1e9, 2));
    f.put("toCompletedSecondsP50", round(Stats.percentile(toCompleted, 50) / 1e9, 2));
    f.put("workerJobs", jobs);
    f.put("workerJobsPerSecond", round(jobs / seconds, 1));
    f.put("userTasks", tasks);
    f.put(
        "userTasksCompletedInEngine",
        run.jobsAfter().userTasksCompleted() - run.jobsBefore().userTasksCompleted());
    f.put("userTasksPerSecond", round(tasks / seconds, 1));
    f.put("jobLatencyMsP50", Stats.percentile(run.jobLatenciesMillis(), 50));
    f.put("jobLatencyMsP99", Stats.percentile(run.jobLatenciesMillis(), 99));
    f.put("jobLatencyMsMax", Stats.percentile(run.jobLatenciesMillis(), 100));
    var byType = new LinkedHashMap<String, Object>();
    run.jobLatenciesByType().entrySet().stream()
        .sorted(
            (a, b) ->
                Double.compare(
                    Stats.percentile(b.getValue(), 99), Stats.percentile(a.getValue(), 99)))
        .forEach(
            e ->
                byType.put(
                    e.getKey(),
                    Map.of(
                        "count", e.getValue().length,
                        "p50", Stats.percentile(e.getValue(), 50),
                        "p99", Stats.percentile(e.getValue(), 99),
                        "max", Stats.percentile(e.getValue(), 100))));
    f.put("jobLatencyMsByType", byType);
    f.put("jobsFailed", run.jobsAfter().jobsFailed() - run.jobsBefore().jobsFailed());
    f.put("jobsTimedOut", run.jobsAfter().jobsTimedOut() - run.jobsBefore().jobsTimedOut());
    f.put("jobsYielded", run.jobsAfter().jobsYielded() - run.jobsBefore().jobsYielded());
    f.put("incidents", run.jobsAfter().incidents() - run.jobsBefore().incidents());
    f.put("engineRecords", run.jobsAfter().records() - run.jobsBefore().records());
    f.put("clockAdvances", run.clockAdvances());
    if (run.databaseWrites() != null) {
      var db = run.databaseWrites();
      f.put("dbRowsWritten", db.written());
      f.put("dbRowsInserted", db.inserted());
      f.put("dbRowsUpdated", db.updated());
      f.put("dbRowsDeleted", db.deleted());
      f.put("dbTransactionsCommitted", db.commits());
      f.put("dbRowsWrittenPerSecond", round(db.written() / seconds, 1));
    }
    var peaks = run.peaks();
    f.put("heapUsedPeakMiB", round(peaks.heapUsed() / MIB, 0));
    f.put("heapLiveAtStartMiB", round(peaks.heapLiveAtStart() / MIB, 0));
    f.put("heapLiveAtEndMiB", round(peaks.heapLive() / MIB, 0));
    f.put("heapLiveOwnMiB", round((peaks.heapLive() - peaks.heapLiveAtStart()) / MIB, 0));
    f.put("heapCommittedPeakMiB", round(peaks.heapCommitted() / MIB, 0));
    f.put("rssPeakMiB", round(peaks.rss() / MIB, 0));
    f.put("postgresPssPeakMiB", round(peaks.postgres() / MIB, 0));
    return f;
  }

  void reference(Map<String, Object> app, Map<String, Object> baseline) {
    if (app == null && baseline == null) {
      return;
    }
    var reference = new LinkedHashMap<String, Object>();
    if (app != null) {
      reference.put("app", app);
    }
    if (baseline != null) {
      reference.put("baseline", baseline);
    }
    if (app != null && baseline != null) {
      reference.put("ratioWorkerJobsPerSecond", ratio(app, baseline, "workerJobsPerSecond"));
    }
    json.put("referenceProject", reference);
    line("");
    line("One project alone (reference size)");
    var rows = new ArrayList<Map<String, Object>>();
    if (app != null) {
      rows.add(app);
    }
    if (baseline != null) {
      rows.add(baseline);
    }
    table(rows, false);
  }

  void levels(List<Map<String, Object>> app, List<Map<String, Object>> baseline) {
    var levels = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < Math.max(app.size(), baseline.size()); i++) {
      var level = new LinkedHashMap<String, Object>();
      var a = i < app.size() ? app.get(i) : null;
      var b = i < baseline.size() ? baseline.get(i) : null;
      level.put("concurrency", (a != null ? a : b).get("concurrency"));
      if (a != null) {
        level.put("app", a);
      }
      if (b != null) {
        level.put("baseline", b);
      }
      if (a != null && b != null) {
        level.put("ratioWorkerJobsPerSecond", ratio(a, b, "workerJobsPerSecond"));
        level.put("ratioLifecyclesPerMinute", ratio(a, b, "lifecyclesPerMinute"));
        level.put("ratioUserTasksPerSecond", ratio(a, b, "userTasksPerSecond"));
      }
      levels.add(level);
    }
    json.put("levels", levels);
    if (!app.isEmpty()) {
      line("");
      line("Lifecycles on the app (services, job workers, PostgreSQL)");
      table(app, true);
    }
    if (!baseline.isEmpty()) {
      line("");
      line("No-op baseline (same engine and models, workers complete at once, no database)");
      table(baseline, false);
      line("");
      line(
          String.format(
              Locale.ROOT,
              "%11s %12s %12s %12s",
              "concurrency",
              "ratio jobs/s",
              "ratio lc/min",
              "ratio task/s"));
      for (var level : levels) {
        if (level.get("ratioWorkerJobsPerSecond") != null) {
          line(
              String.format(
                  Locale.ROOT,
                  "%11s %12.2f %12.2f %12.2f",
                  level.get("concurrency"),
                  level.get("ratioWorkerJobsPerSecond"),
                  level.get("ratioLifecyclesPerMinute"),
                  level.get("ratioUserTasksPerSecond")));
        }
      }
    }
  }

  private void table(List<Map<String, Object>> runs, boolean withResources) {
    String head =
        String.format(
            Locale.ROOT,
            "%-9s %11s %8s %8s %9s %8s %8s %9s %9s %8s %8s",
            "",
            "concurrency",
            "projects",
            "wall s",
            "lc/min",
            "lc s p50",
            "jobs/s",
            "tasks/s",
            "job p50",
            "job p99",
            "failed");
    if (withResources) {
      head +=
          String.format(
              Locale.ROOT,
              " %9s %8s %8s %8s %8s",
              "rows/s",
              "heap MiB",
              "live MiB",
              "RSS MiB",
              "PG MiB");
    }
    line(head);
    for (var r : runs) {
      if (r.containsKey("failure")) {
        line(
            String.format(
                Locale.ROOT,
                "%-9s %11s %8s   FAILED after %s s: %s",
                r.get("driver"),
                r.get("concurrency"),
                r.get("projects"),
                r.get("failedAfterSeconds"),
                r.get("failure")));
        continue;
      }
      String row =
          String.format(
              Locale.ROOT,
              "%-9s %11s %8s %8.1f %9.2f %8.2f %8.1f %9.1f %7sms %6sms %8s",
              r.get("driver"),
              r.get("concurrency"),
              r.get("projects"),
              r.get("wallSeconds"),
              r.get("lifecyclesPerMinute"),
              r.get("lifecycleSecondsP50"),
              r.get("workerJobsPerSecond"),
              r.get("userTasksPerSecond"),
              fmt(r.get("jobLatencyMsP50")),
              fmt(r.get("jobLatencyMsP99")),
              r.get("jobsFailed"));
      if (withResources) {
        row +=
            String.format(
                Locale.ROOT,
                " %9.1f %8.0f %8.0f %8.0f %8.0f",
                r.getOrDefault("dbRowsWrittenPerSecond", 0.0),
                r.get("heapUsedPeakMiB"),
                r.get("heapLiveOwnMiB"),
                r.get("rssPeakMiB"),
                r.get("postgresPssPeakMiB"));
      }
      line(row);
    }
  }

  void target(String name, String target, double value, String unit, boolean met) {
    var t = new LinkedHashMap<String, Object>();
    t.put("target", name + " " + target);
    t.put("value", Double.isNaN(value) ? null : round(value, 2));
    t.put("unit", unit);
    t.put("met", met);
    targets.add(t);
  }

  void printTargets() {
    json.put("targets", targets);
    line("");
    line("Targets");
    for (var t : targets) {
      line(
          String.format(
              Locale.ROOT,
              "  %-4s %-62s %s %s",
              Boolean.TRUE.equals(t.get("met")) ? "met" : "MISS",
              t.get("target"),
              t.get("value"),
              t.get("unit")));
    }
  }

  void line(String s) {
    text.append(s).append('\n');
    System.out.println(s);
  }

  void write(Path jsonFile) throws IOException {
    Files.createDirectories(jsonFile.toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(jsonFile.toFile(), json);
    Files.writeString(
        jsonFile.resolveSibling(jsonFile.getFileName().toString().replace(".json", ".txt")),
        text.toString());
  }

  private static Object ratio(Map<String, Object> a, Map<String, Object> b, String key) {
    if (!(a.get(key) instanceof Number) || !(b.get(key) instanceof Number)) {
      return null;
    }
    double bv = ((Number) b.get(key)).doubleValue();
    return bv == 0 ? null : round(((Number) a.get(key)).doubleValue() / bv, 2);
  }

  private static String fmt(Object millis) {
    return String.format(Locale.ROOT, "%.0f", ((Number) millis).doubleValue());
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
