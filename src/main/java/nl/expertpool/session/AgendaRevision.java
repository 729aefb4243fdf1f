package nl.expertpool.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.jobs.RefusedInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action agenda after the session: the experts' support per action as the feedback round
 * measured it, the actions it flagged, and staff's revision of those (edit, drop or keep, with a
 * reason).
 */
@Service
public class AgendaRevision {

  private static final Set<String> DECISIONS = Set.of("edit", "drop", "keep");

  private final AuditTrail audit;
  private final JdbcTemplate jdbc;

  AgendaRevision(AuditTrail audit, JdbcTemplate jdbc) {
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** The actions as the experts score them. */
  @Transactional(readOnly = true)
  public List<ActionToScore> toScore(UUID projectId) {
    return jdbc.query(
        "select position, theme, action from action_item where project_id = ? order by position",
        (rs, row) -> new ActionToScore(rs.getInt(1), rs.getString(2), rs.getString(3)),
        projectId);
  }

  /** The positions of the project's actions. */
  @Transactional(readOnly = true)
  public Set<Integer> positions(UUID projectId) {
    return Set.copyOf(
        jdbc.queryForList(
            "select position from action_item where project_id = ?", Integer.class, projectId));
  }

  /**
   * Keeps each action's support and flags those whose mean is below {@code flagBelow}.
   *
   * @param support per position; an action nobody scored is missing
   * @return the flagged actions, by position
   */
  @Transactional
  public List<Flagged> recordSupport(
      UUID projectId, Map<Integer, Support> support, BigDecimal flagBelow) {
    for (int position : positions(projectId)) {
      Support figures = support.getOrDefault(position, new Support(0, null));
      jdbc.update(
          "update action_item set support_count = ?, mean_support = ?,"
              + " flagged = coalesce(?::numeric < ?, false) where project_id = ? and position = ?",
          figures.count(),
          figures.mean(),
          figures.mean(),
          flagBelow,
          projectId,
          position);
    }
    return jdbc.query(
        "select position, action, mean_support from action_item"
            + " where project_id = ? and flagged order by position",
        (rs, row) ->
            new Flagged(
                rs.getInt(1),
                rs.getString(2),
                rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP).doubleValue()),
        projectId);
  }

  /**
   * Edits, drops or keeps each flagged action as staff decided, with their reason. A revision of an
   * action that is not flagged refuses the whole submission before anything is stored.
   *
   * @return how many actions were revised
   */
  @Transactional
  public int revise(UUID projectId, List<Revision> revisions) {
    Set<Integer> flagged =
        Set.copyOf(
            jdbc.queryForList(
                "select position from action_item where project_id = ? and flagged",
                Integer.class,
                projectId));
    for (Revision revision : revisions) {
      if (!flagged.contains(revision.position())) {
        throw new RefusedInput("Position " + revision.position() + " is not a flagged action");
      }
    }
    int revised = 0;
    for (Revision revision : revisions) {
      if (DECISIONS.contains(revision.decision())) {
        revised += apply(projectId, revision);
      }
    }
    audit.record(
        AuditTrail.ENGINE,
        "agenda.revised",
        AuditTrail.project(projectId),
        revised + " actions revised");
    return revised;
  }

  private int apply(UUID projectId, Revision revision) {
    int position = revision.position();
    String reason = revision.reason();
    if (revision.decision().equals("edit") && revision.revisedAction() != null) {
      return jdbc.update(
          "update action_item set status = 'EDITED', original_action = action,"
              + " action = ?, revision_reason = ? where project_id = ?"
              + " and position = ? and flagged and status = 'ACTIVE'",
          revision.revisedAction(),
          reason,
          projectId,
          position);
    }
    String status = revision.decision().equals("drop") ? "DROPPED" : "KEPT";
    return jdbc.update(
        "update action_item set status = ?, revision_reason = ?"
            + " where project_id = ? and position = ? and flagged",
        status,
        reason,
        projectId,
        position);
  }

  /** Every action with its support and revision, by position. */
  @Transactional(readOnly = true)
  public List<RevisedAction> actions(UUID projectId) {
    return jdbc.query(
        "select * from action_item where project_id = ? order by position",
        (rs, row) ->
            new RevisedAction(
                rs.getInt("position"),
                rs.getString("theme"),
                rs.getString("action"),
                rs.getBigDecimal("mean_support"),
                rs.getInt("support_count"),
                rs.getBoolean("flagged"),
                rs.getString("status"),
                rs.getString("original_action"),
                rs.getString("revision_reason")),
        projectId);
  }

  public record ActionToScore(int position, String theme, String action) {}

  /**
   * @param mean rounded to two decimals; null when nobody scored the action
   */
  public record Support(int count, BigDecimal mean) {}

  public record Flagged(int position, String action, double meanSupport) {}

  /**
   * Staff's decision on one flagged action.
   *
   * @param decision {@code edit}, {@code drop} or {@code keep}; anything else changes nothing
   * @param revisedAction the new wording for {@code edit}; without it the action is kept
   */
  public record Revision(int position, String decision, String revisedAction, String reason) {}

  /**
   * @param status {@code ACTIVE}, or after the revision {@code EDITED}, {@code DROPPED} or {@code
   *     KEPT}
   */
  public record RevisedAction(
      int position,
      String theme,
      String action,
      BigDecimal meanSupport,
      int supportCount,
      boolean flagged,
      String status,
      String originalAction,
      String revisionReason) {}
}
