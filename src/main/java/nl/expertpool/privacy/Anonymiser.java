package nl.expertpool.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.PoolAccounts;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes personal data and keeps what the project's results need: counts, pseudonyms, the coarse
 * interview profile and themes, aggregates, the action agenda and the handover package. Consent
 * records keep what proves the consent (text version, time, method). The sign-in accounts that
 * belonged to the people removed are disabled.
 */
@Service
public class Anonymiser {

  /** What a removed name reads as. */
  public static final String REMOVED = "(removed)";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ProjectLifecycle projects;
  private final Synthesis synthesis;
  private final PoolAccounts accounts;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Anonymiser(
      ProjectLifecycle projects,
      Synthesis synthesis,
      PoolAccounts accounts,
      AuditTrail audit,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.projects = projects;
    this.synthesis = synthesis;
    this.accounts = accounts;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Anonymises the whole project: applicants and experts, the interviews' free text, quotes, the
   * contacts of invited organisations, trainers' names, feedback comments and every stored form
   * submission.
   *
   * @return how many applications were anonymised now
   */
  @Transactional
  public int anonymiseProject(UUID projectId) {
    Timestamp now = Timestamp.from(clock.instant());
    int people =
        jdbc.update(
            "update application set name = ?, email = null, phone = null, motivation = '',"
                + " languages = '[]', decision_note = null, contact_hash = null, anonymised_at = ?"
                + " where project_id = ? and anonymised_at is null",
            REMOVED,
            now,
            projectId);
    jdbc.update(
        "update interview set needs = '[]', key_quotes = '[]', insights = null,"
            + " solutions = '[]' where project_id = ?",
        projectId);
    jdbc.update(
        "update session_invitation set contact_name = ?, contact_email = ''"
            + " where project_id = ?",
        REMOVED,
        projectId);
    jdbc.update("update training_session set trainer = ? where project_id = ?", REMOVED, projectId);
    jdbc.update(
        "update feedback_score set comment = null where project_id = ? and comment is not null",
        projectId);
    jdbc.update(
        "update handover_package set client_remarks = null where project_id = ?", projectId);
    jdbc.update("delete from task_submission where project_id = ?", projectId);
    accounts.forget(
        jdbc.queryForList("select id from application where project_id = ?", UUID.class, projectId),
        projectId,
        AuditTrail.ENGINE);
    synthesis.forgetQuotes(projectId);
    boolean first = projects.markAnonymised(projectId);
    if (first) {
      audit.record(
          AuditTrail.ENGINE,
          "privacy.project-anonymised",
          AuditTrail.project(projectId),
          people + " applicants");
    }
    return people;
  }

  /**
   * Erases one person's personal data now, the same way: their application, and their name in the
   * notes of the screening form. Counts and their pseudonym stay.
   *
   * @param personId an application id or an expert id
   * @return false when nobody has that id
   */
  @Transactional
  public boolean erasePerson(UUID personId, String actor) {
    var application = applicationOf(personId);
    if (application == null) {
      return false;
    }
    UUID applicationId = (UUID) application.get("id");
    UUID projectId = (UUID) application.get("project_id");
    jdbc.update(
        "update application set name = ?, email = null, phone = null, motivation = '',"
            + " languages = '[]', decision_note = null, contact_hash = null,"
            + " anonymised_at = coalesce(anonymised_at, ?) where id = ?",
        REMOVED,
        Timestamp.from(clock.instant()),
        applicationId);
    scrubScreeningNotes(projectId, applicationId);
    accounts.forget(List.of(applicationId), projectId, actor);
    audit.record(
        actor,
        "privacy.person-erased",
        AuditTrail.project(projectId),
        "application " + applicationId);
    return true;
  }

  /** The application behind an application or expert id: id and project, or null. */
  Map<String, Object> applicationOf(UUID personId) {
    var rows =
        jdbc.queryForList(
            "select a.id, a.project_id from application a left join expert e"
                + " on e.application_id = a.id where a.id = ? or e.id = ?",
            personId,
            personId);
    return rows.isEmpty() ? null : rows.getFirst();
  }

  /** Screeners' notes may name the candidate: drop the note of this candidate's row. */
  private void scrubScreeningNotes(UUID projectId, UUID applicationId) {
    var submissions =
        jdbc.queryForList(
            "select task_key, data::text as data from task_submission"
                + " where project_id = ? and form_id = 'screen-candidates'",
            projectId);
    for (Map<String, Object> row : submissions) {
      Map<String, Object> data = read((String) row.get("data"));
      boolean changed = false;
      var candidates = new ArrayList<Object>();
      if (data.get("candidates") instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> candidate
              && applicationId.toString().equals(String.valueOf(candidate.get("applicationId")))) {
            var scrubbed = new java.util.LinkedHashMap<Object, Object>(candidate);
            scrubbed.put("note", "");
            candidates.add(scrubbed);
            changed = true;
          } else {
            candidates.add(item);
          }
        }
      }
      if (changed) {
        data.put("candidates", candidates);
        jdbc.update(
            "update task_submission set data = ?::jsonb where task_key = ?",
            write(data),
            row.get("task_key"));
      }
    }
  }

  private Map<String, Object> read(String text) {
    return new java.util.LinkedHashMap<>(JsonText.read(json, text, MAP));
  }

  private String write(Object value) {
    return JsonText.write(json, value);
  }
}
