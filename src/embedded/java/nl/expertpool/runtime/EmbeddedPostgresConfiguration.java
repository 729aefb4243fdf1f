package nl.expertpool.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** A real PostgreSQL started with the app, as the datasource of the embedded default. */
@Configuration(proxyBeanMethods = false)
@Profile("!camunda")
class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(EmbeddedProperties properties) {
    return EmbeddedDatabase.start(properties);
  }

  @Bean
  DataSource dataSource(EmbeddedDatabase database) {
    var config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.username());
    config.setPassword(database.password());
    config.setPoolName("embedded-postgres");
    config.setMaximumPoolSize(10);
    // While the database restarts, a request or job waits at most 5 s for a connection.
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }
}
