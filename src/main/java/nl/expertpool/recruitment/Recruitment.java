package nl.expertpool.recruitment;

import io.camunda.client.CamundaClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.notification.Notifications;
import nl.expertpool.notification.Notifications.Recipient;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectCancelled;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.recruitment.Application.Confirmation;
import nl.expertpool.recruitment.Application.Decision;
import nl.expertpool.recruitment.ScreeningDecisions.ScreeningDecision;
import nl.expertpool.web.ApiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens the call, takes applications, records screening decisions and forms the pool. */
@Service
public class Recruitment {

  public static final String APPLICATION_MESSAGE = "expert-application-received";
  static final Duration EXTENSION = Duration.ofDays(7);
  private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RecruitmentCalls calls;
  private final Applications applications;
  private final ConsentRecords consents;
  private final Experts experts;
  private final ExpertAccounts expertAccounts;
  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final CamundaClient engine;
  private final ApplicationConfirmations confirmations;
  private final Limits limits;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Recruitment(
      RecruitmentCalls calls,
      Applications applications,
      ConsentRecords consents,
      Experts experts,
      ExpertAccounts expertAccounts,
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      Notifications notifications,
      AuditTrail audit,
      CamundaClient engine,
      ApplicationConfirmations confirmations,
      Limits limits,
      TransactionTemplate transactions,
      Clock clock) {
    this.calls = calls;
    this.applications = applications;
    this.consents = consents;
    this.experts = experts;
    this.expertAccounts = expertAccounts;
    this.projects = projects;
    this.milestones = milestones;
    this.notifications = notifications;
    this.audit = audit;
    this.engine = engine;
    this.confirmations = confirmations;
    this.limits = limits;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Opens the project's call (once): a sign-up code and the window from now on. */
  @Transactional
  public CallState openCall(UUID projectId) {
    RecruitmentCall call =
        calls
            .findByProjectId(projectId)
            .orElseGet(
                () -> {
                  Project project = projects.get(projectId);
                  Instant now = clock.instant();
                  var opened =
                      calls.save(
                          new RecruitmentCall(
                              projectId,
                              newSignUpCode(),
                              now,
                              now.plus(Duration.ofDays(project.getRecruitmentWindowDays()))));
                  milestones.progress(
                      projectId,
                      MilestoneKey.EXPERTS_RECRUITED,
                      0,
                      project.getTargetExperts(),
                      "experts");
                  audit.record(
                      AuditTrail.ENGINE,
                      "recruitment.call-opened",
                      AuditTrail.project(projectId),
                      "window closes " + opened.getClosesAt());
                  return opened;
                });
    return state(call);
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
    return transactions.execute(
        status -> {
          Project project = openCall(projectId, form.signUpCode());
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
                recipient(application),
                "application-confirm",
                confirmations.issue(application.getId(), application.getPreferredLanguage()),
                project.getName());
          } else if (byText) {
            notifications.text(
                recipient(application),
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
    UUID id =
        transactions.execute(
            status -> {
              Project project = projects.get(projectId);
              RecruitmentCall call = call(projectId);
              if (project.getStatus() != ProjectStatus.ACTIVE
                  || call.getStatus() != RecruitmentCall.Status.OPEN) {
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
                  store(projectId, form, Confirmation.PENDING, contact, actor, "recorded by staff");
              application.confirm(
                  clock.instant(), "recorded by " + actor + " (" + form.consent().method() + ")");
              return application.getId();
            });
    tell(projectId, id);
    return id;
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
    confirmed.ifPresent(a -> tell(a.getProjectId(), a.getId()));
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
                      .findByProjectIdAndContactHash(projectId, contactHash(projectId, form))
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
          .findByProjectIdAndContactHash(projectId, contactHash(projectId, form))
          .ifPresent(a -> tell(projectId, a.getId()));
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
      tell(projectId, applicationId);
    }
    return confirmed;
  }

  /** The project of an open call whose sign-up code this is; refused otherwise. */
  private Project openCall(UUID projectId, String signUpCode) {
    Project project = projects.get(projectId);
    RecruitmentCall call =
        calls
            .findByProjectId(projectId)
            .filter(c -> c.getSignUpCode().equalsIgnoreCase(signUpCode.strip()))
            .orElseThrow(
                () -> ApiException.invalid("signUpCode", "does not match this project's call"));
    if (project.getStatus() != ProjectStatus.ACTIVE
        || call.getStatus() != RecruitmentCall.Status.OPEN) {
      throw ApiException.conflict("Applications for this project are closed.");
    }
    return project;
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
    consents.save(
        new ConsentRecord(
            application.getId(),
            form.consent().textVersion().strip(),
            now,
            form.consent().method().strip()));
    audit.record(
        actor,
        "recruitment.application-received",
        AuditTrail.project(projectId),
        "application " + application.getId() + ", " + how);
    return application;
  }

  /** Tells the process that a confirmed application arrived (once: the id is the message id). */
  private void tell(UUID projectId, UUID applicationId) {
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
    return ApplicationConfirmations.hash(projectId + ":" + contact);
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
        notifications.send(recipient(application), "application-received", project.getName());
        told++;
      }
    }
    return told;
  }

  /** Whether applications lag behind the target halfway through the window. */
  @Transactional(readOnly = true)
  public boolean belowTarget(UUID projectId) {
    return applications.countByProjectIdAndConfirmation(projectId, Confirmation.CONFIRMED)
        < projects.get(projectId).getTargetExperts();
  }

  /**
   * Closes the window for screening; the candidates to decide on, by pseudonym only: the confirmed
   * applications, and those that wait for staff to confirm them after a call. Applications whose
   * e-mail link was not followed do not count.
   */
  @Transactional
  public List<Candidate> prepareScreening(UUID projectId) {
    call(projectId).screening();
    return applications.findByProjectIdOrderBySubmittedAt(projectId).stream()
        .filter(Application::open)
        .filter(a -> a.getConfirmation() != Confirmation.PENDING)
        .map(a -> new Candidate(a.getId().toString(), "Candidate " + a.getPseudonym()))
        .toList();
  }

  /**
   * Stores the screening decisions, adds accepted candidates to the pool and tells every candidate
   * the outcome. Decisions on candidates decided before are ignored.
   */
  @Transactional
  public PoolState storeDecisions(UUID projectId, ScreeningDecisions screening) {
    List<ScreeningDecision> decisions = screening.decisions();
    Project project = projects.get(projectId);
    Instant now = clock.instant();
    var seen = new HashSet<UUID>();
    var screened = new ArrayList<Application>();
    for (ScreeningDecision decision : decisions) {
      UUID applicationId = RefusedInput.id(decision.applicationId(), "applicationId");
      screened.add(
          applications
              .findById(applicationId)
              .filter(a -> a.getProjectId().equals(projectId))
              .orElseThrow(
                  () ->
                      new RefusedInput(
                          "Application " + applicationId + " is not of project " + projectId)));
      if (!Application.DECISIONS.contains(decision.decision().toUpperCase(java.util.Locale.ROOT))) {
        throw new RefusedInput("Decision " + decision.decision() + " is not a screening decision");
      }
      if (decision.accepts() && screened.getLast().getConfirmation() != Confirmation.CONFIRMED) {
        throw new RefusedInput(
            "Application " + applicationId + " is not confirmed: confirm it before accepting");
      }
    }
    for (int i = 0; i < decisions.size(); i++) {
      ScreeningDecision decision = decisions.get(i);
      Application application = screened.get(i);
      UUID applicationId = application.getId();
      if (!seen.add(applicationId) || !application.open()) {
        continue;
      }
      Decision outcome = Decision.valueOf(decision.decision().toUpperCase(java.util.Locale.ROOT));
      application.decide(outcome, decision.note(), now);
      String template =
          switch (outcome) {
            case ACCEPT -> {
              experts.save(new Expert(application, now));
              yield "application-accepted";
            }
            case REJECT -> "application-rejected";
            case WAITLIST -> "application-waitlisted";
          };
      notifications.send(recipient(application), template, project.getName());
    }
    int accepted = (int) experts.countByProjectId(projectId);
    milestones.progress(
        projectId, MilestoneKey.EXPERTS_RECRUITED, accepted, project.getTargetExperts(), "experts");
    audit.record(
        AuditTrail.ENGINE,
        "recruitment.decisions-stored",
        AuditTrail.project(projectId),
        decisions.size() + " decisions, pool of " + accepted);
    return new PoolState(accepted, project.getMinimumPool(), accepted >= project.getMinimumPool());
  }

  /** Reopens the window for another seven days. */
  @Transactional
  public CallState extendWindow(UUID projectId) {
    RecruitmentCall call = call(projectId);
    call.extend(clock.instant(), EXTENSION);
    audit.record(
        AuditTrail.ENGINE,
        "recruitment.window-extended",
        AuditTrail.project(projectId),
        "closes " + call.getClosesAt());
    return state(call);
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

  @Transactional(readOnly = true)
  public CallState callOf(UUID projectId) {
    return calls.findByProjectId(projectId).map(Recruitment::state).orElse(null);
  }

  /** What screeners see beside the pseudonyms: name, languages, motivation, per application. */
  @Transactional(readOnly = true)
  Map<String, Object> screeningDisplay(UUID projectId) {
    Map<String, Object> byApplication = new LinkedHashMap<>();
    for (Application a : applications.findByProjectIdOrderBySubmittedAt(projectId)) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("pseudonym", a.getPseudonym());
      shown.put("name", a.getName());
      shown.put("languages", a.getLanguages());
      shown.put("motivation", a.getMotivation());
      shown.put("submittedAt", a.getSubmittedAt().toString());
      shown.put("confirmed", a.getConfirmation() == Confirmation.CONFIRMED ? "✓" : "✗");
      byApplication.put(a.getId().toString(), shown);
    }
    return byApplication;
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

  /** Tells the pool and the undecided candidates that the project stopped. */
  @EventListener
  void on(ProjectCancelled cancelled) {
    Project project = projects.get(cancelled.projectId());
    for (Application a : applications.findByProjectIdOrderBySubmittedAt(cancelled.projectId())) {
      if (a.getDecision() != Decision.REJECT) {
        notifications.send(recipient(a), "project-cancelled", project.getName());
      }
    }
  }

  private RecruitmentCall call(UUID projectId) {
    return calls
        .findByProjectId(projectId)
        .orElseThrow(() -> new IllegalStateException("Project " + projectId + " has no call"));
  }

  private Expert expert(UUID expertId) {
    return experts
        .findById(expertId)
        .orElseThrow(() -> new IllegalArgumentException("No expert " + expertId));
  }

  private static CallState state(RecruitmentCall call) {
    return new CallState(
        call.getId(),
        call.getSignUpCode(),
        call.getStatus().name(),
        call.getClosesAt(),
        call.halfway(),
        call.getExtensions());
  }

  private static Recipient recipient(Application a) {
    return new Recipient(a.getId(), a.getEmail(), a.getPhone(), a.getPreferredLanguage());
  }

  private String newSignUpCode() {
    String code;
    do {
      code = random(8);
    } while (calls.existsBySignUpCode(code));
    return code;
  }

  private String newPseudonym(UUID projectId) {
    String pseudonym;
    do {
      pseudonym = "A-" + random(4);
    } while (applications.existsByProjectIdAndPseudonym(projectId, pseudonym));
    return pseudonym;
  }

  private static String random(int length) {
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)]);
    }
    return text.toString();
  }

  /**
   * How many applications a call takes: this many for every expert the project seeks (so a call for
   * 25 experts takes 250), so that screening stays possible and a flood of applications stops.
   */
  @ConfigurationProperties("expertpool.recruitment")
  public record Limits(int applicationsPerExpertSought) {
    public Limits {
      applicationsPerExpertSought =
          applicationsPerExpertSought <= 0 ? 10 : applicationsPerExpertSought;
    }
  }

  /** The call as the process and project managers see it. */
  public record CallState(
      UUID recruitmentId,
      String signUpCode,
      String status,
      Instant windowCloses,
      Instant windowHalfway,
      int windowExtensions) {}

  /** A candidate on the screening form: the id and a pseudonym, nothing personal. */
  public record Candidate(String applicationId, String label) {}

  public record PoolState(int acceptedCount, int minimumPool, boolean enoughExperts) {}
}
