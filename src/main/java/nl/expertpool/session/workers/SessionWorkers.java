package nl.expertpool.session.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.session.SessionOutcome;
import nl.expertpool.session.SessionPlan;
import nl.expertpool.session.SessionPlanning;
import nl.expertpool.session.SessionPlanning.Plan;
import nl.expertpool.session.SessionRecording;
import nl.expertpool.session.SessionRecording.OutcomeOptions;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code stakeholder-session}. */
@Component
public class SessionWorkers {

  public static final String INVITE = "session.invite";
  public static final String REMIND = "session.remind";
  public static final String PREPARE_OUTCOME = "session.prepare-outcome";
  public static final String STORE_AGENDA = "session.store-agenda";

  private final SessionPlanning planning;
  private final SessionRecording recording;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  SessionWorkers(
      SessionPlanning planning,
      SessionRecording recording,
      SubmissionStore submissions,
      JobLedger ledger) {
    this.planning = planning;
    this.recording = recording;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  /**
   * Which of the project's sessions the job is about: the stakeholder phase holds them one after
   * another, each an instance of {@code stakeholder-session} with its {@code sessionNumber}.
   */
  static int session(ActivatedJob job) {
    Object number = job.getVariablesAsMap().get("sessionNumber");
    if (number == null) {
      return 1;
    }
    if (number instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue()) {
      return n.intValue();
    }
    throw new IllegalArgumentException("sessionNumber " + number + " is not a session's number");
  }

  @JobWorker(type = INVITE)
  public Map<String, Object> invite(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    Plan plan =
        ledger.once(
            job,
            Plan.class,
            () ->
                planning.plan(
                    projectId,
                    session(job),
                    SessionPlan.from(submissions.of(job, "plan-stakeholder-session"))));
    return Map.of(
        "sessionAt", plan.sessionAt().toString(),
        "reminderAt", plan.reminderAt().toString(),
        "invitedOrganisations", plan.invited());
  }

  @JobWorker(
      type = REMIND,
      fetchVariables = {"projectId", "sessionNumber"})
  public void remind(ActivatedJob job, @Variable String projectId) {
    ledger.once(
        job, Integer.class, () -> planning.remind(UUID.fromString(projectId), session(job)));
  }

  @JobWorker(type = PREPARE_OUTCOME, fetchVariables = "projectId")
  public Map<String, Object> prepareOutcome(ActivatedJob job, @Variable String projectId) {
    OutcomeOptions options =
        ledger.once(
            job, OutcomeOptions.class, () -> recording.outcomeOptions(UUID.fromString(projectId)));
    return Map.of(
        "projectThemes", options.projectThemes(),
        "insightOptions", options.insightOptions(),
        "expertOptions", options.expertOptions());
  }

  @JobWorker(type = STORE_AGENDA)
  public Map<String, Object> storeAgenda(ActivatedJob job) {
    UUID projectId = JobLedger.projectId(job);
    int items =
        ledger.once(
            job,
            Integer.class,
            () ->
                recording.storeOutcome(
                    projectId,
                    session(job),
                    SessionOutcome.from(submissions.of(job, "record-session-outcome"))));
    return Map.of("agendaItemCount", items);
  }
}
