package nl.expertpool.recruitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member of the pool: an accepted applicant, known to the rest of the app by id and pseudonym.
 */
@Entity
@Table(name = "expert")
class Expert {

  enum Status {
    RECRUITED,
    CERTIFIED
  }

  @Id private UUID id;
  private UUID projectId;
  private UUID applicationId;
  private String pseudonym;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Instant certifiedAt;
  private Instant createdAt;

  protected Expert() {}

  Expert(Application application, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.projectId = application.getProjectId();
    this.applicationId = application.getId();
    this.pseudonym = "E-" + application.getPseudonym().substring(2);
    this.status = Status.RECRUITED;
    this.createdAt = createdAt;
  }

  boolean certify(Instant at) {
    if (status == Status.CERTIFIED) {
      return false;
    }
    status = Status.CERTIFIED;
    certifiedAt = at;
    return true;
  }

  UUID getId() {
    return id;
  }

  UUID getProjectId() {
    return projectId;
  }

  UUID getApplicationId() {
    return applicationId;
  }

  String getPseudonym() {
    return pseudonym;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getCertifiedAt() {
    return certifiedAt;
  }

  Status getStatus() {
    return status;
  }
}
