package nl.expertpool.followup.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.followup.AgendaFollowUp;
import nl.expertpool.followup.AgendaFollowUp.Round;
import nl.expertpool.followup.AgendaFollowUp.Schedule;
import nl.expertpool.followup.FollowUpSession;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code agenda-follow-up}. */
@Component
public class FollowUpWorkers {

  public static final String START = "followup.start";
  public static final String REQUEST_STATUS = "followup.request-status";
  public static final String REMIND = "followup.remind";
  public static final String STORE_SESSION = "followup.store-session";

  private final AgendaFollowUp followUp;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  FollowUpWorkers(AgendaFollowUp followUp, SubmissionStore submissions, JobLedger ledger) {
    this.followUp = followUp;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = START, fetchVariables = "projectId")
  public Map<String, Object> start(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    Schedule schedule = ledger.once(job, Schedule.class, () -> followUp.start(projectId));
    return Map.of(
        "statusRound", 0,
        "nextRequestAt", schedule.firstRequestAt().toString(),
        "statusRounds", schedule.rounds());
  }

  @JobWorker(
      type = REQUEST_STATUS,
      fetchVariables = {"projectId", "statusRound"})
  public Map<String, Object> requestStatus(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    int round = round(job) + 1;
    Round sent = ledger.once(job, Round.class, () -> followUp.requestStatus(projectId, round));
    return Map.of(
        "statusRound", sent.round(),
        "reminderAt", sent.reminderAt().toString(),
        "nextRequestAt", sent.nextRequestAt().toString(),
        "lastRound", sent.lastRound(),
        "statusRequestsSent", sent.sent());
  }

  @JobWorker(
      type = REMIND,
      fetchVariables = {"projectId", "statusRound"})
  public Map<String, Object> remind(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    int round = round(job);
    int reminded = ledger.once(job, Integer.class, () -> followUp.remind(projectId, round));
    return Map.of("ownersReminded", reminded);
  }

  @JobWorker(type = STORE_SESSION)
  public void storeSession(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    ledger.once(
        job,
        Boolean.class,
        () -> {
          followUp.storeSession(
              projectId, FollowUpSession.from(submissions.of(job, "hold-follow-up-session")));
          return true;
        });
  }

  private static int round(ActivatedJob job) {
    Object round = job.getVariablesAsMap().get("statusRound");
    if (round instanceof Number n && n.intValue() >= 0) {
      return n.intValue();
    }
    throw new IllegalArgumentException("statusRound " + round + " is not a round");
  }
}
