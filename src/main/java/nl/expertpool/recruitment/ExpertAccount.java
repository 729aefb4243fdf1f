package nl.expertpool.recruitment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The sign-in account of an expert, by application: whose interview and feedback tasks are whose.
 */
@Entity
@Table(name = "expert_account")
class ExpertAccount {

  @Id private UUID applicationId;
  private String username;
  private Instant linkedAt;
  private String linkedBy;

  protected ExpertAccount() {}

  ExpertAccount(UUID applicationId, String username, Instant linkedAt, String linkedBy) {
    this.applicationId = applicationId;
    this.username = username;
    this.linkedAt = linkedAt;
    this.linkedBy = linkedBy;
  }

  /** Points the application at another account; false when it was linked to that one already. */
  boolean relink(String username, Instant at, String by) {
    if (this.username.equals(username)) {
      return false;
    }
    this.username = username;
    this.linkedAt = at;
    this.linkedBy = by;
    return true;
  }

  UUID getApplicationId() {
    return applicationId;
  }

  String getUsername() {
    return username;
  }
}
