package nl.expertpool.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 17, finding 2: the embedded PostgreSQL trusted every local connection as superuser, and ran
 * without fsync. Each case makes the connection the attack made and expects a refusal.
 */
class EmbeddedDatabaseTest {

  @TempDir Path data;

  @Test
  void aConnectionWithoutPasswordIsRefusedAsSuperuserAndAsTheApp() throws Exception {
    try (var database = EmbeddedDatabase.start(properties())) {
      for (String user : List.of("postgres", EmbeddedDatabase.APP_ROLE)) {
        assertThatThrownBy(() -> connect(database.port(), user, null, "postgres").close())
            .as(user + " without a password")
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(database.port(), user, "wrong", "postgres").close())
            .as(user + " with a wrong password")
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("password authentication failed");
      }
      assertThat(psqlWithoutPassword(database.port()))
          .as("psql -h 127.0.0.1 -U postgres -w")
          .isNotEqualTo(0);
    }
  }

  @Test
  void theAppConnectsAsAnOwnerOfItsSchemaThatIsNoSuperuserAndCannotRunPrograms() throws Exception {
    try (var database = EmbeddedDatabase.start(properties());
        var app =
            connect(database.port(), database.username(), database.password(), "expertpool")) {
      var sql = jdbc(app);
      assertThat(
              sql.queryForObject(
                  "select rolsuper from pg_roles where rolname = current_user", Boolean.class))
          .isFalse();
      sql.execute("create table owned_by_the_app (id int)");
      assertThat(
              sql.queryForObject(
                  "select tableowner from pg_tables where tablename = 'owned_by_the_app'",
                  String.class))
          .isEqualTo(EmbeddedDatabase.APP_ROLE);
      assertThatThrownBy(() -> sql.execute("copy owned_by_the_app to program 'id'"))
          .rootCause()
          .hasMessageContaining("permission denied");
      assertThatThrownBy(
              () -> sql.queryForObject("select pg_read_file('/etc/passwd')", String.class))
          .rootCause()
          .hasMessageContaining("permission denied");
      assertThat(sql.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(sql.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
      assertThat(sql.queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
      assertThat(Path.of("/tmp/.s.PGSQL." + database.port())).as("a Unix socket").doesNotExist();
    }
  }

  @Test
  void thePasswordsAreKeptBesideTheDataForItsOwnerOnlyAndServeTheNextStart() throws Exception {
    Path credentials = data.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
    String password;
    try (var database = EmbeddedDatabase.start(properties())) {
      password = database.password();
      try (var app = connect(database.port(), database.username(), password, "expertpool")) {
        jdbc(app).execute("create table kept (id int)");
        jdbc(app).update("insert into kept values (7)");
      }
    }
    assertThat(Files.getPosixFilePermissions(credentials))
        .isEqualTo(DatabasePasswordFile.OWNER_ONLY);
    assertThat(Files.readString(credentials)).contains(password);
    assertThat(EmbeddedDatabase.trusts(data.resolve("postgres"))).isFalse();

    try (var again = EmbeddedDatabase.start(properties());
        var app = connect(again.port(), again.username(), again.password(), "expertpool")) {
      assertThat(again.password()).isEqualTo(password);
      assertThat(jdbc(app).queryForObject("select id from kept", Integer.class)).isEqualTo(7);
    }
  }

  @Test
  void aDataFolderOfAnEarlierVersionIsClosedAndKeepsItsTables() throws Exception {
    Path cluster = data.resolve("postgres");
    // As the earlier version made it: initdb with trust, the app's tables in "postgres".
    try (var earlier =
        EmbeddedPostgres.builder()
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(30))
            .start()) {
      var sql = new JdbcTemplate(earlier.getPostgresDatabase());
      sql.execute("create table flyway_schema_history (version text)");
      sql.execute("create table application (id bigserial primary key, name text)");
      sql.update("insert into application (name) values ('Olena K.')");
    }
    assertThat(EmbeddedDatabase.trusts(cluster)).isTrue();

    try (var database = EmbeddedDatabase.start(properties());
        var app =
            connect(database.port(), database.username(), database.password(), "expertpool")) {
      var sql = jdbc(app);
      assertThat(sql.queryForObject("select name from application", String.class))
          .isEqualTo("Olena K.");
      sql.update("insert into application (name) values ('Taken by the app')");
      assertThat(EmbeddedDatabase.trusts(cluster)).isFalse();
      assertThatThrownBy(() -> connect(database.port(), "postgres", null, "postgres").close())
          .isInstanceOf(SQLException.class);
    }
  }

  /**
   * Issue 21: after {@code kill -9} of the app's JVM alone its PostgreSQL lives on, holding the
   * data folder. The next start stops it by itself and opens the data.
   */
  @Test
  void aPostgresLeftRunningByAKilledAppIsStoppedAndItsDataOpens() throws Exception {
    Process app =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                KilledApp.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                app.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.equals("ready"));
    app.destroyForcibly(); // kill -9 of the JVM alone
    app.waitFor(30, TimeUnit.SECONDS);
    assertThat(line).isEqualTo("ready");
    long orphan =
        Long.parseLong(
            Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst());
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (var database = EmbeddedDatabase.start(properties());
        var connection =
            connect(database.port(), database.username(), database.password(), "expertpool")) {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(jdbc(connection).queryForObject("select name from kept", String.class))
          .isEqualTo("Olena K.");
    }
  }

  /** An app that starts its PostgreSQL, stores a row, says so, and waits to be killed. */
  public static final class KilledApp {
    public static void main(String[] args) throws Exception {
      var database =
          EmbeddedDatabase.start(
              new EmbeddedProperties(0, Path.of(args[0]), 0, java.time.Duration.ofMinutes(5)));
      try (var connection =
          connect(database.port(), database.username(), database.password(), "expertpool")) {
        jdbc(connection).execute("create table kept (name text)");
        jdbc(connection).update("insert into kept values ('Olena K.')");
      }
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  private EmbeddedProperties properties() {
    return new EmbeddedProperties(0, data, 0, java.time.Duration.ofMinutes(5));
  }

  private static Connection connect(int port, String user, String password, String database)
      throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database), properties);
  }

  private static JdbcTemplate jdbc(Connection connection) {
    return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
  }

  /** psql's exit code when asked to connect without a password; 2 also when psql is missing. */
  private static int psqlWithoutPassword(int port) throws IOException, InterruptedException {
    Process psql;
    try {
      psql =
          new ProcessBuilder(
                  "psql",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  "" + port,
                  "-U",
                  "postgres",
                  "-w",
                  "-c",
                  "select 1")
              .redirectErrorStream(true)
              .start();
    } catch (IOException missing) {
      return 2;
    }
    psql.getInputStream().readAllBytes();
    assertThat(psql.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return psql.exitValue();
  }
}
