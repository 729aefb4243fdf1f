package nl.expertpool.remuneration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books paid time; one entry per expert, kind and source, however often it is booked. */
@Service
public class Remuneration {

  public enum Kind {
    TRAINING,
    INTERVIEW,
    SESSION
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Remuneration(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return whether this call booked it (false when it was booked before)
   */
  @Transactional
  public boolean book(UUID projectId, UUID expertId, Kind kind, String sourceRef, int minutes) {
    return jdbc.update(
            "insert into remuneration_entry"
                + " (id, project_id, expert_id, kind, source_ref, minutes, booked_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (expert_id, kind, source_ref) do nothing",
            UUID.randomUUID(),
            projectId,
            expertId,
            kind.name(),
            sourceRef,
            minutes,
            Timestamp.from(clock.instant()))
        == 1;
  }

  @Transactional(readOnly = true)
  public int minutesBooked(UUID expertId, Kind kind) {
    Integer minutes =
        jdbc.queryForObject(
            "select coalesce(sum(minutes), 0) from remuneration_entry where expert_id = ? and kind = ?",
            Integer.class,
            expertId,
            kind.name());
    return minutes == null ? 0 : minutes;
  }
}
