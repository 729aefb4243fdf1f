package nl.expertpool.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectCancelled;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.project.ProjectStatus;
import nl.expertpool.recruitment.Application.Confirmation;
import nl.expertpool.recruitment.Application.Decision;
import nl.expertpool.web.ApiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's call for experts: its sign-up code, and the window in which it takes applications,
 * opened, extended and closed for screening. Tells everyone who applied when the project stops.
 */
@Service
public class CallForExperts {

  static final Duration EXTENSION = Duration.ofDays(7);

  private final RecruitmentCalls calls;
  private final Applications applications;
  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final Clock clock;

  CallForExperts(
      RecruitmentCalls calls,
      Applications applications,
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      Messenger notifications,
      AuditTrail audit,
      Clock clock) {
    this.calls = calls;
    this.applications = applications;
    this.projects = projects;
    this.milestones = milestones;
    this.notifications = notifications;
    this.audit = audit;
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

  @Transactional(readOnly = true)
  public CallState callOf(UUID projectId) {
    return calls.findByProjectId(projectId).map(CallForExperts::state).orElse(null);
  }

  /** Whether applications lag behind the target halfway through the window. */
  @Transactional(readOnly = true)
  public boolean belowTarget(UUID projectId) {
    return applications.countByProjectIdAndConfirmation(projectId, Confirmation.CONFIRMED)
        < projects.get(projectId).getTargetExperts();
  }

  /** Tells the pool and the undecided candidates that the project stopped. */
  @EventListener
  void on(ProjectCancelled cancelled) {
    Project project = projects.get(cancelled.projectId());
    for (Application a : applications.findByProjectIdOrderBySubmittedAt(cancelled.projectId())) {
      if (a.getDecision() != Decision.REJECT) {
        notifications.send(a.recipient(), "project-cancelled", project.getName());
      }
    }
  }

  /**
   * The project whose call takes applications under this sign-up code: open, of an active project.
   * Empty for any other code, without saying why, so that a code cannot be probed.
   */
  @Transactional(readOnly = true)
  public Optional<Project> openCall(String signUpCode) {
    if (signUpCode == null || !signUpCode.matches("[A-Za-z0-9]{4,20}")) {
      return Optional.empty();
    }
    return calls
        .findBySignUpCode(signUpCode.toUpperCase(java.util.Locale.ROOT))
        .filter(c -> c.getStatus() == RecruitmentCall.Status.OPEN)
        .map(c -> projects.get(c.getProjectId()))
        .filter(p -> p.getStatus() == ProjectStatus.ACTIVE);
  }

  /** The project of an open call whose sign-up code this is; refused otherwise. */
  Project openFor(UUID projectId, String signUpCode) {
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

  RecruitmentCall call(UUID projectId) {
    return calls
        .findByProjectId(projectId)
        .orElseThrow(() -> new IllegalStateException("Project " + projectId + " has no call"));
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

  private String newSignUpCode() {
    String code;
    do {
      code = RandomCode.of(8);
    } while (calls.existsBySignUpCode(code));
    return code;
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
}
