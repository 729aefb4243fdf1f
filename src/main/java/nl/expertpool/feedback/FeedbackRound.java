package nl.expertpool.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.forms.FormValues;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.notification.Notifications;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Recruitment;
import nl.expertpool.recruitment.Recruitment.PoolMember;
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

  private static final Set<String> DECISIONS = Set.of("edit", "drop", "keep");

  private final ProjectLifecycle projects;
  private final Recruitment recruitment;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  FeedbackRound(
      ProjectLifecycle projects,
      Recruitment recruitment,
      Notifications notifications,
      AuditTrail audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.projects = projects;
    this.recruitment = recruitment;
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Who is asked (the certified experts) and the actions they score. */
  @Transactional(readOnly = true)
  public Round prepare(UUID projectId) {
    List<String> experts =
        recruitment.pool(projectId).stream()
            .filter(PoolMember::certified)
            .map(e -> e.expertId().toString())
            .toList();
    List<Map<String, Object>> items =
        jdbc.query(
            "select position, theme, action from action_item where project_id = ?"
                + " order by position",
            (rs, row) ->
                Map.<String, Object>of(
                    "position", rs.getInt(1), "theme", rs.getString(2), "action", rs.getString(3)),
            projectId);
    return new Round(experts, items, "P5D", "P10D");
  }

  /** Stores one expert's scores; a second submission of the same expert changes nothing. */
  @Transactional
  public boolean store(UUID projectId, UUID expertId, Map<String, Object> form) {
    if (!recruitment.inPool(projectId, expertId)) {
      throw new RefusedInput("Expert " + expertId + " is not of project " + projectId);
    }
    refuseUnknown(form.get("feedbackItems"), positions(projectId), "an action of the agenda");
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
    Set<Integer> positions = positions(projectId);
    for (Map<String, Object> row : FormValues.rows(form.get("feedbackItems"))) {
      int position = (int) FormValues.number(row.get("position"));
      Object support = row.get("support");
      if (positions.contains(position) && support != null) {
        jdbc.update(
            "insert into feedback_score (project_id, expert_id, position, support, comment)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
            projectId,
            expertId,
            position,
            (int) FormValues.number(support),
            FormValues.text(row.get("comment")));
      }
    }
    audit.record(
        AuditTrail.ENGINE, "feedback.given", AuditTrail.project(projectId), "expert " + expertId);
    return true;
  }

  /** The deadline passed without this expert's feedback. */
  @Transactional
  public boolean recordMissing(UUID projectId, UUID expertId) {
    if (!recruitment.inPool(projectId, expertId)) {
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
    if (!recruitment.inPool(projectId, expertId)) {
      return false; // an id from elsewhere: nobody of this project to remind
    }
    Project project = projects.get(projectId);
    notifications.send(recruitment.recipientOf(expertId), "feedback-reminder", project.getName());
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
    jdbc.update(
        "update action_item a set support_count = s.n, mean_support = s.mean,"
            + " flagged = coalesce(s.mean < ?, false)"
            + " from (select i.position, count(f.support) n, round(avg(f.support), 2) mean"
            + " from action_item i left join feedback_score f on f.project_id = i.project_id"
            + " and f.position = i.position where i.project_id = ? group by i.position) s"
            + " where a.project_id = ? and a.position = s.position",
        FLAG_BELOW,
        projectId,
        projectId);
    List<Map<String, Object>> flagged =
        jdbc.query(
            "select position, action, mean_support from action_item"
                + " where project_id = ? and flagged order by position",
            (rs, row) ->
                Map.<String, Object>of(
                    "position",
                    rs.getInt(1),
                    "action",
                    rs.getString(2),
                    "meanSupport",
                    rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP).doubleValue()),
            projectId);
    audit.record(
        AuditTrail.ENGINE,
        "feedback.aggregated",
        AuditTrail.project(projectId),
        flagged.size() + " actions flagged");
    return flagged;
  }

  /** Edits, drops or keeps each flagged action as staff decided, with their reason. */
  @Transactional
  public int applyRevision(UUID projectId, Map<String, Object> form) {
    refuseUnknown(
        form.get("flaggedItems"),
        Set.copyOf(
            jdbc.queryForList(
                "select position from action_item where project_id = ? and flagged",
                Integer.class,
                projectId)),
        "a flagged action");
    int revised = 0;
    for (Map<String, Object> row : FormValues.rows(form.get("flaggedItems"))) {
      int position = (int) FormValues.number(row.get("position"));
      String decision = String.valueOf(row.get("decision"));
      if (!DECISIONS.contains(decision)) {
        continue;
      }
      String wording = FormValues.text(row.get("revisedAction"));
      String reason = FormValues.text(row.get("reason"));
      revised +=
          switch (decision) {
            case "edit" ->
                wording == null
                    ? jdbc.update(
                        "update action_item set status = 'KEPT', revision_reason = ?"
                            + " where project_id = ? and position = ? and flagged",
                        reason,
                        projectId,
                        position)
                    : jdbc.update(
                        "update action_item set status = 'EDITED', original_action = action,"
                            + " action = ?, revision_reason = ? where project_id = ?"
                            + " and position = ? and flagged and status = 'ACTIVE'",
                        wording,
                        reason,
                        projectId,
                        position);
            case "drop" ->
                jdbc.update(
                    "update action_item set status = 'DROPPED', revision_reason = ?"
                        + " where project_id = ? and position = ? and flagged",
                    reason,
                    projectId,
                    position);
            default ->
                jdbc.update(
                    "update action_item set status = 'KEPT', revision_reason = ?"
                        + " where project_id = ? and position = ? and flagged",
                    reason,
                    projectId,
                    position);
          };
    }
    audit.record(
        AuditTrail.ENGINE,
        "agenda.revised",
        AuditTrail.project(projectId),
        revised + " actions revised");
    return revised;
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
    return jdbc.query(
        "select * from action_item where project_id = ? order by position",
        (rs, row) ->
            new ItemSupport(
                rs.getInt("position"),
                rs.getString("theme"),
                rs.getString("action"),
                rs.getBigDecimal("mean_support"),
                rs.getInt("support_count"),
                rs.getBoolean("flagged"),
                rs.getString("status"),
                rs.getString("original_action"),
                rs.getString("revision_reason"),
                comments.getOrDefault(rs.getInt("position"), List.of())),
        projectId);
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

  /** Refuses a row whose position is none of these, before anything is stored. */
  private static void refuseUnknown(Object rows, Set<Integer> positions, String what) {
    for (Map<String, Object> row : FormValues.rows(rows)) {
      Object position = row.get("position");
      Integer number = wholeNumber(position);
      if (number == null || !positions.contains(number)) {
        throw new RefusedInput("Position " + position + " is not " + what);
      }
    }
  }

  private static Integer wholeNumber(Object value) {
    try {
      double number = FormValues.number(value);
      return number == Math.rint(number) && Math.abs(number) < 1e6 ? (int) number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Set<Integer> positions(UUID projectId) {
    return Set.copyOf(
        jdbc.queryForList(
            "select position from action_item where project_id = ?", Integer.class, projectId));
  }

  /**
   * @param items {@code [{position, theme, action}]}: the agenda as the form lists it
   */
  public record Round(
      List<String> expertIds, List<Map<String, Object>> items, String reminder, String deadline) {}
}
