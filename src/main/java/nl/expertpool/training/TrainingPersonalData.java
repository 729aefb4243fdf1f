package nl.expertpool.training;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Trainers' names, and which sessions an expert attended. */
@Component
@Order(20)
class TrainingPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  TrainingPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update training_session set trainer = ? where project_id = ?",
        PersonalDataHolder.REMOVED,
        projectId);
  }

  @Override
  public Map<String, Object> export(Person person) {
    return person.expertSection(
        "trainingAttendance",
        expertId ->
            jdbc.queryForList(
                "select s.starts_at, s.duration_minutes, s.location, a.attended from attendance a"
                    + " join training_session s on s.id = a.session_id where a.expert_id = ?"
                    + " order by s.starts_at",
                expertId));
  }
}
