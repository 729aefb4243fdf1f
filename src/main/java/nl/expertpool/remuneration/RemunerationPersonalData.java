package nl.expertpool.remuneration;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An expert's booked hours: kept for the books, shown in the person's export. */
@Component
@Order(70)
class RemunerationPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;

  RemunerationPersonalData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    // Hours and amounts are kept by expert id and pseudonym only: nothing personal to remove.
  }

  @Override
  public Map<String, Object> export(Person person) {
    return person.expertSection(
        "remuneration",
        expertId ->
            jdbc.queryForList(
                "select kind, source_ref, minutes, booked_at, settled_at from remuneration_entry"
                    + " where expert_id = ? order by booked_at",
                expertId));
  }
}
