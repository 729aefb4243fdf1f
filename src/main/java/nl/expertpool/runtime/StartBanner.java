package nl.expertpool.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints the addresses that matter once the app is ready. */
@Component
class StartBanner {

  private static final Logger log = LoggerFactory.getLogger(StartBanner.class);

  private final Environment environment;
  private final DataSource dataSource;

  StartBanner(Environment environment, DataSource dataSource) {
    this.environment = environment;
    this.dataSource = dataSource;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    log.info(text());
  }

  String text() {
    boolean cluster = Arrays.asList(environment.getActiveProfiles()).contains("camunda");
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    String engine =
        cluster
            ? "Camunda 8 cluster at " + environment.getProperty("camunda.client.grpc-address")
            : "Zeebe 8.8 on 127.0.0.1:"
                + environment.getProperty("expertpool.embedded.engine-port")
                + " (this app only; "
                + (environment.getProperty("expertpool.embedded.data-dir", "").isBlank()
                    ? "log in memory)"
                    : "log in "
                        + environment.getProperty("expertpool.embedded.data-dir")
                        + "/engine)");
    String database =
        dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : "(datasource)";
    String data =
        cluster
            ? ""
            : environment.getProperty("expertpool.embedded.data-dir", "").isBlank()
                ? " (temporary data)"
                : " (data in "
                    + environment.getProperty("expertpool.embedded.data-dir")
                    + "/postgres)";
    return String.join(
        System.lineSeparator(),
        "",
        "------------------------------------------------------------------------",
        "  Expert Pool Orchestrator is running ("
            + (cluster ? "Camunda 8 cluster" : "embedded default")
            + ")",
        "    App       " + base + "/",
        "    Health    " + base + "/actuator/health",
        "    API       " + base + "/api/projects",
        "    Engine    " + engine,
        "    Database  " + database + data,
        cluster
            ? "  Stop with Ctrl-C."
            : "  Evaluation runtime – not for production (see Licences in the README)."
                + System.lineSeparator()
                + "  The embedded engine is under the Camunda License 1.0: evaluation, development,"
                + System.lineSeparator()
                + "  demos, training and tests only, not production (use the camunda profile)."
                + System.lineSeparator()
                + "  Stop with Ctrl-C.",
        "------------------------------------------------------------------------");
  }
}
