package nl.expertpool.pools;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a standing pool keeps of its members. It has its own retention, apart from the projects': a
 * project's anonymisation leaves it, and a member's leaving or erasure removes it.
 */
@Component
@Order(95)
class PoolsPersonalData implements PersonalDataHolder {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PoolsPersonalData(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The pool's copy outlives the project, by the member's own consent. */
  @Override
  public void anonymiseProject(UUID projectId) {}

  @Override
  public void erasePerson(Person person, String actor) {
    if (!person.isExpert()) {
      return;
    }
    var now = Timestamp.from(clock.instant());
    for (UUID member : membersOf(person.expertId())) {
      jdbc.update(
          "update pool_member set name = null, email = null, phone = null, languages = null,"
              + " preferred_language = null, left_at = coalesce(left_at, ?) where id = ?",
          now,
          member);
      jdbc.update(
          "update pool_consent set revoked_at = ?, revoked_by = ?"
              + " where member_id = ? and revoked_at is null",
          now,
          actor,
          member);
    }
  }

  @Override
  public Map<String, Object> export(Person person) {
    return person.expertSection(
        "standingPools",
        expertId ->
            jdbc.queryForList(
                "select p.name as pool, m.name, m.email, m.phone, m.languages::text as languages,"
                    + " m.preferred_language, m.joined_at, m.left_at,"
                    + " (select json_agg(json_build_object('textVersion', c.text_version,"
                    + " 'language', c.language, 'method', c.method, 'givenAt', c.given_at,"
                    + " 'revokedAt', c.revoked_at) order by c.given_at)::text"
                    + " from pool_consent c where c.member_id = m.id) as consents"
                    + " from pool_member m join standing_pool p on p.id = m.pool_id"
                    + " where m.id in (select member_id from pool_member_project"
                    + " where expert_id = ?) order by m.joined_at",
                expertId));
  }

  private java.util.List<UUID> membersOf(UUID expertId) {
    return jdbc.queryForList(
        "select distinct member_id from pool_member_project where expert_id = ?",
        UUID.class,
        expertId);
  }
}
