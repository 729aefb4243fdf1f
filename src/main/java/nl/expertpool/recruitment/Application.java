package nl.expertpool.recruitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.expertpool.notification.Messenger.Recipient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A candidate's application: the only place that holds a candidate's name and contact. Everything
 * else, the engine included, knows them by id or pseudonym.
 */
@Entity
@Table(name = "application")
class Application {

  /** Whether the application counts: confirmed by its applicant, or by staff after a call. */
  enum Confirmation {
    /** A link went to the e-mail address; the applicant has not followed it (yet). */
    PENDING,
    /** A phone number only and no way to send it a code: staff confirm it after a call. */
    UNCONFIRMED,
    CONFIRMED
  }

  enum Decision {
    ACCEPT,
    REJECT,
    WAITLIST
  }

  /** The decisions' names, as the screening form's options give them (in lower case). */
  static final java.util.Set<String> DECISIONS =
      java.util.Arrays.stream(Decision.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  @Id private UUID id;
  private UUID projectId;
  private String pseudonym;
  private String name;
  private String email;
  private String phone;

  @JdbcTypeCode(SqlTypes.JSON)
  private List<String> languages;

  private String motivation;
  private String preferredLanguage;
  private Instant submittedAt;
  private Instant acknowledgedAt;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String decisionNote;
  private Instant decidedAt;
  private Instant anonymisedAt;

  @Enumerated(EnumType.STRING)
  private Confirmation confirmation;

  private Instant confirmedAt;
  private String confirmedBy;
  private String contactHash;
  private Instant carriedCertifiedAt;

  protected Application() {}

  Application(
      UUID projectId,
      String pseudonym,
      ApplicationForm form,
      Instant submittedAt,
      Confirmation confirmation,
      String contactHash) {
    this.id = UUID.randomUUID();
    this.projectId = projectId;
    this.pseudonym = pseudonym;
    this.name = form.name().strip();
    this.email = blankToNull(form.email());
    this.phone = blankToNull(form.phone());
    this.languages = List.copyOf(form.languages());
    this.motivation = form.motivation().strip();
    this.preferredLanguage = form.preferredLanguageOrDefault();
    this.submittedAt = submittedAt;
    this.confirmation = confirmation;
    this.contactHash = contactHash;
  }

  /** Confirms the application; false when it was confirmed before. */
  boolean confirm(Instant at, String by) {
    if (confirmation == Confirmation.CONFIRMED) {
      return false;
    }
    confirmation = Confirmation.CONFIRMED;
    confirmedAt = at;
    confirmedBy = by;
    return true;
  }

  Confirmation getConfirmation() {
    return confirmation;
  }

  Instant getConfirmedAt() {
    return confirmedAt;
  }

  String getConfirmedBy() {
    return confirmedBy;
  }

  boolean acknowledge(Instant at) {
    if (acknowledgedAt != null) {
      return false;
    }
    acknowledgedAt = at;
    return true;
  }

  /** The certification a member of a standing pool brings along from an earlier project. */
  void carryCertification(Instant certifiedAt) {
    this.carriedCertifiedAt = certifiedAt;
  }

  /** When the certification brought along was given; null when the candidate brings none. */
  Instant getCarriedCertifiedAt() {
    return carriedCertifiedAt;
  }

  /** Accept and reject are final; a waitlisted candidate is screened again. */
  boolean open() {
    return decision == null || decision == Decision.WAITLIST;
  }

  void decide(Decision decision, String note, Instant at) {
    this.decision = decision;
    this.decisionNote = blankToNull(note);
    this.decidedAt = at;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  UUID getId() {
    return id;
  }

  UUID getProjectId() {
    return projectId;
  }

  String getPseudonym() {
    return pseudonym;
  }

  String getName() {
    return name;
  }

  String getEmail() {
    return email;
  }

  String getPhone() {
    return phone;
  }

  List<String> getLanguages() {
    return languages;
  }

  String getMotivation() {
    return motivation;
  }

  /** How to reach the applicant, for notifications only. */
  Recipient recipient() {
    return new Recipient(id, email, phone, preferredLanguage);
  }

  String getPreferredLanguage() {
    return preferredLanguage;
  }

  Instant getSubmittedAt() {
    return submittedAt;
  }

  Instant getAnonymisedAt() {
    return anonymisedAt;
  }

  Decision getDecision() {
    return decision;
  }
}
