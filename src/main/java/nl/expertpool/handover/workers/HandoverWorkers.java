package nl.expertpool.handover.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.handover.Handover;
import nl.expertpool.handover.HandoverAcceptance;
import nl.expertpool.handover.HandoverMeeting;
import nl.expertpool.handover.HandoverPackage;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.remuneration.Remuneration.Settlement;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code project-handover}. */
@Component
public class HandoverWorkers {

  public static final String BUILD_PACKAGE = "handover.build-package";
  public static final String STORE_MEETING = "handover.store-meeting";
  public static final String REMIND_CLIENT = "handover.remind-client";
  public static final String SETTLE = "handover.settle-remuneration";

  private final HandoverPackage handoverPackage;
  private final Handover handover;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  HandoverWorkers(
      HandoverPackage handoverPackage,
      Handover handover,
      SubmissionStore submissions,
      JobLedger ledger) {
    this.handoverPackage = handoverPackage;
    this.handover = handover;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = BUILD_PACKAGE, fetchVariables = "projectId")
  public void build(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, Integer.class, () -> handoverPackage.build(UUID.fromString(projectId)));
  }

  @JobWorker(type = STORE_MEETING)
  public void storeMeeting(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    ledger.once(
        job,
        () ->
            handover.recordMeeting(
                projectId, HandoverMeeting.from(submissions.of(job, "hold-handover-meeting"))));
  }

  @JobWorker(type = REMIND_CLIENT, fetchVariables = "projectId")
  public void remindClient(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, () -> handover.remindClient(UUID.fromString(projectId)));
  }

  @JobWorker(type = SETTLE)
  public Map<String, Object> settle(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    Settlement settlement =
        ledger.once(
            job,
            Settlement.class,
            () ->
                handover.acceptAndSettle(
                    projectId, HandoverAcceptance.from(submissions.of(job, "accept-handover"))));
    return Map.of("settledHours", settlement.totalHours().toPlainString());
  }
}
