package nl.expertpool.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything stored about one applicant or expert, for a data subject access request. */
@Service
public class PersonalData {

  private final Anonymiser anonymiser;
  private final JdbcTemplate jdbc;

  PersonalData(Anonymiser anonymiser, JdbcTemplate jdbc) {
    this.anonymiser = anonymiser;
    this.jdbc = jdbc;
  }

  /**
   * @param personId an application id or an expert id
   */
  @Transactional(readOnly = true)
  public Optional<Map<String, Object>> export(UUID personId) {
    var found = anonymiser.applicationOf(personId);
    if (found == null) {
      return Optional.empty();
    }
    UUID applicationId = (UUID) found.get("id");
    Map<String, Object> export = new LinkedHashMap<>();
    export.put(
        "application",
        jdbc.queryForMap(
            "select a.id, a.project_id, p.name as project, a.pseudonym, a.name, a.email, a.phone,"
                + " a.languages::text as languages, a.motivation, a.preferred_language,"
                + " a.submitted_at, a.acknowledged_at, a.decision, a.decision_note, a.decided_at,"
                + " a.anonymised_at from application a join project p on p.id = a.project_id"
                + " where a.id = ?",
            applicationId));
    export.put(
        "consent",
        jdbc.queryForList(
            "select text_version, given_at, method from consent_record where application_id = ?",
            applicationId));
    export.put(
        "account",
        jdbc.queryForList(
            "select username, linked_at, linked_by from expert_account where application_id = ?",
            applicationId));
    List<Map<String, Object>> experts =
        jdbc.queryForList(
            "select id, pseudonym, status, certified_at, created_at from expert"
                + " where application_id = ?",
            applicationId);
    export.put("expert", experts.isEmpty() ? null : experts.getFirst());
    if (!experts.isEmpty()) {
      UUID expertId = (UUID) experts.getFirst().get("id");
      export.put(
          "trainingAttendance",
          jdbc.queryForList(
              "select s.starts_at, s.duration_minutes, s.location, a.attended from attendance a"
                  + " join training_session s on s.id = a.session_id where a.expert_id = ?"
                  + " order by s.starts_at",
              expertId));
      export.put(
          "interviewsRecorded",
          jdbc.queryForList(
              "select id, slot, status, recorded_at from interview where expert_id = ?"
                  + " order by slot",
              expertId));
      export.put(
          "feedback",
          jdbc.queryForList(
              "select f.status, f.recorded_at, s.position, s.support, s.comment from feedback f"
                  + " left join feedback_score s on s.project_id = f.project_id"
                  + " and s.expert_id = f.expert_id where f.expert_id = ? order by s.position",
              expertId));
      export.put(
          "remuneration",
          jdbc.queryForList(
              "select kind, source_ref, minutes, booked_at, settled_at from remuneration_entry"
                  + " where expert_id = ? order by booked_at",
              expertId));
    }
    return Optional.of(export);
  }
}
