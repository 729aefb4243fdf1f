package nl.expertpool.interview;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The interviews' free text (needs, quotes, insights, solutions) goes at the end of retention; the
 * coarse profile and themes stay for the results.
 */
@Component
@Order(30)
class InterviewPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  InterviewPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update interview set needs = '[]', key_quotes = '[]', insights = null,"
            + " solutions = '[]' where project_id = ?",
        projectId);
  }

  @Override
  public Map<String, Object> export(Person person) {
    return person.expertSection(
        "interviewsRecorded",
        expertId ->
            jdbc.queryForList(
                "select id, slot, status, recorded_at from interview where expert_id = ?"
                    + " order by slot",
                expertId));
  }
}
