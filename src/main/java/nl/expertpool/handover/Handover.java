package nl.expertpool.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.notification.Messenger;
import nl.expertpool.notification.Messenger.Recipient;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.web.JsonText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover to the client: the handover meeting, a reminder while the client has not accepted,
 * and the client's acceptance, which settles the experts' paid time.
 */
@Service
public class Handover {

  private final ProjectLifecycle projects;
  private final Remuneration remuneration;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  Handover(
      ProjectLifecycle projects,
      Remuneration remuneration,
      Messenger notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.projects = projects;
    this.remuneration = remuneration;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Stores the handover meeting from its form. */
  @Transactional
  public void recordMeeting(UUID projectId, HandoverMeeting form) {
    jdbc.update(
        "insert into handover_meeting (project_id, meeting_at, organisations, follow_ups,"
            + " agreements, recorded_at) values (?, ?, ?::jsonb, ?::jsonb, ?, ?)"
            + " on conflict (project_id) do update set meeting_at = excluded.meeting_at,"
            + " organisations = excluded.organisations, follow_ups = excluded.follow_ups,"
            + " agreements = excluded.agreements, recorded_at = excluded.recorded_at",
        projectId,
        Timestamp.from(form.meetingAt()),
        write(form.organisations()),
        write(form.followUps()),
        form.agreements(),
        Timestamp.from(clock.instant()));
    audit.record(
        AuditTrail.ENGINE, "handover.meeting-recorded", AuditTrail.project(projectId), null);
  }

  /** Reminds the client organisation that the handover waits for its acceptance. */
  @Transactional
  public void remindClient(UUID projectId) {
    Project project = projects.get(projectId);
    notifications.send(
        new Recipient(project.getClient().getId(), null, null, "nl"),
        "handover-reminder",
        project.getName());
    audit.record(
        AuditTrail.ENGINE,
        "handover.client-reminded",
        AuditTrail.project(projectId),
        project.getClient().getName());
  }

  /** Records the client's acceptance and settles the experts' paid time, once. */
  @Transactional
  public Remuneration.Settlement acceptAndSettle(UUID projectId, HandoverAcceptance acceptance) {
    Project project = projects.get(projectId);
    jdbc.update(
        "update handover_package set accepted_at = ?, client_remarks = ?"
            + " where project_id = ? and accepted_at is null",
        Timestamp.from(clock.instant()),
        acceptance.clientRemarks(),
        projectId);
    Remuneration.Settlement settlement = remuneration.settle(projectId, project.getHourlyRate());
    audit.record(
        AuditTrail.ENGINE,
        "handover.accepted-and-settled",
        AuditTrail.project(projectId),
        settlement.totalHours() + " hours, " + settlement.totalAmount());
    return settlement;
  }

  private String write(Object value) {
    return JsonText.write(json, value);
  }
}
