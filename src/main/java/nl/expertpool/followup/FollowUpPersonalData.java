package nl.expertpool.followup;

import java.util.UUID;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The owners' notes on their actions, free text; the statuses and their dates stay. */
@Component
@Order(45)
class FollowUpPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  FollowUpPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update action_status set note = null where project_id = ? and note is not null",
        projectId);
  }
}
