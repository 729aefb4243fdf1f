package nl.expertpool.recruitment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.privacy.DataSubjectLookup;
import nl.expertpool.privacy.Person;
import nl.expertpool.privacy.PersonalDataHolder;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The applicants and experts themselves: who they are, their application and consent, and their
 * sign-in account. Anonymising keeps the pseudonym, the decision and what proves the consent.
 */
@Component
@Order(10)
class ApplicantPersonalData implements DataSubjectLookup, PersonalDataHolder {

  private final ExpertAccess accounts;
  private final SubmissionStore submissions;
  private final ProjectLifecycle projects;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ApplicantPersonalData(
      ExpertAccess accounts,
      SubmissionStore submissions,
      ProjectLifecycle projects,
      JdbcTemplate jdbc,
      Clock clock) {
    this.accounts = accounts;
    this.submissions = submissions;
    this.projects = projects;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Person> find(UUID personId) {
    return jdbc
        .query(
            "select a.id, a.project_id, e.id from application a left join expert e"
                + " on e.application_id = a.id where a.id = ? or e.id = ?",
            (rs, row) ->
                new Person(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class)),
            personId,
            personId)
        .stream()
        .findFirst();
  }

  @Override
  public int notAnonymised(UUID projectId) {
    return jdbc.queryForObject(
        "select count(*) from application where project_id = ? and anonymised_at is null",
        Integer.class,
        projectId);
  }

  @Override
  public void anonymiseProject(UUID projectId) {
    jdbc.update(
        "update application set name = ?, email = null, phone = null, motivation = '',"
            + " languages = '[]', decision_note = null, contact_hash = null, anonymised_at = ?"
            + " where project_id = ? and anonymised_at is null",
        PersonalDataHolder.REMOVED,
        Timestamp.from(clock.instant()),
        projectId);
    accounts.forget(
        jdbc.queryForList("select id from application where project_id = ?", UUID.class, projectId),
        projectId,
        AuditTrail.ENGINE);
  }

  @Override
  public void erasePerson(Person person, String actor) {
    jdbc.update(
        "update application set name = ?, email = null, phone = null, motivation = '',"
            + " languages = '[]', decision_note = null, contact_hash = null,"
            + " anonymised_at = coalesce(anonymised_at, ?) where id = ?",
        PersonalDataHolder.REMOVED,
        Timestamp.from(clock.instant()),
        person.applicationId());
    submissions.rewrite(
        person.projectId(),
        ScreeningSubmission.FORM,
        data -> ScreeningSubmission.withoutNoteOn(data, person.applicationId()));
    accounts.forget(List.of(person.applicationId()), person.projectId(), actor);
  }

  @Override
  public Map<String, Object> export(Person person) {
    UUID applicationId = person.applicationId();
    Map<String, Object> export = new LinkedHashMap<>();
    Map<String, Object> application = new LinkedHashMap<>();
    jdbc.queryForMap(
            "select id, project_id, pseudonym, name, email, phone, languages::text as languages,"
                + " motivation, preferred_language, submitted_at, acknowledged_at, decision,"
                + " decision_note, decided_at, anonymised_at from application where id = ?",
            applicationId)
        .forEach(
            (column, value) -> {
              application.put(column, value);
              if (column.equals("project_id")) {
                application.put("project", projects.get(person.projectId()).getName());
              }
            });
    export.put("application", application);
    export.put(
        "consent",
        jdbc.queryForList(
            "select text_version, language, text_sha256, given_at, method from consent_record"
                + " where application_id = ?",
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
    return export;
  }
}
