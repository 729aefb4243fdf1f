package nl.expertpool.pools;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member of a standing pool invited to a new project of the pool: ids and dates, and the SHA-256
 * of the link's secret.
 */
@Entity
@Table(name = "pool_invitation")
class PoolInvitation {

  /** How the member answered; WITHDRAWN when they left the pool before answering. */
  enum Answer {
    ACCEPTED,
    DECLINED,
    WITHDRAWN
  }

  @Id private UUID id;
  private UUID poolId;
  private UUID memberId;
  private UUID projectId;
  private Instant invitedAt;
  private String invitedBy;
  private String tokenHash;
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  private Answer answer;

  private Instant answeredAt;
  private String answeredBy;
  private UUID applicationId;

  protected PoolInvitation() {}

  PoolInvitation(
      UUID poolId,
      UUID memberId,
      UUID projectId,
      String tokenHash,
      Instant invitedAt,
      Instant expiresAt,
      String invitedBy) {
    this.id = UUID.randomUUID();
    this.poolId = poolId;
    this.memberId = memberId;
    this.projectId = projectId;
    this.tokenHash = tokenHash;
    this.invitedAt = invitedAt;
    this.expiresAt = expiresAt;
    this.invitedBy = invitedBy;
  }

  boolean isOpen(Instant now) {
    return answer == null && now.isBefore(expiresAt);
  }

  /** A fresh link for an invitation whose link expired unanswered. */
  void renew(String tokenHash, Instant at, Instant expiresAt, String by) {
    this.tokenHash = tokenHash;
    this.invitedAt = at;
    this.expiresAt = expiresAt;
    this.invitedBy = by;
  }

  void answer(Answer answer, Instant at, String by, UUID applicationId) {
    this.answer = answer;
    this.answeredAt = at;
    this.answeredBy = by;
    this.applicationId = applicationId;
  }

  UUID getId() {
    return id;
  }

  UUID getPoolId() {
    return poolId;
  }

  UUID getMemberId() {
    return memberId;
  }

  UUID getProjectId() {
    return projectId;
  }

  Instant getInvitedAt() {
    return invitedAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  Answer getAnswer() {
    return answer;
  }

  Instant getAnsweredAt() {
    return answeredAt;
  }

  UUID getApplicationId() {
    return applicationId;
  }
}
