package nl.expertpool.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.forms.FormValue;
import nl.expertpool.notification.Messenger;
import nl.expertpool.notification.Messenger.Recipient;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.session.SessionPlan.Invitation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans the stakeholder session, and invites and reminds the organisations' contacts. */
@Service
public class SessionPlanning {

  /** Reminders go out this long before the session. */
  static final Duration REMINDER_BEFORE = Duration.ofDays(2);

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

  private final ProjectLifecycle projects;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SessionPlanning(
      ProjectLifecycle projects,
      Messenger notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.projects = projects;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the plan of one of the project's sessions from the planning form (replacing an earlier
   * plan of that session) and invites each organisation's contact in their language.
   *
   * @param session the session's number, from 1
   */
  @Transactional
  public Plan plan(UUID projectId, int session, SessionPlan form) {
    Project project = projects.get(projectId);
    Instant sessionAt = form.sessionAt();
    String venue = form.venue();
    jdbc.update(
        "delete from session_participation where project_id = ? and session_number = ?",
        projectId,
        session);
    jdbc.update(
        "delete from session_invitation where project_id = ? and session_number = ?",
        projectId,
        session);
    jdbc.update(
        "delete from stakeholder_session where project_id = ? and session_number = ?",
        projectId,
        session);
    jdbc.update(
        "insert into stakeholder_session (project_id, session_number, session_at, venue,"
            + " planned_at) values (?, ?, ?, ?, ?)",
        projectId,
        session,
        Timestamp.from(sessionAt),
        venue,
        Timestamp.from(clock.instant()));
    int position = 1;
    for (Invitation invitation : form.invitations()) {
      UUID id = UUID.randomUUID();
      jdbc.update(
          "insert into session_invitation (project_id, session_number, position, id, organisation,"
              + " contact_name, contact_email, language) values (?, ?, ?, ?, ?, ?, ?, ?)",
          projectId,
          session,
          position++,
          id,
          invitation.organisation(),
          invitation.contactName(),
          invitation.contactEmail(),
          invitation.language());
    }
    int invited = send(projectId, session, project, "session-invitation");
    audit.record(
        AuditTrail.ENGINE,
        "session.planned",
        AuditTrail.project(projectId),
        "session " + session + ": " + sessionAt + ", " + invited + " organisations invited");
    return new Plan(sessionAt, sessionAt.minus(REMINDER_BEFORE), invited);
  }

  /** Reminds every organisation's contact invited to one of the project's sessions. */
  @Transactional
  public int remind(UUID projectId, int session) {
    int reminded = send(projectId, session, projects.get(projectId), "session-reminder");
    jdbc.update(
        "update stakeholder_session set reminders_sent_at = ?"
            + " where project_id = ? and session_number = ?",
        Timestamp.from(clock.instant()),
        projectId,
        session);
    audit.record(
        AuditTrail.ENGINE,
        "session.reminded",
        AuditTrail.project(projectId),
        "session " + session + ": " + reminded + " organisations");
    return reminded;
  }

  private int send(UUID projectId, int number, Project project, String template) {
    var session =
        jdbc.queryForMap(
            "select session_at, venue from stakeholder_session"
                + " where project_id = ? and session_number = ?",
            projectId,
            number);
    String when =
        SHOWN.format(((Timestamp) session.get("session_at")).toInstant().atZone(FormValue.LOCAL));
    var invitations =
        jdbc.queryForList(
            "select id, organisation, contact_name, contact_email, language from session_invitation"
                + " where project_id = ? and session_number = ? order by position",
            projectId,
            number);
    for (Map<String, Object> invitation : invitations) {
      notifications.send(
          new Recipient(
              (UUID) invitation.get("id"),
              (String) invitation.get("contact_email"),
              null,
              (String) invitation.get("language")),
          template,
          project.getName(),
          when,
          session.get("venue"),
          invitation.get("contact_name"),
          invitation.get("organisation"));
    }
    return invitations.size();
  }

  /** When the session is, when to remind, and how many organisations were invited. */
  public record Plan(Instant sessionAt, Instant reminderAt, int invited) {}
}
