package nl.expertpool.handover;

import java.util.UUID;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The client's remarks on acceptance may name people; the package itself holds aggregates only. */
@Component
@Order(60)
class HandoverPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  HandoverPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update handover_package set client_remarks = null where project_id = ?", projectId);
  }
}
