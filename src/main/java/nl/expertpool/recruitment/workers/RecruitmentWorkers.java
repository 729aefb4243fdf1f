package nl.expertpool.recruitment.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.CallForExperts.CallState;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.Screening;
import nl.expertpool.recruitment.Screening.Candidate;
import nl.expertpool.recruitment.Screening.PoolState;
import nl.expertpool.recruitment.ScreeningSubmission;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code expert-recruitment}. */
@Component
public class RecruitmentWorkers {

  public static final String OPEN_CALL = "recruitment.open-call";
  public static final String ACKNOWLEDGE_APPLICATIONS = "recruitment.acknowledge-applications";
  public static final String CHECK_PROGRESS = "recruitment.check-progress";
  public static final String PREPARE_SCREENING = "recruitment.prepare-screening";
  public static final String STORE_DECISIONS = "recruitment.store-decisions";
  public static final String EXTEND_WINDOW = "recruitment.extend-window";

  private final CallForExperts call;
  private final Intake intake;
  private final Screening screening;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  RecruitmentWorkers(
      CallForExperts call,
      Intake intake,
      Screening screening,
      SubmissionStore submissions,
      JobLedger ledger) {
    this.call = call;
    this.intake = intake;
    this.screening = screening;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = OPEN_CALL, fetchVariables = "projectId")
  public Map<String, Object> openCall(ActivatedJob job, @Variable String projectId) {
    return window(ledger.once(job, CallState.class, () -> call.openCall(id(projectId))));
  }

  @JobWorker(type = ACKNOWLEDGE_APPLICATIONS, fetchVariables = "projectId")
  public void acknowledge(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, Integer.class, () -> intake.acknowledgeApplications(id(projectId)));
  }

  @JobWorker(type = CHECK_PROGRESS, fetchVariables = "projectId")
  public Map<String, Object> checkProgress(ActivatedJob job, @Variable String projectId) {
    boolean below = ledger.once(job, Boolean.class, () -> call.belowTarget(id(projectId)));
    return Map.of("belowTarget", below);
  }

  @JobWorker(type = PREPARE_SCREENING, fetchVariables = "projectId")
  public Map<String, Object> prepareScreening(ActivatedJob job, @Variable String projectId) {
    Candidate[] candidates =
        ledger.once(
            job,
            Candidate[].class,
            () -> screening.prepareScreening(id(projectId)).toArray(Candidate[]::new));
    return Map.of("candidates", List.of(candidates), "candidateCount", candidates.length);
  }

  @JobWorker(type = STORE_DECISIONS)
  public Map<String, Object> storeDecisions(ActivatedJob job) {
    String projectId = String.valueOf(job.getVariablesAsMap().get("projectId"));
    PoolState pool =
        ledger.once(
            job,
            PoolState.class,
            () ->
                screening.storeDecisions(
                    id(projectId),
                    ScreeningSubmission.from(submissions.of(job, ScreeningSubmission.FORM))));
    return Map.of(
        "acceptedCount", pool.acceptedCount(),
        "minimumPool", pool.minimumPool(),
        "enoughExperts", pool.enoughExperts());
  }

  @JobWorker(type = EXTEND_WINDOW, fetchVariables = "projectId")
  public Map<String, Object> extendWindow(ActivatedJob job, @Variable String projectId) {
    return window(ledger.once(job, CallState.class, () -> call.extendWindow(id(projectId))));
  }

  private static Map<String, Object> window(CallState call) {
    return Map.of(
        "recruitmentId", call.recruitmentId().toString(),
        "windowCloses", call.windowCloses().toString(),
        "windowHalfway", call.windowHalfway().toString(),
        "windowExtensions", call.windowExtensions());
  }

  private static UUID id(String projectId) {
    return UUID.fromString(projectId);
  }
}
