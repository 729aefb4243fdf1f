package nl.expertpool.recruitment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A project's call for experts: its sign-up code and the window applications are taken in. */
@Entity
@Table(name = "recruitment_call")
class RecruitmentCall {

  enum Status {
    OPEN,
    SCREENING
  }

  @Id private UUID id;
  private UUID projectId;
  private String signUpCode;
  private Instant openedAt;
  private Instant closesAt;
  private int extensions;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status;

  protected RecruitmentCall() {}

  RecruitmentCall(UUID projectId, String signUpCode, Instant openedAt, Instant closesAt) {
    this.id = UUID.randomUUID();
    this.projectId = projectId;
    this.signUpCode = signUpCode;
    this.openedAt = openedAt;
    this.closesAt = closesAt;
    this.status = Status.OPEN;
  }

  void screening() {
    status = Status.SCREENING;
  }

  void extend(Instant now, Duration by) {
    Instant from = closesAt.isAfter(now) ? closesAt : now;
    openedAt = now;
    closesAt = from.plus(by);
    extensions++;
    status = Status.OPEN;
  }

  /** Halfway between (re)opening and closing: when staff hear whether applications lag. */
  Instant halfway() {
    return openedAt.plus(Duration.between(openedAt, closesAt).dividedBy(2));
  }

  UUID getId() {
    return id;
  }

  UUID getProjectId() {
    return projectId;
  }

  String getSignUpCode() {
    return signUpCode;
  }

  Instant getClosesAt() {
    return closesAt;
  }

  int getExtensions() {
    return extensions;
  }

  Status getStatus() {
    return status;
  }
}
