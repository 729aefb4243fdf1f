package nl.expertpool.milestone;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.ProjectCreated;
import nl.expertpool.project.ProjectLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each project's milestones: created with the project, reached by the process. */
@Service
public class MilestoneTracker {

  private final Milestones milestones;
  private final ProjectLifecycle projects;
  private final AuditTrail audit;
  private final Clock clock;

  MilestoneTracker(
      Milestones milestones, ProjectLifecycle projects, AuditTrail audit, Clock clock) {
    this.milestones = milestones;
    this.projects = projects;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void on(ProjectCreated created) {
    boolean agendaYear = projects.get(created.projectId()).getFollowUpMonths() != null;
    for (MilestoneKey key : MilestoneKey.values()) {
      if (key == MilestoneKey.AGENDA_FOLLOWED_UP && !agendaYear) {
        continue;
      }
      Milestone milestone = new Milestone(created.projectId(), key);
      if (key == MilestoneKey.PROJECT_STARTED) {
        milestone.start();
      }
      milestones.save(milestone);
    }
  }

  @EventListener
  void on(nl.expertpool.project.ProjectDiscarded discarded) {
    milestones.deleteAll(milestones.findByProjectIdOrderByPosition(discarded.projectId()));
    milestones.flush();
  }

  /**
   * Marks a milestone reached, the next one in progress and the project in the next phase. Reaching
   * it again changes nothing.
   */
  @Transactional
  public void reach(UUID projectId, MilestoneKey key) {
    Milestone milestone = get(projectId, key);
    if (!milestone.reach(clock.instant())) {
      return;
    }
    if (key.phaseAfter() != null) {
      for (int i = key.ordinal() + 1; i < MilestoneKey.values().length; i++) {
        var next = milestones.findByProjectIdAndKey(projectId, MilestoneKey.values()[i]);
        if (next.isPresent()) {
          if (next.get().getKey().clientVisible()) {
            next.get().start();
          }
          break;
        }
      }
      projects.enterPhase(projectId, key.phaseAfter());
    }
    audit.record(AuditTrail.ENGINE, "milestone.reached", AuditTrail.project(projectId), key.name());
  }

  /** Sets a milestone's progress, e.g. 18 of 20 experts. */
  @Transactional
  public void progress(UUID projectId, MilestoneKey key, int current, int total, String unit) {
    get(projectId, key).progress(current, total, unit);
  }

  /**
   * Sets a milestone's progress to a count made while holding the milestone's row. Jobs that each
   * add one item and then count (one job per interview, several at once) so take turns: each counts
   * after the one before has committed, and the last count written is the whole.
   */
  @Transactional
  public void progress(
      UUID projectId, MilestoneKey key, IntSupplier current, int total, String unit) {
    Milestone milestone =
        milestones
            .lockByProjectIdAndKey(projectId, key)
            .orElseThrow(
                () ->
                    new IllegalStateException("Project " + projectId + " has no milestone " + key));
    milestone.progress(current.getAsInt(), total, unit);
  }

  @Transactional(readOnly = true)
  public List<Milestone> of(UUID projectId) {
    return milestones.findByProjectIdOrderByPosition(projectId);
  }

  private Milestone get(UUID projectId, MilestoneKey key) {
    return milestones
        .findByProjectIdAndKey(projectId, key)
        .orElseThrow(
            () -> new IllegalStateException("Project " + projectId + " has no milestone " + key));
  }
}
