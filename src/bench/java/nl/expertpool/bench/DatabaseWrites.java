package nl.expertpool.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the app's database wrote, from PostgreSQL's own counters ({@code pg_stat_database}: tuples
 * inserted, updated and deleted, and transactions committed). A server process reports its counts
 * when it is idle for a while or when it ends; so before reading, the app's pool closes its idle
 * connections, which makes each report everything it did.
 */
final class DatabaseWrites {

  record Counts(long inserted, long updated, long deleted, long commits) {
    long written() {
      return inserted + updated + deleted;
    }

    Counts minus(Counts before) {
      return new Counts(
          inserted - before.inserted,
          updated - before.updated,
          deleted - before.deleted,
          commits - before.commits);
    }
  }

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  DatabaseWrites(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  long backendPid() {
    return jdbc.queryForObject("select pg_backend_pid()", Long.class);
  }

  Counts read() {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          pool.softEvictConnections();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Counts last = null;
    for (int i = 0; i < 30; i++) {
      sleep(200);
      Counts now = query();
      if (last != null && now.written() == last.written()) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private Counts query() {
    return jdbc.queryForObject(
        "select tup_inserted, tup_updated, tup_deleted, xact_commit from pg_stat_database"
            + " where datname = current_database()",
        (rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
