package nl.expertpool.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The client portal's milestone read under load: {@code GET /api/projects/{id}/milestones} as the
 * client user (HTTP Basic, the client's own organisation), from many concurrent clients in this
 * JVM, each asking again as soon as it has its answer.
 */
final class MilestoneApiLoad {

  /** Latencies of one load, in milliseconds. */
  record Result(
      int clients,
      double seconds,
      long requests,
      long errors,
      double p50,
      double p90,
      double p99,
      double max,
      double perSecond) {}

  private MilestoneApiLoad() {}

  /**
   * Copies a completed project of the client's organisation, with its milestones and deadlines,
   * {@code count} times in SQL; returns the copies' ids.
   */
  static List<UUID> seed(JdbcTemplate jdbc, String clientOrganisation, int count) {
    UUID template =
        jdbc.queryForObject(
            "select p.id from project p join client_organisation c on c.id = p.client_id"
                + " where c.name = ? and p.status = 'COMPLETED' order by p.created_at limit 1",
            UUID.class,
            clientOrganisation);
    String salt = UUID.randomUUID().toString();
    String newId = "md5('" + salt + "' || n)::uuid";
    copy(
        jdbc, "project", "id", Map.of("id", newId, "name", "'Seeded pool ' || n"), template, count);
    copy(jdbc, "phase_deadline", "project_id", Map.of("project_id", newId), template, count);
    copy(
        jdbc,
        "milestone",
        "project_id",
        Map.of("project_id", newId, "id", "gen_random_uuid()"),
        template,
        count);
    return jdbc.queryForList(
        "select " + newId + " from generate_series(1, ?) n", UUID.class, count);
  }

  /**
   * Inserts {@code count} copies of the template project's rows of a table, with the given columns
   * set to SQL expressions of the copy's number {@code n}; every other column is copied.
   */
  private static void copy(
      JdbcTemplate jdbc,
      String table,
      String projectColumn,
      Map<String, String> set,
      UUID template,
      int count) {
    List<String> columns =
        jdbc.queryForList(
            "select column_name from information_schema.columns where table_name = ?"
                + " and table_schema = current_schema() order by ordinal_position",
            String.class,
            table);
    String select =
        columns.stream().map(c -> set.getOrDefault(c, "p." + c)).collect(Collectors.joining(", "));
    jdbc.update(
        "insert into %s (%s) select %s from %s p cross join generate_series(1, ?) n where p.%s = ?"
            .formatted(table, String.join(", ", columns), select, table, projectColumn),
        count,
        template);
  }

  /** {@code clients} loops hitting random projects for the warm-up, then measured. */
  static Result run(
      int port,
      String user,
      String password,
      List<UUID> projects,
      int clients,
      Duration warmUp,
      Duration measured)
      throws InterruptedException {
    String authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    ExecutorService threads = daemons(clients);
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      return measure(
          clients,
          warmUp,
          measured,
          threads,
          errors -> {
            UUID project = projects.get(ThreadLocalRandom.current().nextInt(projects.size()));
            var request =
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/projects/"
                                + project
                                + "/milestones"))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            try {
              var response = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200 || !response.body().startsWith("[")) {
                errors.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              errors.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  private static ExecutorService daemons(int threads) {
    return Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory());
  }

  /** The same loop on a plain call, e.g. the service behind the endpoint without HTTP. */
  static Result run(Runnable call, int clients, Duration warmUp, Duration measured)
      throws InterruptedException {
    return measure(clients, warmUp, measured, daemons(clients), errors -> call.run());
  }

  private static Result measure(
      int clients,
      Duration warmUp,
      Duration measured,
      ExecutorService threads,
      Consumer<AtomicLong> call)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    var errors = new AtomicLong();
    var perClient = new ArrayList<long[]>();
    var counts = new int[clients];
    for (int c = 0; c < clients; c++) {
      perClient.add(new long[1 << 16]);
    }
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.submit(
          () -> {
            long[] mine = perClient.get(client);
            int n = 0;
            while (!Thread.currentThread().isInterrupted()) {
              long t0 = System.nanoTime();
              if (t0 >= end) {
                break;
              }
              call.accept(t0 >= measureFrom ? errors : new AtomicLong());
              long t1 = System.nanoTime();
              if (t0 >= measureFrom) {
                if (n == mine.length) {
                  mine = java.util.Arrays.copyOf(mine, n * 2);
                  perClient.set(client, mine);
                }
                mine[n++] = t1 - t0;
              }
            }
            counts[client] = n;
          });
    }
    threads.shutdown();
    if (!threads.awaitTermination(measured.plus(warmUp).toSeconds() + 60, TimeUnit.SECONDS)) {
      threads.shutdownNow();
    }
    int total = 0;
    for (int n : counts) {
      total += n;
    }
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    double seconds = measured.toNanos() / 1e9;
    return new Result(
        clients,
        seconds,
        total,
        errors.get(),
        Stats.percentile(all, 50) / 1e6,
        Stats.percentile(all, 90) / 1e6,
        Stats.percentile(all, 99) / 1e6,
        Stats.percentile(all, 100) / 1e6,
        total / seconds);
  }
}
