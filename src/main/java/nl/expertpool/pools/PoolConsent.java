package nl.expertpool.pools;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The consent to be invited again: which text, when, how and by whom recorded; and its end. */
@Entity
@Table(name = "pool_consent")
class PoolConsent {

  @Id private UUID id;
  private UUID memberId;
  private String textVersion;
  private String language;
  private String textSha256;
  private String method;
  private Instant givenAt;
  private String givenBy;
  private Instant revokedAt;
  private String revokedBy;

  protected PoolConsent() {}

  PoolConsent(
      UUID memberId,
      String textVersion,
      String language,
      String textSha256,
      String method,
      Instant givenAt,
      String givenBy) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.textVersion = textVersion;
    this.language = language;
    this.textSha256 = textSha256;
    this.method = method;
    this.givenAt = givenAt;
    this.givenBy = givenBy;
  }

  void revoke(Instant at, String by) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = by;
    }
  }
}
