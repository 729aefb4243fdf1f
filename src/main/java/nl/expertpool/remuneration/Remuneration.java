package nl.expertpool.remuneration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
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

  private final Pool pool;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Remuneration(Pool pool, JdbcTemplate jdbc, Clock clock) {
    this.pool = pool;
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

  /**
   * Settles the project's booked time once: every entry not settled yet is marked settled, and the
   * settlement (hours times the rate) is kept. Settling again changes nothing and returns the first
   * settlement.
   */
  @Transactional
  public Settlement settle(UUID projectId, BigDecimal hourlyRate) {
    var existing = settlement(projectId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "update remuneration_entry set settled_at = ? where project_id = ? and settled_at is null",
        now,
        projectId);
    BigDecimal minutes =
        jdbc.queryForObject(
            "select coalesce(sum(minutes), 0) from remuneration_entry where project_id = ?",
            BigDecimal.class,
            projectId);
    BigDecimal hours = hours(minutes.intValue());
    jdbc.update(
        "insert into remuneration_settlement (project_id, hourly_rate, total_hours, total_amount,"
            + " settled_at) values (?, ?, ?, ?, ?)",
        projectId,
        hourlyRate,
        hours,
        amount(hours, hourlyRate),
        now);
    return settlement(projectId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Settlement> settlement(UUID projectId) {
    return jdbc
        .query(
            "select hourly_rate, total_hours, total_amount, settled_at"
                + " from remuneration_settlement where project_id = ?",
            (rs, row) ->
                new Settlement(
                    rs.getBigDecimal(1),
                    rs.getBigDecimal(2),
                    rs.getBigDecimal(3),
                    rs.getTimestamp(4).toInstant()),
            projectId)
        .stream()
        .findFirst();
  }

  /** Per expert of the project, by pseudonym: minutes per kind and whether they are settled. */
  @Transactional(readOnly = true)
  public List<ExpertTime> timeOf(UUID projectId) {
    Map<UUID, ExpertTime> byExpert = new LinkedHashMap<>();
    for (PoolMember member : pool.pool(projectId)) {
      byExpert.put(
          member.expertId(), new ExpertTime(member.expertId(), member.pseudonym(), 0, 0, 0, true));
    }
    jdbc.query(
        "select expert_id, kind, sum(minutes), bool_and(settled_at is not null)"
            + " from remuneration_entry where project_id = ? group by expert_id, kind",
        rs -> {
          ExpertTime time = byExpert.get(rs.getObject(1, UUID.class));
          if (time == null) {
            return; // booked for someone no longer in the pool: not shown, as before
          }
          String kind = rs.getString(2);
          int minutes = rs.getInt(3);
          boolean settled = rs.getBoolean(4);
          byExpert.put(
              time.expertId(),
              new ExpertTime(
                  time.expertId(),
                  time.pseudonym(),
                  time.trainingMinutes() + ("TRAINING".equals(kind) ? minutes : 0),
                  time.interviewMinutes() + ("INTERVIEW".equals(kind) ? minutes : 0),
                  time.sessionMinutes() + ("SESSION".equals(kind) ? minutes : 0),
                  time.settled() && settled));
        },
        projectId);
    return List.copyOf(byExpert.values());
  }

  /** Minutes as hours with two decimals. */
  public static BigDecimal hours(int minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  public static BigDecimal amount(BigDecimal hours, BigDecimal hourlyRate) {
    return hours.multiply(hourlyRate).setScale(2, RoundingMode.HALF_UP);
  }

  /** One project's settlement: the rate it used and what it came to. */
  public record Settlement(
      BigDecimal hourlyRate, BigDecimal totalHours, BigDecimal totalAmount, Instant settledAt) {}

  /** One expert's paid time in a project, in minutes per kind. */
  public record ExpertTime(
      UUID expertId,
      String pseudonym,
      int trainingMinutes,
      int interviewMinutes,
      int sessionMinutes,
      boolean settled) {

    public int totalMinutes() {
      return trainingMinutes + interviewMinutes + sessionMinutes;
    }
  }
}
