package nl.expertpool.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads audit events. Details name ids and counts, never personal data, so the trail
 * survives anonymisation unchanged.
 */
@Component
public class AuditTrail {

  /** The actor of events written by job workers. */
  public static final String ENGINE = "engine";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditTrail(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an event in the caller's transaction, so it exists exactly when the effect does. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String actor, String action, String subject, String detail) {
    jdbc.update(
        "insert into audit_event (occurred_at, actor, action, subject, detail) values (?,?,?,?,?)",
        Timestamp.from(clock.instant()),
        actor,
        action,
        subject,
        detail);
  }

  /** The events about one subject (e.g. {@code project:<id>}), oldest first. */
  public List<AuditEvent> about(String subject) {
    return jdbc.query(
        "select occurred_at, actor, action, subject, detail from audit_event where subject = ?"
            + " order by id",
        (rs, row) ->
            new AuditEvent(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        subject);
  }

  public static String project(Object id) {
    return "project:" + id;
  }

  public static String pool(Object id) {
    return "pool:" + id;
  }
}
