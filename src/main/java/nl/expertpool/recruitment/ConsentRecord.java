package nl.expertpool.recruitment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof of informed consent: which text, when, and how it was given. */
@Entity
@Table(name = "consent_record")
class ConsentRecord {

  @Id private UUID id;
  private UUID applicationId;
  private String textVersion;
  private Instant givenAt;
  private String method;
  private String language;
  private String textSha256;

  protected ConsentRecord() {}

  ConsentRecord(
      UUID applicationId,
      String textVersion,
      Instant givenAt,
      String method,
      String language,
      String textSha256) {
    this.language = language;
    this.textSha256 = textSha256;
    this.id = UUID.randomUUID();
    this.applicationId = applicationId;
    this.textVersion = textVersion;
    this.givenAt = givenAt;
    this.method = method;
  }

  String getTextVersion() {
    return textVersion;
  }

  Instant getGivenAt() {
    return givenAt;
  }

  String getMethod() {
    return method;
  }
}
