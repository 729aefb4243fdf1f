package nl.expertpool.pools;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.expertpool.recruitment.Pool.ExpertProfile;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member of a standing pool: the pool's own copy of how to reach them and what they speak, the
 * projects they took part in, and when they joined, left, or last took part.
 */
@Entity
@Table(name = "pool_member")
class Member {

  @Id private UUID id;
  private UUID poolId;
  private UUID sourceExpertId;
  private String name;
  private String email;
  private String phone;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<String> languages;

  private String preferredLanguage;
  private Instant joinedAt;
  private Instant leftAt;
  private Instant lastProjectAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "pool_member_project", joinColumns = @JoinColumn(name = "member_id"))
  private List<Participation> projects = new ArrayList<>();

  protected Member() {}

  Member(UUID poolId, UUID projectId, ExpertProfile expert, Instant at) {
    this.id = UUID.randomUUID();
    this.poolId = poolId;
    this.sourceExpertId = expert.expertId();
    this.joinedAt = at;
    rejoin(projectId, expert, at);
  }

  /** Takes the expert's details as they are now, and the project they took part in. */
  void rejoin(UUID projectId, ExpertProfile expert, Instant at) {
    this.name = expert.name();
    this.email = expert.email();
    this.phone = expert.phone();
    this.languages = List.copyOf(expert.languages());
    this.preferredLanguage = expert.preferredLanguage();
    this.leftAt = null;
    this.lastProjectAt = at;
    projects.removeIf(p -> p.projectId.equals(projectId));
    projects.add(new Participation(projectId, expert.expertId(), expert.certifiedAt()));
  }

  /** Takes part in a further project of the pool, as this expert. */
  void participate(UUID projectId, UUID expertId, Instant certifiedAt, Instant at) {
    projects.removeIf(p -> p.projectId.equals(projectId));
    projects.add(new Participation(projectId, expertId, certifiedAt));
    lastProjectAt = at;
  }

  /** The expert finished a training in one of the member's projects. */
  void certified(UUID expertId, Instant at) {
    projects.stream()
        .filter(p -> p.expertId.equals(expertId) && p.certifiedAt == null)
        .forEach(p -> p.certifiedAt = at);
  }

  /** When the member was last certified, in any project of the pool; empty when never. */
  java.util.Optional<Instant> lastCertified() {
    return projects.stream()
        .map(Participation::certifiedAt)
        .filter(java.util.Objects::nonNull)
        .max(java.util.Comparator.naturalOrder());
  }

  /** Who the member was in the project they took part in last (its certification is newest). */
  UUID latestExpertId() {
    return projects.stream()
        .max(
            java.util.Comparator.comparing(
                Participation::certifiedAt,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
        .map(Participation::expertId)
        .orElse(sourceExpertId);
  }

  boolean tookPartIn(UUID projectId) {
    return projects.stream().anyMatch(p -> p.projectId.equals(projectId));
  }

  String getEmail() {
    return email;
  }

  String getPhone() {
    return phone;
  }

  String getPreferredLanguage() {
    return preferredLanguage;
  }

  /** Leaves the pool: what only the pool held of the person is erased. */
  void leave(Instant at) {
    this.leftAt = at;
    this.name = null;
    this.email = null;
    this.phone = null;
    this.languages = null;
    this.preferredLanguage = null;
  }

  boolean isActive() {
    return leftAt == null;
  }

  UUID getId() {
    return id;
  }

  UUID getPoolId() {
    return poolId;
  }

  String getName() {
    return name;
  }

  List<String> getLanguages() {
    return languages == null ? List.of() : languages;
  }

  Instant getJoinedAt() {
    return joinedAt;
  }

  List<Participation> getProjects() {
    return List.copyOf(projects);
  }

  /** A project the member took part in, as which expert, and when they were certified there. */
  @Embeddable
  static class Participation {

    private UUID projectId;
    private UUID expertId;
    private Instant certifiedAt;

    protected Participation() {}

    Participation(UUID projectId, UUID expertId, Instant certifiedAt) {
      this.projectId = projectId;
      this.expertId = expertId;
      this.certifiedAt = certifiedAt;
    }

    UUID projectId() {
      return projectId;
    }

    UUID expertId() {
      return expertId;
    }

    Instant certifiedAt() {
      return certifiedAt;
    }
  }
}
