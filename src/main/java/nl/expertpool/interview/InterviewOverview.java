package nl.expertpool.interview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.interview.Interview.Status;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the interviews hold, for the synthesis, the handover and the pages: every interview
 * pseudonymised, counts per status, and the interviewees' coarse profile in counts.
 */
@Service
public class InterviewOverview {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Pool pool;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  InterviewOverview(Pool pool, JdbcTemplate jdbc, ObjectMapper json) {
    this.pool = pool;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Every stored interview of the project, pseudonymised, by expert and slot. */
  @Transactional(readOnly = true)
  public List<Interview> of(UUID projectId) {
    Map<UUID, String> pseudonyms = new LinkedHashMap<>();
    for (PoolMember expert : pool.pool(projectId)) {
      pseudonyms.put(expert.expertId(), expert.pseudonym());
    }
    return jdbc.query(
        "select * from interview where project_id = ? order by expert_id, slot",
        (rs, row) -> interview(rs, pseudonyms),
        projectId);
  }

  /** Counts per status, for aggregates that must not show content. */
  @Transactional(readOnly = true)
  public Counts counts(UUID projectId) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    jdbc.query(
        "select status, count(*) from interview where project_id = ? group by status",
        rs -> {
          byStatus.put(rs.getString(1), rs.getInt(2));
        },
        projectId);
    return new Counts(
        byStatus.getOrDefault("RECORDED", 0),
        byStatus.getOrDefault("DECLINED", 0),
        byStatus.getOrDefault("MISSING", 0));
  }

  /** The interviewees' coarse profile, in counts per answer: age, residence status, time here. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, Integer>> profile(UUID projectId) {
    Map<String, Map<String, Integer>> profile = new LinkedHashMap<>();
    for (var column :
        List.of(
            Map.entry("Age", "age_band"),
            Map.entry("Residence status", "residence_status"),
            Map.entry("Time in the Netherlands", "time_in_nl"))) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      jdbc.query(
          "select coalesce("
              + column.getValue()
              + ", 'not said'), count(*) from interview where project_id = ?"
              + " and status = 'RECORDED' group by 1 order by 1",
          rs -> {
            counts.put(rs.getString(1), rs.getInt(2));
          },
          projectId);
      profile.put(column.getKey(), counts);
    }
    return profile;
  }

  private Interview interview(ResultSet rs, Map<UUID, String> pseudonyms) throws SQLException {
    UUID expertId = rs.getObject("expert_id", UUID.class);
    Timestamp recorded = rs.getTimestamp("recorded_at");
    return new Interview(
        rs.getObject("id", UUID.class),
        rs.getObject("project_id", UUID.class),
        expertId,
        pseudonyms.get(expertId),
        rs.getInt("slot"),
        Status.valueOf(rs.getString("status")),
        rs.getString("interviewee_pseudonym"),
        rs.getString("age_band"),
        rs.getString("gender"),
        rs.getString("residence_status"),
        rs.getString("time_in_nl"),
        read(rs.getString("themes")),
        read(rs.getString("needs")),
        read(rs.getString("key_quotes")),
        rs.getString("insights"),
        read(rs.getString("solutions")),
        recorded == null ? null : recorded.toInstant(),
        rs.getString("language"));
  }

  private List<String> read(String value) {
    return value == null ? List.of() : JsonText.read(json, value, STRINGS);
  }

  public record Counts(int recorded, int declined, int missing) {
    public int total() {
      return recorded + declined + missing;
    }
  }
}
