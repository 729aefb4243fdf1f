package nl.expertpool.feedback.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.feedback.FeedbackRound;
import nl.expertpool.feedback.FeedbackRound.Round;
import nl.expertpool.feedback.GivenFeedback;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.session.RevisedAgenda;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code feedback-round}. */
@Component
public class FeedbackWorkers {

  public static final String PREPARE = "feedback.prepare";
  public static final String STORE = "feedback.store";
  public static final String REMIND_EXPERT = "feedback.remind-expert";
  public static final String RECORD_MISSING = "feedback.record-missing";
  public static final String AGGREGATE = "feedback.aggregate";
  public static final String APPLY_REVISION = "feedback.apply-revision";

  private final FeedbackRound feedback;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  FeedbackWorkers(FeedbackRound feedback, SubmissionStore submissions, JobLedger ledger) {
    this.feedback = feedback;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = PREPARE, fetchVariables = "projectId")
  public Map<String, Object> prepare(ActivatedJob job, @Variable String projectId) {
    Round round = ledger.once(job, Round.class, () -> feedback.prepare(id(projectId)));
    return Map.of(
        "expertIds", round.expertIds(),
        "feedbackItems", round.items(),
        "feedbackReminder", round.reminder(),
        "feedbackDeadline", round.deadline());
  }

  @JobWorker(type = STORE)
  public void store(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    UUID projectId = id(variables.get("projectId"));
    ledger.once(
        job,
        Boolean.class,
        () ->
            feedback.store(
                projectId,
                RefusedInput.id(variables.get("expertId"), "expertId"),
                GivenFeedback.from(submissions.of(job, "give-feedback"))));
  }

  @JobWorker(
      type = REMIND_EXPERT,
      fetchVariables = {"projectId", "expertId"})
  public void remind(ActivatedJob job, @Variable String projectId, @Variable String expertId) {
    ledger.once(job, Boolean.class, () -> feedback.remind(id(projectId), id(expertId)));
  }

  @JobWorker(
      type = RECORD_MISSING,
      fetchVariables = {"projectId", "expertId"})
  public void recordMissing(
      ActivatedJob job, @Variable String projectId, @Variable String expertId) {
    ledger.once(job, Boolean.class, () -> feedback.recordMissing(id(projectId), id(expertId)));
  }

  @JobWorker(type = AGGREGATE, fetchVariables = "projectId")
  public Map<String, Object> aggregate(ActivatedJob job, @Variable String projectId) {
    List<?> flagged = ledger.once(job, List.class, () -> feedback.aggregate(id(projectId)));
    return Map.of("flaggedCount", flagged.size(), "flaggedItems", flagged);
  }

  @JobWorker(type = APPLY_REVISION)
  public void applyRevision(ActivatedJob job) {
    UUID projectId = id(job.getVariablesAsMap().get("projectId"));
    ledger.once(
        job,
        Integer.class,
        () ->
            feedback.applyRevision(
                projectId, RevisedAgenda.from(submissions.of(job, "revise-action-agenda"))));
  }

  private static UUID id(Object value) {
    return UUID.fromString(String.valueOf(value));
  }
}
