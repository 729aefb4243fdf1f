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
   * Stores the plan from the planning form (replacing an earlier one) and invites each
   * organisation's contact in their language.
   */
  @Transactional
  public Plan plan(UUID projectId, SessionPlan form) {
    Project project = projects.get(projectId);
    Instant sessionAt = form.sessionAt();
    String venue = form.venue();
    jdbc.update("delete from session_participation where project_id = ?", projectId);
    jdbc.update("delete from session_invitation where project_id = ?", projectId);
    jdbc.update("delete from stakeholder_session where project_id = ?", projectId);
    jdbc.update(
        "insert into stakeholder_session (project_id, session_at, venue, planned_at)"
            + " values (?, ?, ?, ?)",
        projectId,
        Timestamp.from(sessionAt),
        venue,
        Timestamp.from(clock.instant()));
    int position = 1;
    for (Invitation invitation : form.invitations()) {
      UUID id = UUID.randomUUID();
      jdbc.update(
          "insert into session_invitation (project_id, position, id, organisation, contact_name,"
              + " contact_email, language) values (?, ?, ?, ?, ?, ?, ?)",
          projectId,
          position++,
          id,
          invitation.organisation(),
          invitation.contactName(),
          invitation.contactEmail(),
          invitation.language());
    }
    int invited = send(projectId, project, "session-invitation");
    audit.record(
        AuditTrail.ENGINE,
        "session.planned",
        AuditTrail.project(projectId),
        sessionAt + ", " + invited + " organisations invited");
    return new Plan(sessionAt, sessionAt.minus(REMINDER_BEFORE), invited);
  }

  /** Reminds every invited organisation's contact. */
  @Transactional
  public int remind(UUID projectId) {
    int reminded = send(projectId, projects.get(projectId), "session-reminder");
    jdbc.update(
        "update stakeholder_session set reminders_sent_at = ? where project_id = ?",
        Timestamp.from(clock.instant()),
        projectId);
    audit.record(
        AuditTrail.ENGINE,
        "session.reminded",
        AuditTrail.project(projectId),
        reminded + " organisations");
    return reminded;
  }

  private int send(UUID projectId, Project project, String template) {
    var session =
        jdbc.queryForMap(
            "select session_at, venue from stakeholder_session where project_id = ?", projectId);
    String when =
        SHOWN.format(((Timestamp) session.get("session_at")).toInstant().atZone(FormValue.LOCAL));
    var invitations =
        jdbc.queryForList(
            "select id, organisation, contact_name, contact_email, language"
                + " from session_invitation where project_id = ? order by position",
            projectId);
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
