package nl.expertpool.runtime;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration}, and tells
 * whether it is (health component {@code schema}).
 *
 * <p>On the embedded default the database starts with the app, so the migrations run before the app
 * takes requests. On a cluster ({@code camunda} profile) the database may be away when the app
 * starts: the app starts anyway, and the migrations, the check of the schema against the entities
 * and whatever waits for the schema ({@link #whenReady}) run in the background as soon as the
 * database answers. Until then workers fail their jobs without using up a retry (see the jobs
 * module) and requests that need the database answer 503.
 */
@Component("schema")
public class DatabaseSchema implements FlywayMigrationStrategy, HealthIndicator, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DatabaseSchema.class);

  private final boolean deferred;
  private final StartupRetry retry;
  private final ObjectProvider<EntityManagerFactory> entities;
  private final List<Runnable> waiting = new ArrayList<>();
  private volatile RetryingStep step;
  private volatile boolean ready;
  private volatile String version;

  DatabaseSchema(
      Environment environment, StartupRetry retry, ObjectProvider<EntityManagerFactory> entities) {
    this.deferred = environment.matchesProfiles("camunda");
    this.retry = retry;
    this.entities = entities;
  }

  /** Called by Spring Boot's Flyway set-up, before the entity manager is built. */
  @Override
  public void migrate(Flyway flyway) {
    if (!deferred) {
      flyway.migrate();
      version = currentVersion(flyway);
      ready = true;
      return;
    }
    step =
        new RetryingStep(
            "bring the database schema up to date",
            () -> {
              flyway.migrate();
              validate();
              version = currentVersion(flyway);
              markReady().forEach(DatabaseSchema::runQuietly);
              return Map.of("version", version);
            },
            DatabaseSchema::lasting,
            retry);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startWhenDeferred() {
    RetryingStep background = step;
    if (background != null) {
      background.start();
    }
  }

  /** Whether the schema is up to date, so the database can be used. */
  public boolean isReady() {
    return ready;
  }

  /** Runs {@code action} now if the schema is ready, else once it is. */
  public void whenReady(Runnable action) {
    synchronized (waiting) {
      if (!ready) {
        waiting.add(action);
        return;
      }
    }
    action.run();
  }

  private List<Runnable> markReady() {
    synchronized (waiting) {
      ready = true;
      var due = List.copyOf(waiting);
      waiting.clear();
      return due;
    }
  }

  @Override
  public Health health() {
    RetryingStep background = step;
    if (background != null) {
      return background.health();
    }
    return ready
        ? Health.up().withDetail("version", version).build()
        : Health.down().withDetail("reason", "migrations have not run").build();
  }

  @Override
  public void destroy() {
    RetryingStep background = step;
    if (background != null) {
      background.stop();
    }
  }

  /** As {@code spring.jpa.hibernate.ddl-auto=validate} does at start on the embedded default. */
  private void validate() {
    EntityManagerFactory factory = entities.getIfAvailable();
    if (factory != null) {
      factory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }
  }

  /** A failure other than the database being unreachable: a migration or the schema is wrong. */
  private static boolean lasting(Throwable e) {
    return !DatabaseOutage.isOutage(e);
  }

  private static String currentVersion(Flyway flyway) {
    var current = flyway.info().current();
    return current == null || current.getVersion() == null
        ? "empty"
        : current.getVersion().getVersion();
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("A step waiting for the database schema failed", e);
    }
  }
}
