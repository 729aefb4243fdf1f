package nl.expertpool.runtime;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, refusing connections,
 * no connection to be had) from one the request or the job itself caused. The first kind passes
 * when the database is back; it is not a reason to give up.
 */
public final class DatabaseOutage {

  private static final int PROBE_SECONDS = 2;

  private DatabaseOutage() {}

  public static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #isOutage(Throwable)}, and also a failed database call whose error does not say why
   * (such as "Connection is closed" from a pool whose connection died under it) while the database
   * does not answer now.
   */
  public static boolean isOutage(Throwable failure, DataSource dataSource) {
    if (isOutage(failure)) {
      return true;
    }
    boolean databaseCall = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      databaseCall |= t instanceof SQLException || t instanceof DataAccessException;
    }
    if (!databaseCall) {
      return false;
    }
    try (var connection = dataSource.getConnection()) {
      return !connection.isValid(PROBE_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return true;
    }
  }

  /**
   * SQL states of class 08 (connection exception) and 57P01–57P03 (the server shutting down or not
   * yet accepting connections).
   */
  private static boolean connectionLost(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
