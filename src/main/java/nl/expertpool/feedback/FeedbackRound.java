package nl.expertpool.feedback;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.feedback.GivenFeedback.Score;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.recruitment.Pool.PoolMember;
import nl.expertpool.session.AgendaRevision;
import nl.expertpool.session.AgendaRevision.Support;
import nl.expertpool.session.RevisedAgenda;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collects the experts' support for the action agenda, flags weak actions and applies revisions.
 */
@Service
public class FeedbackRound {

  /** Actions with a mean support below this are flagged for revision. */
  static final BigDecimal FLAG_BELOW = new BigDecimal("3");

  private final ProjectLifecycle projects;
  private final Pool pool;
  private final AgendaRevision agenda;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  FeedbackRound(
      ProjectLifecycle projects,
      Pool pool,
      AgendaRevision agenda,
      Messenger notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.projects = projects;
    this.pool = pool;
    this.agenda = agenda;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Who is asked (the certified experts) and the actions they score. */
  @Transactional(readOnly = true)
  public Round prepare(UUID projectId) {
    List<String> experts =
        pool.pool(projectId).stream()
            .filter(PoolMember::certified)
            .map(e -> e.expertId().toString())
            .toList();
    List<Map<String, Object>> items =
        agenda.toScore(projectId).stream()
            .map(
                a ->
                    Map.<String, Object>of(
                        "position", a.position(), "theme", a.theme(), "action", a.action()))
            .toList();
    return new Round(experts, items, "P5D", "P10D");
  }

  /** Stores one expert's scores; a second submission of the same expert changes nothing. */
  @Transactional
  public boolean store(UUID projectId, UUID expertId, GivenFeedback form) {
    if (!pool.inPool(projectId, expertId)) {
      throw new RefusedInput("Expert " + expertId + " is not of project " + projectId);
    }
    Set<Integer> positions = agenda.positions(projectId);
    for (Score score : form.scores()) {
      if (!positions.contains(score.position())) {
        throw new RefusedInput("Position " + score.position() + " is not an action of the agenda");
      }
    }
    int stored =
        jdbc.update(
            "insert into feedback (project_id, expert_id, status, recorded_at)"
                + " values (?, ?, 'GIVEN', ?) on conflict do nothing",
            projectId,
            expertId,
            Timestamp.from(clock.instant()));
    if (stored == 0) {
      return false;
    }
    for (Score score : form.scores()) {
      if (score.support() != null) {
        jdbc.update(
            "insert into feedback_score (project_id, expert_id, position, support, comment)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
            projectId,
            expertId,
            score.position(),
            score.support(),
            score.comment());
      }
    }
    audit.record(
        AuditTrail.ENGINE, "feedback.given", AuditTrail.project(projectId), "expert " + expertId);
    return true;
  }

  /** The deadline passed without this expert's feedback. */
  @Transactional
  public boolean recordMissing(UUID projectId, UUID expertId) {
    if (!pool.inPool(projectId, expertId)) {
      return false; // an id from elsewhere: nothing of this project to record
    }
    int stored =
        jdbc.update(
            "insert into feedback (project_id, expert_id, status, recorded_at)"
                + " values (?, ?, 'MISSING', ?) on conflict do nothing",
            projectId,
            expertId,
            Timestamp.from(clock.instant()));
    if (stored == 1) {
      audit.record(
          AuditTrail.ENGINE,
          "feedback.missing",
          AuditTrail.project(projectId),
          "expert " + expertId);
    }
    return stored == 1;
  }

  @Transactional
  public boolean remind(UUID projectId, UUID expertId) {
    if (!pool.inPool(projectId, expertId)) {
      return false; // an id from elsewhere: nobody of this project to remind
    }
    Project project = projects.get(projectId);
    notifications.send(pool.recipientOf(expertId), "feedback-reminder", project.getName());
    audit.record(
        AuditTrail.ENGINE,
        "feedback.reminder-sent",
        AuditTrail.project(projectId),
        "expert " + expertId);
    return true;
  }

  /** Mean support and count per action; actions below {@link #FLAG_BELOW} are flagged. */
  @Transactional
  public List<Map<String, Object>> aggregate(UUID projectId) {
    Map<Integer, Support> support = new HashMap<>();
    jdbc.query(
        "select position, count(support), round(avg(support), 2) from feedback_score"
            + " where project_id = ? group by position",
        rs -> {
          support.put(rs.getInt(1), new Support(rs.getInt(2), rs.getBigDecimal(3)));
        },
        projectId);
    List<Map<String, Object>> flagged =
        agenda.recordSupport(projectId, support, FLAG_BELOW).stream()
            .map(
                f ->
                    Map.<String, Object>of(
                        "position", f.position(),
                        "action", f.action(),
                        "meanSupport", f.meanSupport()))
            .toList();
    audit.record(
        AuditTrail.ENGINE,
        "feedback.aggregated",
        AuditTrail.project(projectId),
        flagged.size() + " actions flagged");
    return flagged;
  }

  /** Edits, drops or keeps each flagged action as staff decided, with their reason. */
  @Transactional
  public int applyRevision(UUID projectId, RevisedAgenda revised) {
    return agenda.revise(projectId, revised.revisions());
  }

  /** Support per action; comments only when asked for (staff). */
  @Transactional(readOnly = true)
  public List<ItemSupport> support(UUID projectId, boolean withComments) {
    Map<Integer, List<String>> comments = new LinkedHashMap<>();
    if (withComments) {
      jdbc.query(
          "select position, comment from feedback_score where project_id = ?"
              + " and comment is not null order by position, expert_id",
          rs -> {
            comments.computeIfAbsent(rs.getInt(1), p -> new ArrayList<>()).add(rs.getString(2));
          },
          projectId);
    }
    return agenda.actions(projectId).stream()
        .map(
            a ->
                new ItemSupport(
                    a.position(),
                    a.theme(),
                    a.action(),
                    a.meanSupport(),
                    a.supportCount(),
                    a.flagged(),
                    a.status(),
                    a.originalAction(),
                    a.revisionReason(),
                    comments.getOrDefault(a.position(), List.of())))
        .toList();
  }

  /** Experts who gave feedback and who did not, for counts. */
  @Transactional(readOnly = true)
  public Map<String, Integer> responses(UUID projectId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("GIVEN", 0);
    counts.put("MISSING", 0);
    jdbc.query(
        "select status, count(*) from feedback where project_id = ? group by status",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        },
        projectId);
    return counts;
  }

  /**
   * @param items {@code [{position, theme, action}]}: the agenda as the form lists it
   */
  public record Round(
      List<String> expertIds, List<Map<String, Object>> items, String reminder, String deadline) {}
}
