package nl.expertpool.milestone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One milestone of one project, with its progress where it has one (e.g. 18 / 20 experts). An
 * update writes only the columns it changed, so that setting the progress never writes back a
 * status read before the milestone was reached by another job.
 */
@Entity
@DynamicUpdate
@Table(name = "milestone")
public class Milestone {

  @Id private UUID id;
  private UUID projectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "key")
  private MilestoneKey key;

  private int position;

  @Enumerated(EnumType.STRING)
  private MilestoneStatus status;

  private Instant reachedAt;
  private Integer progressCurrent;
  private Integer progressTotal;
  private String progressUnit;
  private boolean clientVisible;

  protected Milestone() {}

  Milestone(UUID projectId, MilestoneKey key) {
    this.id = UUID.randomUUID();
    this.projectId = projectId;
    this.key = key;
    this.position = key.ordinal() + 1;
    this.status = MilestoneStatus.PENDING;
    this.clientVisible = key.clientVisible();
  }

  /**
   * @return whether this call reached it (false when it was reached before)
   */
  boolean reach(Instant at) {
    if (status == MilestoneStatus.REACHED) {
      return false;
    }
    status = MilestoneStatus.REACHED;
    reachedAt = at;
    return true;
  }

  void start() {
    if (status == MilestoneStatus.PENDING) {
      status = MilestoneStatus.IN_PROGRESS;
    }
  }

  void progress(int current, int total, String unit) {
    start();
    progressCurrent = current;
    progressTotal = total;
    progressUnit = unit;
  }

  public UUID getProjectId() {
    return projectId;
  }

  public MilestoneKey getKey() {
    return key;
  }

  public String getTitle() {
    return key.title();
  }

  public int getPosition() {
    return position;
  }

  public MilestoneStatus getStatus() {
    return status;
  }

  public Instant getReachedAt() {
    return reachedAt;
  }

  public Integer getProgressCurrent() {
    return progressCurrent;
  }

  public Integer getProgressTotal() {
    return progressTotal;
  }

  public String getProgressUnit() {
    return progressUnit;
  }

  public boolean isClientVisible() {
    return clientVisible;
  }
}
