package nl.expertpool.recruitment;

import java.time.Clock;
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
import nl.expertpool.notification.Messenger;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.recruitment.Application.Confirmation;
import nl.expertpool.recruitment.Application.Decision;
import nl.expertpool.recruitment.ScreeningSubmission.ScreeningDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening: closes the window, shows screeners the candidates (by pseudonym on the form, with what
 * they wrote beside it), and stores the decisions, which make the accepted candidates experts.
 */
@Service
public class Screening {

  private final CallForExperts call;
  private final Applications applications;
  private final Experts experts;
  private final ProjectLifecycle projects;
  private final MilestoneTracker milestones;
  private final Messenger notifications;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Screening(
      CallForExperts call,
      Applications applications,
      Experts experts,
      ProjectLifecycle projects,
      MilestoneTracker milestones,
      Messenger notifications,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.events = events;
    this.call = call;
    this.applications = applications;
    this.experts = experts;
    this.projects = projects;
    this.milestones = milestones;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Closes the window for screening; the candidates to decide on, by pseudonym only: the confirmed
   * applications, and those that wait for staff to confirm them after a call. Applications whose
   * e-mail link was not followed do not count.
   */
  @Transactional
  public List<Candidate> prepareScreening(UUID projectId) {
    call.call(projectId).screening();
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
  public PoolState storeDecisions(UUID projectId, ScreeningSubmission screening) {
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
              Expert expert = new Expert(application, now);
              Instant carried = application.getCarriedCertifiedAt();
              if (carried != null) {
                expert.certify(carried);
              }
              experts.save(expert);
              events.publishEvent(
                  new ExpertAccepted(projectId, applicationId, expert.getId(), carried));
              yield "application-accepted";
            }
            case REJECT -> "application-rejected";
            case WAITLIST -> "application-waitlisted";
          };
      notifications.send(application.recipient(), template, project.getName());
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
      if (a.getCarriedCertifiedAt() != null) {
        shown.put("certifiedAt", a.getCarriedCertifiedAt().toString());
      }
      byApplication.put(a.getId().toString(), shown);
    }
    return byApplication;
  }

  /** A candidate on the screening form: the id and a pseudonym, nothing personal. */
  public record Candidate(String applicationId, String label) {}

  public record PoolState(int acceptedCount, int minimumPool, boolean enoughExperts) {}
}
