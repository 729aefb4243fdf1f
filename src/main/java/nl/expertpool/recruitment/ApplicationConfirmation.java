package nl.expertpool.recruitment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Application.Confirmation;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirming an application, the second step of the double opt-in: by the link sent to its e-mail
 * address, by the code texted to its phone, or by staff after a call. The process hears of a
 * confirmed application once.
 */
@Service
public class ApplicationConfirmation {

  private final Intake intake;
  private final Applications applications;
  private final ProjectLifecycle projects;
  private final AuditTrail audit;
  private final ApplicationConfirmer confirmations;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ApplicationConfirmation(
      Intake intake,
      Applications applications,
      ProjectLifecycle projects,
      AuditTrail audit,
      ApplicationConfirmer confirmations,
      TransactionTemplate transactions,
      Clock clock) {
    this.intake = intake;
    this.applications = applications;
    this.projects = projects;
    this.audit = audit;
    this.confirmations = confirmations;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Confirms an application through the link sent to its e-mail address; empty for a dead link. */
  public Optional<String> confirmByLink(String token) {
    var confirmed =
        transactions.execute(
            status -> {
              Optional<Application> application =
                  confirmations
                      .applicationOf(token)
                      .flatMap(applications::findById)
                      .filter(a -> a.getAnonymisedAt() == null);
              if (application.isEmpty() || !confirmations.spend(token)) {
                return Optional.<Application>empty();
              }
              if (application.get().confirm(clock.instant(), "e-mail link")) {
                audit.record(
                    "applicant",
                    "recruitment.application-confirmed",
                    AuditTrail.project(application.get().getProjectId()),
                    "application " + application.get().getId() + " by its e-mail link");
              }
              return application;
            });
    confirmed.ifPresent(a -> intake.tell(a.getProjectId(), a.getId()));
    return confirmed.map(a -> projects.get(a.getProjectId()).getName());
  }

  /** What a code typed to confirm an application did. */
  public enum CodeConfirmation {
    CONFIRMED,
    /** No application of the project with this phone number has this code. */
    WRONG,
    /** No code works for it any more (used, expired, tried too often): staff can confirm it. */
    SPENT
  }

  /**
   * Confirms the application of the project with this phone number by the code texted to it. An
   * unknown number answers as a wrong code does, so that nobody learns who applied.
   */
  public CodeConfirmation confirmByCode(UUID projectId, String phone, String code) {
    var form = new ApplicationForm(null, null, null, phone, null, null, null, null);
    var outcome =
        transactions.execute(
            status -> {
              Optional<Application> application =
                  applications
                      .findByProjectIdAndContactHash(projectId, Intake.contactHash(projectId, form))
                      .filter(a -> a.getAnonymisedAt() == null)
                      .filter(a -> a.getConfirmation() == Confirmation.PENDING);
              if (application.isEmpty()) {
                return CodeConfirmation.WRONG;
              }
              return switch (confirmations.checkCode(application.get().getId(), code)) {
                case MATCHES -> {
                  application.get().confirm(clock.instant(), "text-message code");
                  audit.record(
                      "applicant",
                      "recruitment.application-confirmed",
                      AuditTrail.project(projectId),
                      "application " + application.get().getId() + " by its text-message code");
                  yield CodeConfirmation.CONFIRMED;
                }
                case WRONG -> CodeConfirmation.WRONG;
                case SPENT -> CodeConfirmation.SPENT;
              };
            });
    if (outcome == CodeConfirmation.CONFIRMED) {
      applications
          .findByProjectIdAndContactHash(projectId, Intake.contactHash(projectId, form))
          .ifPresent(a -> intake.tell(projectId, a.getId()));
    }
    return outcome;
  }

  /** The project a confirmation link is for while it works, for the page that asks to confirm. */
  @Transactional(readOnly = true)
  public Optional<String> projectOfLink(String token) {
    return confirmations
        .applicationOf(token)
        .flatMap(applications::findById)
        .filter(a -> a.getAnonymisedAt() == null)
        .map(a -> projects.get(a.getProjectId()).getName());
  }

  /**
   * Staff confirm an application after calling the applicant (one with a phone number only, or
   * whose link was not followed).
   *
   * @return false when it was confirmed before
   * @throws ApiException 404 when the project has no such application
   */
  public boolean confirm(UUID projectId, UUID applicationId, String actor) {
    boolean confirmed =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  Application application =
                      applications
                          .findById(applicationId)
                          .filter(a -> a.getProjectId().equals(projectId))
                          .filter(a -> a.getAnonymisedAt() == null)
                          .orElseThrow(
                              () ->
                                  ApiException.notFound(
                                      "Project "
                                          + projectId
                                          + " has no application "
                                          + applicationId));
                  boolean now =
                      application.confirm(clock.instant(), "staff (" + actor + ") after a call");
                  if (now) {
                    audit.record(
                        actor,
                        "recruitment.application-confirmed",
                        AuditTrail.project(projectId),
                        "application " + applicationId + " after a call");
                  }
                  return now;
                }));
    if (confirmed) {
      intake.tell(projectId, applicationId);
    }
    return confirmed;
  }

  /** Whether the application is the project's and counts (confirmed). */
  @Transactional(readOnly = true)
  public boolean isConfirmed(UUID projectId, String applicationId) {
    try {
      return applications
          .findById(UUID.fromString(applicationId))
          .filter(a -> a.getProjectId().equals(projectId))
          .filter(a -> a.getConfirmation() == Confirmation.CONFIRMED)
          .isPresent();
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
  }

  /**
   * The project's undecided applications that do not count yet, with the contact to call: for staff
   * to confirm after a call, on the screening page.
   */
  @Transactional(readOnly = true)
  public List<ToConfirm> toConfirm(UUID projectId) {
    return applications.findByProjectIdOrderBySubmittedAt(projectId).stream()
        .filter(Application::open)
        .filter(a -> a.getAnonymisedAt() == null)
        .filter(a -> a.getConfirmation() != Confirmation.CONFIRMED)
        .map(
            a ->
                new ToConfirm(
                    a.getId(),
                    a.getPseudonym(),
                    a.getName(),
                    a.getPhone(),
                    a.getEmail(),
                    a.getConfirmation() == Confirmation.PENDING))
        .toList();
  }

  /** An application to confirm; {@code linkSent} when a link went to its e-mail address. */
  public record ToConfirm(
      UUID applicationId,
      String pseudonym,
      String name,
      String phone,
      String email,
      boolean linkSent) {}
}
