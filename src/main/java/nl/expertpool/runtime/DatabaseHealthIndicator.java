package nl.expertpool.runtime;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code db} (in place of Spring Boot's, which logs a stack trace at every failed
 * check): UP with the database's product and version, or DOWN with the reason in one line.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

  private static final int VALID_WITHIN_SECONDS = 3;

  private final DataSource dataSource;
  private final HealthChangeLog changes = new HealthChangeLog("The database");

  DatabaseHealthIndicator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    return changes.seen(check());
  }

  private Health check() {
    try (var connection = dataSource.getConnection()) {
      if (!connection.isValid(VALID_WITHIN_SECONDS)) {
        return down("The database did not answer within " + VALID_WITHIN_SECONDS + " s");
      }
      var about = connection.getMetaData();
      return Health.up()
          .withDetail("database", about.getDatabaseProductName())
          .withDetail("version", about.getDatabaseProductVersion())
          .build();
    } catch (SQLException | RuntimeException e) {
      return down(RetryingStep.summary(e));
    }
  }

  private static Health down(String reason) {
    return Health.down().withDetail("reason", reason).build();
  }
}
