package nl.expertpool.feedback;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The experts' comments on the actions; their scores stay, in aggregate. */
@Component
@Order(50)
class FeedbackPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  FeedbackPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update feedback_score set comment = null where project_id = ? and comment is not null",
        projectId);
  }

  @Override
  public Map<String, Object> export(Person person) {
    return person.expertSection(
        "feedback",
        expertId ->
            jdbc.queryForList(
                "select f.status, f.recorded_at, s.position, s.support, s.comment from feedback f"
                    + " left join feedback_score s on s.project_id = f.project_id"
                    + " and s.expert_id = f.expert_id where f.expert_id = ? order by s.position",
                expertId));
  }
}
