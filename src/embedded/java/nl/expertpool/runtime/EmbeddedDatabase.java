package nl.expertpool.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL of the embedded default, closed to everyone but the app: it listens on the
 * loopback address only and has no Unix socket; every connection needs a password (SCRAM), and the
 * superuser's and the app's are random, made at the first start and kept beside the data in {@value
 * #CREDENTIALS_FILE}, readable by the owner only. The app connects as {@value #APP_ROLE}, which is
 * no superuser (so it cannot run programs with {@code COPY ... TO PROGRAM} or read files) and owns
 * the database {@value #DATABASE} and its schema. Every commit is flushed to disk (fsync and
 * synchronous commit on), because this is the app's real data.
 *
 * <p>A data folder made by an earlier version (everyone trusted, the app's tables in the database
 * {@code postgres}) is brought to this state at its first start: the passwords are set, the
 * database is renamed and handed to the app's role, and password checks replace the trust.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The database of the app's tables. */
  public static final String DATABASE = "expertpool";

  /** The role the app connects as: owns {@link #DATABASE}, is no superuser. */
  public static final String APP_ROLE = "expertpool";

  static final String SUPERUSER = "postgres";
  static final String CREDENTIALS_FILE = "postgres-credentials";
  private static final String CLUSTER_DIR = "postgres";

  /** Password checks for every connection, and connections from this machine only. */
  static final String HBA =
      """
      # Written by Expert Pool Orchestrator at every start: this machine only, passwords only.
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final Path root;
  private final boolean temporary;
  private final DatabasePasswordFile credentials;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, Path root, boolean temporary, DatabasePasswordFile credentials) {
    this.postgres = postgres;
    this.root = root;
    this.temporary = temporary;
    this.credentials = credentials;
  }

  /**
   * Starts PostgreSQL on the data folder of the settings (a throw-away folder when they keep no
   * data), making and closing the cluster first when needed.
   *
   * @throws StartupProblem saying what to do when it cannot start
   */
  public static EmbeddedDatabase start(EmbeddedProperties properties) {
    boolean temporary = !properties.keepsData();
    Path root = temporary ? temporaryRoot() : properties.dataDir().toAbsolutePath().normalize();
    Path cluster = root.resolve(CLUSTER_DIR);
    String where = temporary ? "a temporary folder" : cluster.toString();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StartupProblem(
          "Cannot create the PostgreSQL data folder %s: %s".formatted(root, e.getMessage()),
          "Set EXPERTPOOL_DATA_DIR to a folder this user can write.",
          e);
    }
    if (!temporary) {
      // No other live app on this folder; a PostgreSQL still running on it is a killed one's.
      DataFolderLock.hold(root);
      OrphanedPostgres.stop(cluster);
    }
    DatabasePasswordFile credentials =
        DatabasePasswordFile.loadOrCreate(root.resolve(CREDENTIALS_FILE));
    boolean fresh = !Files.exists(cluster.resolve("postgresql.conf"));
    Path passwordFile = null;
    EmbeddedPostgres postgres;
    try {
      var builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(30))
              .setDataDirectory(cluster)
              .setCleanDataDirectory(temporary)
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setConnectConfig("password", credentials.superuserPassword())
              .setDataDirectoryCustomizer(
                  dir -> {
                    // A cluster that trusts (one of an earlier version) keeps its trust for this
                    // start only: the superuser has no password to check yet.
                    if (!trusts(dir.toPath())) {
                      writeHba(dir.toPath());
                    }
                  });
      if (properties.postgresPort() > 0) {
        builder.setPort(properties.postgresPort());
      }
      if (fresh) {
        passwordFile = credentials.superuserPasswordFile(root);
        builder
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString());
      }
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new StartupProblem(
          "The embedded PostgreSQL did not start with data in %s: %s"
              .formatted(where, e.getMessage()),
          refusedCredentials(e)
              ? "The data folder's PostgreSQL refuses the password in %s: restore that file, or delete the data folder to start afresh."
                  .formatted(root.resolve(CREDENTIALS_FILE))
              : "Is a PostgreSQL of another program running on the same data folder? Stop it,"
                  + " or set EXPERTPOOL_DATA_DIR to another folder.",
          e);
    } finally {
      deleteQuietly(passwordFile);
    }
    var database = new EmbeddedDatabase(postgres, root, temporary, credentials);
    try {
      database.close(cluster);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw new StartupProblem(
          "The embedded PostgreSQL in %s could not be made ready for the app: %s"
              .formatted(where, e.getMessage()),
          "Delete the data folder to start afresh if it holds nothing you need.",
          e);
    }
    log.info(
        "Embedded PostgreSQL on localhost:{} with data in {} (passwords in {})",
        postgres.getPort(),
        where,
        temporary ? "memory" : root.resolve(CREDENTIALS_FILE));
    return database;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), DATABASE);
  }

  public String username() {
    return APP_ROLE;
  }

  public String password() {
    return credentials.appPassword();
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops PostgreSQL; a throw-away data folder goes with it, a kept one's lock is let go. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary) {
        FileSystemUtils.deleteRecursively(root.toFile());
      } else {
        DataFolderLock.release(root);
      }
    }
  }

  /**
   * Sets the passwords, gives the app its role and database, and closes the cluster to everyone
   * without a password. Each step is safe to repeat: a start that stops half-way is finished by the
   * next.
   */
  private void close(Path cluster) throws SQLException {
    try (Connection admin = superuser("template1");
        Statement sql = admin.createStatement()) {
      sql.execute(
          "alter role %s with password %s"
              .formatted(SUPERUSER, literal(credentials.superuserPassword())));
      if (!exists(sql, "select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
        sql.execute("create role " + APP_ROLE);
      }
      sql.execute(
          "alter role %s with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %s"
              .formatted(APP_ROLE, literal(credentials.appPassword())));
      if (!exists(sql, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (holdsEarlierTables()) {
          log.info(
              "Moving the app's tables from the database postgres to {} (a data folder of an"
                  + " earlier version)",
              DATABASE);
          sql.execute(
              "select pg_terminate_backend(pid) from pg_stat_activity"
                  + " where datname = 'postgres' and pid <> pg_backend_pid()");
          sql.execute("alter database postgres rename to " + DATABASE);
          sql.execute("create database postgres");
        } else {
          sql.execute("create database " + DATABASE);
        }
      }
      sql.execute("alter database %s owner to %s".formatted(DATABASE, APP_ROLE));
    }
    try (Connection admin = superuser(DATABASE);
        Statement sql = admin.createStatement()) {
      sql.execute("alter schema public owner to " + APP_ROLE);
      // Tables, sequences and views made by an earlier version belong to the superuser.
      sql.execute(
          """
          do $$
          declare relation record;
          begin
            for relation in
              select c.relname, c.relkind from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                and pg_get_userbyid(c.relowner) <> '%1$s'
                and not (c.relkind = 'S' and exists (
                  select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
            loop
              execute format('alter %%s %%I owner to %1$s',
                case relation.relkind when 'S' then 'sequence' when 'v' then 'view'
                  when 'm' then 'materialized view' when 'f' then 'foreign table'
                  else 'table' end,
                relation.relname);
            end loop;
          end $$
          """
              .formatted(APP_ROLE));
    }
    if (trusts(cluster)) {
      writeHba(cluster);
      try (Connection admin = superuser("template1");
          Statement sql = admin.createStatement()) {
        sql.execute("select pg_reload_conf()");
      }
      log.info("The embedded PostgreSQL now asks every connection for a password");
    }
  }

  private boolean holdsEarlierTables() throws SQLException {
    try (Connection admin = superuser("postgres");
        Statement sql = admin.createStatement()) {
      return exists(sql, "select 1 where to_regclass('public.flyway_schema_history') is not null");
    }
  }

  private Connection superuser(String database) throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", SUPERUSER);
    properties.setProperty("password", credentials.superuserPassword());
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), database), properties);
  }

  private static boolean exists(Statement sql, String query) throws SQLException {
    try (var rows = sql.executeQuery(query)) {
      return rows.next();
    }
  }

  /** The passwords are letters, digits, - and _ only; quoted all the same. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Whether the cluster's {@code pg_hba.conf} lets anyone in without a password. */
  static boolean trusts(Path cluster) {
    Path hba = cluster.resolve("pg_hba.conf");
    try {
      return Files.exists(hba)
          && Files.readAllLines(hba).stream()
              .map(String::strip)
              .filter(line -> !line.startsWith("#"))
              .anyMatch(line -> line.matches(".*\\s(trust|peer|ident)(\\s.*)?$"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeHba(Path cluster) {
    try {
      Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean refusedCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static Path temporaryRoot() {
    try {
      return Files.createTempDirectory("expertpool-data-");
    } catch (IOException e) {
      throw new StartupProblem(
          "Cannot create a temporary folder for PostgreSQL: " + e.getMessage(),
          "Make the temporary folder (java.io.tmpdir) writable, or point it elsewhere with"
              + " -Djava.io.tmpdir=<folder>.",
          e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Could not delete {}: {}", file, e.getMessage());
      }
    }
  }
}
