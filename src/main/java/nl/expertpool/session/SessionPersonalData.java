package nl.expertpool.session;

import java.util.UUID;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The contacts of the invited organisations; the organisations themselves stay. */
@Component
@Order(40)
class SessionPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  SessionPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update session_invitation set contact_name = ?, contact_email = ''"
            + " where project_id = ?",
        PersonalDataHolder.REMOVED,
        projectId);
  }
}
