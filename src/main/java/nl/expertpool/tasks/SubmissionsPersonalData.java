package nl.expertpool.tasks;

import java.util.UUID;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stored form submissions may hold anything people typed: at the end of retention they go. */
@Component
@Order(90)
class SubmissionsPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  SubmissionsPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update("delete from task_submission where project_id = ?", projectId);
  }
}
