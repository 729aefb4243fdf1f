package nl.expertpool.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.forms.FormValue;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.remuneration.Remuneration;
import nl.expertpool.training.TrainingPlan.PlannedSession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules training sessions, records attendance and certifies the experts who attended. */
@Service
public class Training {

  /** Times on the form are local to the project's country. */
  static final ZoneId LOCAL = FormValue.LOCAL;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

  private final TrainingSessions sessions;
  private final Pool pool;
  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final Remuneration remuneration;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Training(
      TrainingSessions sessions,
      Pool pool,
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      Remuneration remuneration,
      Messenger notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.sessions = sessions;
    this.pool = pool;
    this.projects = projects;
    this.milestones = milestones;
    this.remuneration = remuneration;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores a new round of sessions and invites the pool.
   *
   * @return the round and when its last session ends
   */
  @Transactional
  public Schedule schedule(UUID projectId, TrainingPlan plan) {
    if (plan.sessions().isEmpty()) {
      throw new IllegalArgumentException("A training needs at least one session");
    }
    Project project = projects.get(projectId);
    int round = sessions.lastRound(projectId) + 1;
    var stored = new ArrayList<TrainingSession>();
    int position = 1;
    for (PlannedSession session : plan.sessions()) {
      stored.add(
          sessions.save(
              new TrainingSession(
                  projectId,
                  round,
                  position++,
                  session.startsAt(),
                  session.durationMinutes(),
                  session.location(),
                  session.trainer())));
    }
    String when =
        stored.stream()
            .map(s -> SHOWN.format(s.getStartsAt().atZone(LOCAL)) + " (" + s.getLocation() + ")")
            .collect(Collectors.joining("; "));
    for (PoolMember expert : pool.pool(projectId)) {
      if (!expert.certified()) {
        notifications.send(
            pool.recipientOf(expert.expertId()), "training-invitation", project.getName(), when);
      }
    }
    Instant lastEnds =
        stored.stream().map(TrainingSession::endsAt).max(Comparator.naturalOrder()).orElseThrow();
    audit.record(
        AuditTrail.ENGINE,
        "training.scheduled",
        AuditTrail.project(projectId),
        "round " + round + ", " + stored.size() + " sessions");
    return new Schedule(round, lastEnds);
  }

  /**
   * How many experts of the pool still need training: members of a standing pool may bring a valid
   * certification along. When none does, the training is done and its milestone says so.
   */
  @Transactional
  public int untrained(UUID projectId) {
    List<PoolMember> pool = this.pool.pool(projectId);
    int untrained = (int) pool.stream().filter(e -> !e.certified()).count();
    if (untrained == 0) {
      milestones.progress(
          projectId,
          MilestoneKey.TRAINING_COMPLETED,
          pool.size(),
          pool.size(),
          "experts certified");
      audit.record(
          AuditTrail.ENGINE,
          "training.not-needed",
          AuditTrail.project(projectId),
          "all " + pool.size() + " experts bring a valid certification");
    }
    return untrained;
  }

  /** How many training sessions the project held, over all rounds. */
  @Transactional(readOnly = true)
  public int sessionCount(UUID projectId) {
    return (int) sessions.countByProjectId(projectId);
  }

  /** One row per expert and session of the latest round, for the attendance form. */
  @Transactional(readOnly = true)
  public List<AttendanceRow> attendanceList(UUID projectId) {
    int round = sessions.lastRound(projectId);
    var rows = new ArrayList<AttendanceRow>();
    for (TrainingSession session :
        sessions.findByProjectIdAndTrainingRoundOrderByPosition(projectId, round)) {
      String label =
          "Session "
              + session.getPosition()
              + " ("
              + SHOWN.format(session.getStartsAt().atZone(LOCAL))
              + ")";
      for (PoolMember expert : pool.pool(projectId)) {
        if (!expert.certified()) {
          rows.add(
              new AttendanceRow(
                  expert.expertId().toString(),
                  "Expert " + expert.pseudonym(),
                  session.getId().toString(),
                  label,
                  false));
        }
      }
    }
    return rows;
  }

  /**
   * Stores attendance, books the attended hours and certifies every expert who attended the
   * required number of sessions.
   *
   * @return how many experts of the pool are certified now
   */
  @Transactional
  public int certify(UUID projectId, AttendanceRecord attendance) {
    Project project = projects.get(projectId);
    Instant now = clock.instant();
    int round = sessions.lastRound(projectId);
    var listed = new ArrayList<Attended>();
    for (AttendanceRecord.Row row : attendance.rows()) {
      UUID sessionId = RefusedInput.id(row.sessionId(), "sessionId");
      UUID expertId = RefusedInput.id(row.expertId(), "expertId");
      TrainingSession session =
          sessions
              .findById(sessionId)
              .filter(s -> s.getProjectId().equals(projectId) && s.getTrainingRound() == round)
              .orElseThrow(
                  () ->
                      new RefusedInput(
                          "Session "
                              + sessionId
                              + " is not of project "
                              + projectId
                              + "'s training"));
      if (!pool.inPool(projectId, expertId)) {
        throw new RefusedInput("Expert " + expertId + " is not of project " + projectId);
      }
      listed.add(new Attended(session, expertId, row.attended()));
    }
    for (Attended row : listed) {
      TrainingSession session = row.session();
      UUID sessionId = session.getId();
      UUID expertId = row.expertId();
      boolean attended = row.attended();
      jdbc.update(
          "insert into attendance (session_id, expert_id, attended, recorded_at) values (?,?,?,?)"
              + " on conflict (session_id, expert_id) do update set attended = excluded.attended,"
              + " recorded_at = excluded.recorded_at",
          sessionId,
          expertId,
          attended,
          Timestamp.from(now));
      if (attended) {
        remuneration.book(
            projectId,
            expertId,
            Remuneration.Kind.TRAINING,
            "session:" + sessionId,
            session.getDurationMinutes());
      }
    }
    int certified = 0;
    List<PoolMember> pool = this.pool.pool(projectId);
    for (PoolMember expert : pool) {
      Integer attendedSessions =
          jdbc.queryForObject(
              "select count(*) from attendance where expert_id = ? and attended",
              Integer.class,
              expert.expertId());
      if (expert.certified()) {
        certified++;
      } else if (attendedSessions != null && attendedSessions >= project.getRequiredSessions()) {
        if (this.pool.certify(expert.expertId())) {
          notifications.send(
              this.pool.recipientOf(expert.expertId()), "expert-certified", project.getName());
        }
        certified++;
      }
    }
    milestones.progress(
        projectId, MilestoneKey.TRAINING_COMPLETED, certified, pool.size(), "experts certified");
    audit.record(
        AuditTrail.ENGINE,
        "training.certified",
        AuditTrail.project(projectId),
        certified + " of " + pool.size() + " experts certified");
    return certified;
  }

  /** One row of the attendance list, its ids checked against the project. */
  private record Attended(TrainingSession session, UUID expertId, boolean attended) {}

  /** A form's date-time: with an offset as given, without one in the project's local time. */
  public record Schedule(int trainingRound, Instant lastSessionEnds) {}

  public record AttendanceRow(
      String expertId,
      String expertLabel,
      String sessionId,
      String sessionLabel,
      boolean attended) {}
}
