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
import nl.expertpool.recruitment.Application.Decision;
import nl.expertpool.web.ApiException;
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

  /**
   * Stores an application with its consent record, then tells the process. Refused when the code is
   * wrong or the window is not open; nothing is stored then.
   */
  public UUID apply(UUID projectId, ApplicationForm form) {
    UUID id =
        transactions.execute(
            status -> {
              Project project = projects.get(projectId);
              RecruitmentCall call =
                  calls
                      .findByProjectId(projectId)
                      .filter(c -> c.getSignUpCode().equalsIgnoreCase(form.signUpCode().strip()))
                      .orElseThrow(
                          () ->
                              ApiException.invalid(
                                  "signUpCode", "does not match this project's call"));
              if (project.getStatus() != ProjectStatus.ACTIVE
                  || call.getStatus() != RecruitmentCall.Status.OPEN) {
                throw ApiException.conflict("Applications for this project are closed.");
              }
              Instant now = clock.instant();
              Application application =
                  applications.save(new Application(projectId, newPseudonym(projectId), form, now));
              consents.save(
                  new ConsentRecord(
                      application.getId(),
                      form.consent().textVersion().strip(),
                      now,
                      form.consent().method().strip()));
              audit.record(
                  "applicant",
                  "recruitment.application-received",
                  AuditTrail.project(projectId),
                  "application " + application.getId());
              return application.getId();
            });
    engine
        .newPublishMessageCommand()
        .messageName(APPLICATION_MESSAGE)
        .correlationKey(projectId.toString())
        .messageId(id.toString())
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    return id;
  }

  /** Confirms receipt to every applicant not yet told; returns how many were told now. */
  @Transactional
  public int acknowledgeApplications(UUID projectId) {
    Project project = projects.get(projectId);
    int told = 0;
    for (Application application :
        applications.findByProjectIdAndAcknowledgedAtIsNullOrderBySubmittedAt(projectId)) {
      if (application.acknowledge(clock.instant())) {
        notifications.send(recipient(application), "application-received", project.getName());
        told++;
      }
    }
    return told;
  }

  /** Whether applications lag behind the target halfway through the window. */
  @Transactional(readOnly = true)
  public boolean belowTarget(UUID projectId) {
    return applications.countByProjectId(projectId) < projects.get(projectId).getTargetExperts();
  }

  /** Closes the window for screening; the candidates to decide on, by pseudonym only. */
  @Transactional
  public List<Candidate> prepareScreening(UUID projectId) {
    call(projectId).screening();
    return applications.findByProjectIdOrderBySubmittedAt(projectId).stream()
        .filter(Application::open)
        .map(a -> new Candidate(a.getId().toString(), "Candidate " + a.getPseudonym()))
        .toList();
  }

  /**
   * Stores the screening decisions, adds accepted candidates to the pool and tells every candidate
   * the outcome. Decisions on candidates decided before are ignored.
   */
  @Transactional
  public PoolState storeDecisions(UUID projectId, List<ScreeningDecision> decisions) {
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

  /** The pool: experts by id and pseudonym. */
  @Transactional(readOnly = true)
  public List<PoolMember> pool(UUID projectId) {
    return experts.findByProjectIdOrderByPseudonym(projectId).stream()
        .map(
            e ->
                new PoolMember(
                    e.getId(), e.getPseudonym(), e.getStatus() == Expert.Status.CERTIFIED))
        .toList();
  }

  /**
   * Everyone who applied, for project managers: name, decision, and, for experts, their pseudonym,
   * certification and sign-in account.
   */
  @Transactional(readOnly = true)
  public List<Person> people(UUID projectId) {
    var all = applications.findByProjectIdOrderBySubmittedAt(projectId);
    Map<UUID, Expert> byApplication = new java.util.HashMap<>();
    experts
        .findByProjectIdOrderByPseudonym(projectId)
        .forEach(e -> byApplication.put(e.getApplicationId(), e));
    Map<UUID, String> accounts =
        expertAccounts.findByApplicationIdIn(all.stream().map(Application::getId).toList()).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ExpertAccount::getApplicationId, ExpertAccount::getUsername));
    return all.stream()
        .map(
            a -> {
              Expert e = byApplication.get(a.getId());
              return new Person(
                  a.getId(),
                  a.getPseudonym(),
                  a.getName(),
                  a.getSubmittedAt(),
                  a.getDecision() == null ? null : a.getDecision().name(),
                  a.getAnonymisedAt() != null,
                  e == null ? null : e.getId(),
                  e == null ? null : e.getPseudonym(),
                  e != null && e.getStatus() == Expert.Status.CERTIFIED,
                  accounts.get(a.getId()));
            })
        .toList();
  }

  /** Whether the expert is one of the project's pool. */
  @Transactional(readOnly = true)
  public boolean inPool(UUID projectId, UUID expertId) {
    return experts.findById(expertId).filter(e -> e.getProjectId().equals(projectId)).isPresent();
  }

  /** Marks an expert certified; false when they were before. */
  @Transactional
  public boolean certify(UUID expertId) {
    return expert(expertId).certify(clock.instant());
  }

  /** How to reach an expert, for notifications only. */
  @Transactional(readOnly = true)
  public Recipient recipientOf(UUID expertId) {
    return recipient(applications.findById(expert(expertId).getApplicationId()).orElseThrow());
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
      byApplication.put(a.getId().toString(), shown);
    }
    return byApplication;
  }

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

  public record ScreeningDecision(String applicationId, String decision, String note) {}

  public record PoolState(int acceptedCount, int minimumPool, boolean enoughExperts) {}

  public record PoolMember(UUID expertId, String pseudonym, boolean certified) {}

  /** An applicant as project managers see them; the expert fields are null for non-experts. */
  public record Person(
      UUID applicationId,
      String pseudonym,
      String name,
      Instant appliedAt,
      String decision,
      boolean anonymised,
      UUID expertId,
      String expertPseudonym,
      boolean certified,
      String account) {}

  /** The decisions in a screening submission's {@code candidates} list. */
  public static List<ScreeningDecision> decisionsFrom(Object candidates) {
    var decisions = new ArrayList<ScreeningDecision>();
    if (candidates instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> row && row.get("decision") != null) {
          decisions.add(
              new ScreeningDecision(
                  String.valueOf(row.get("applicationId")),
                  String.valueOf(row.get("decision")),
                  row.get("note") == null ? null : String.valueOf(row.get("note"))));
        }
      }
    }
    return decisions;
  }
}
