package nl.expertpool.recruitment;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.recruitment.Application.Confirmation;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications, with informed consent: from the public sign-up (double opt-in) or recorded by
 * staff, and acknowledged once confirmed ({@link ApplicationConfirmation}). Only a confirmed
 * application counts, and the process hears of each once.
 */
@Service
public class Intake {

  public static final String APPLICATION_MESSAGE = "expert-application-received";

  private final CallForExperts call;
  private final Applications applications;
  private final ConsentRecords consents;
  private final ConsentTexts consentTexts;
  private final nl.expertpool.web.Languages languages;
  private final ProjectLifecycle projects;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final CamundaClient engine;
  private final ApplicationConfirmer confirmations;
  private final Experts experts;
  private final ExpertAccounts accounts;
  private final CallForExperts.Limits limits;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Intake(
      CallForExperts call,
      Applications applications,
      ConsentRecords consents,
      ConsentTexts consentTexts,
      nl.expertpool.web.Languages languages,
      ProjectLifecycle projects,
      Messenger notifications,
      AuditTrail audit,
      CamundaClient engine,
      ApplicationConfirmer confirmations,
      Experts experts,
      ExpertAccounts accounts,
      CallForExperts.Limits limits,
      TransactionTemplate transactions,
      Clock clock) {
    this.call = call;
    this.applications = applications;
    this.consents = consents;
    this.consentTexts = consentTexts;
    this.languages = languages;
    this.projects = projects;
    this.notifications = notifications;
    this.audit = audit;
    this.engine = engine;
    this.confirmations = confirmations;
    this.experts = experts;
    this.accounts = accounts;
    this.limits = limits;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a public application answers: how it will be confirmed, nothing else. */
  public enum Received {
    /** A link went to the e-mail address: the application counts once it is followed. */
    CONFIRMATION_SENT,
    /** A phone number only, and a code went to it by text message: it counts once typed. */
    CODE_SENT,
    /** A phone number only and no way to send it a code: staff call and confirm it. */
    AWAITING_CALL
  }

  /**
   * Takes an application from the public sign-up (double opt-in): stored with its consent record,
   * but it counts only once confirmed, through the link sent to its e-mail address, or by staff
   * after a call when it gives a phone number only. An application with the contact of an earlier
   * one of the project is not stored again and sends no second message, and answers the same, so
   * that nobody learns from the answer who applied. Refused when the code is wrong, the window is
   * not open or the call has as many applications as it takes; nothing is stored then.
   */
  public Received apply(UUID projectId, ApplicationForm form) {
    if (form.signUpCode() == null || form.signUpCode().isBlank()) {
      throw ApiException.invalid("signUpCode", "must not be blank");
    }
    spoken(form);
    return transactions.execute(
        status -> {
          Project project = call.openFor(projectId, form.signUpCode());
          String contact = contactHash(projectId, form);
          boolean byEmail = form.email() != null && !form.email().isBlank();
          boolean byText = !byEmail && notifications.canText();
          Received received =
              byEmail
                  ? Received.CONFIRMATION_SENT
                  : byText ? Received.CODE_SENT : Received.AWAITING_CALL;
          var earlier = applications.findByProjectIdAndContactHash(projectId, contact);
          if (earlier.isPresent()) {
            audit.record(
                "applicant",
                "recruitment.application-repeated",
                AuditTrail.project(projectId),
                "application " + earlier.get().getId() + ": not stored again");
            return received;
          }
          long cap = (long) project.getTargetExperts() * limits.applicationsPerExpertSought();
          if (applications.countByProjectId(projectId) >= cap) {
            throw ApiException.conflict(
                "This call takes no more applications: it has the "
                    + cap
                    + " it can screen for "
                    + project.getTargetExperts()
                    + " experts.");
          }
          Application application =
              store(
                  projectId,
                  form,
                  byEmail || byText ? Confirmation.PENDING : Confirmation.UNCONFIRMED,
                  contact,
                  "applicant",
                  byEmail
                      ? "awaiting its e-mail link"
                      : byText ? "awaiting its text-message code" : "awaiting a call");
          if (byEmail) {
            notifications.sendLink(
                application.recipient(),
                "application-confirm",
                confirmations.issue(application.getId(), application.getPreferredLanguage()),
                project.getName());
          } else if (byText) {
            notifications.text(
                application.recipient(),
                "application-code",
                project.getName(),
                confirmations.issueCode(application.getId()));
          }
          return received;
        });
  }

  /**
   * Records an application that staff took on the applicant's behalf (on paper, in person): it
   * counts at once, sends no confirmation message, and its consent record says how consent was
   * given. A project's applicant with the same contact is refused (409).
   */
  public UUID record(UUID projectId, ApplicationForm form, String actor) {
    return recordConfirmed(
        projectId,
        form,
        actor,
        "recorded by staff",
        "recorded by " + actor + " (" + form.consent().method() + ")",
        application -> {});
  }

  /**
   * A member of the project's standing pool accepted an invitation to it, agreeing to the project's
   * consent text: an application that counts at once, as staff record one. It carries the
   * certification the member brings along, and is linked to the account they signed in with in the
   * earlier project, if any. Refused (409) when the project takes no applications, or when the
   * member applied to it already.
   *
   * @param motivation what screeners read for the candidate's motivation
   * @return the application's id
   */
  public UUID invited(UUID projectId, Invitee invitee, String motivation, String actor) {
    var form =
        new ApplicationForm(
            null,
            invitee.name(),
            invitee.email(),
            invitee.phone(),
            invitee.languages(),
            motivation,
            invitee.preferredLanguage(),
            new ApplicationForm.Consent(
                true, invitee.consentTextVersion(), INVITATION, invitee.consentLanguage()));
    return recordConfirmed(
        projectId,
        form,
        actor,
        "accepted an invitation from the standing pool",
        "invitation accepted by " + actor,
        application -> {
          application.carryCertification(invitee.certifiedAt());
          if (invitee.formerExpertId() != null) {
            experts
                .findById(invitee.formerExpertId())
                .flatMap(former -> accounts.findById(former.getApplicationId()))
                .ifPresent(
                    account ->
                        accounts.save(
                            new ExpertAccount(
                                application.getId(),
                                account.getUsername(),
                                clock.instant(),
                                actor)));
          }
        });
  }

  /** How an invited member's consent was given, on their consent record. */
  public static final String INVITATION = "pool-invitation";

  /**
   * A member of a standing pool who accepts an invitation, from the pool's copy of them.
   *
   * @param certifiedAt when their still valid certification was given; null when they bring none
   * @param formerExpertId who they were in an earlier project of the pool, for their account
   */
  public record Invitee(
      String name,
      String email,
      String phone,
      List<String> languages,
      String preferredLanguage,
      String consentTextVersion,
      String consentLanguage,
      Instant certifiedAt,
      UUID formerExpertId) {}

  private UUID recordConfirmed(
      UUID projectId,
      ApplicationForm form,
      String actor,
      String how,
      String confirmedBy,
      java.util.function.Consumer<Application> then) {
    spoken(form);
    UUID id =
        transactions.execute(
            status -> {
              Project project = projects.get(projectId);
              RecruitmentCall open = call.call(projectId);
              if (project.getStatus() != ProjectStatus.ACTIVE
                  || open.getStatus() != RecruitmentCall.Status.OPEN) {
                throw ApiException.conflict("Applications for this project are closed.");
              }
              String contact = contactHash(projectId, form);
              applications
                  .findByProjectIdAndContactHash(projectId, contact)
                  .ifPresent(
                      earlier -> {
                        throw ApiException.conflict(
                            "Candidate "
                                + earlier.getPseudonym()
                                + " applied with this contact already.");
                      });
              Application application =
                  store(projectId, form, Confirmation.PENDING, contact, actor, how);
              application.confirm(clock.instant(), confirmedBy);
              then.accept(application);
              return application.getId();
            });
    tell(projectId, id);
    return id;
  }

  /** Confirms receipt to every applicant not yet told; returns how many were told now. */
  @Transactional
  public int acknowledgeApplications(UUID projectId) {
    Project project = projects.get(projectId);
    int told = 0;
    for (Application application :
        applications.findByProjectIdAndAcknowledgedAtIsNullOrderBySubmittedAt(projectId)) {
      if (application.getConfirmation() == Confirmation.CONFIRMED
          && application.acknowledge(clock.instant())) {
        notifications.send(application.recipient(), "application-received", project.getName());
        told++;
      }
    }
    return told;
  }

  private Application store(
      UUID projectId,
      ApplicationForm form,
      Confirmation confirmation,
      String contact,
      String actor,
      String how) {
    Instant now = clock.instant();
    // Flushed at once: the confirmation link refers to it by a foreign key, written by JDBC.
    Application application =
        applications.saveAndFlush(
            new Application(projectId, newPseudonym(projectId), form, now, confirmation, contact));
    String version = form.consent().textVersion().strip();
    String language =
        form.consent().language() != null
            ? form.consent().language()
            : form.preferredLanguage() != null ? form.preferredLanguage() : "en";
    consents.save(
        new ConsentRecord(
            application.getId(),
            version,
            now,
            form.consent().method().strip(),
            language,
            consentTexts
                .text(version, language)
                .map(ConsentTexts.ConsentText::sha256)
                .orElse(null)));
    audit.record(
        actor,
        "recruitment.application-received",
        AuditTrail.project(projectId),
        "application " + application.getId() + ", " + how);
    return application;
  }

  /** Refuses a preferred or consent language the app does not speak: messages would fail it. */
  private void spoken(ApplicationForm form) {
    String offered =
        String.join(", ", languages.offered().stream().map(java.util.Locale::getLanguage).toList());
    if (form.preferredLanguage() != null && !languages.offers(form.preferredLanguage())) {
      throw ApiException.invalid("preferredLanguage", "must be one of " + offered);
    }
    if (form.consent() != null
        && form.consent().language() != null
        && !languages.offers(form.consent().language())) {
      throw ApiException.invalid("consent.language", "must be one of " + offered);
    }
  }

  /** Tells the process that a confirmed application arrived (once: the id is the message id). */
  void tell(UUID projectId, UUID applicationId) {
    engine
        .newPublishMessageCommand()
        .messageName(APPLICATION_MESSAGE)
        .correlationKey(projectId.toString())
        .messageId(applicationId.toString())
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
  }

  /**
   * The contact an application is known by within its project, hashed: the e-mail address in lower
   * case, else the phone number's digits.
   */
  static String contactHash(UUID projectId, ApplicationForm form) {
    String contact =
        form.email() != null && !form.email().isBlank()
            ? form.email().strip().toLowerCase(java.util.Locale.ROOT)
            : "phone:" + form.phone().replaceAll("[^0-9+]", "").replaceFirst("^00", "+");
    return ApplicationConfirmer.hash(projectId + ":" + contact);
  }

  private String newPseudonym(UUID projectId) {
    String pseudonym;
    do {
      pseudonym = "A-" + RandomCode.of(4);
    } while (applications.existsByProjectIdAndPseudonym(projectId, pseudonym));
    return pseudonym;
  }
}
