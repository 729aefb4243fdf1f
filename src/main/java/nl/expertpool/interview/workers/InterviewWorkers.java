package nl.expertpool.interview.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.interview.Interview.Status;
import nl.expertpool.interview.InterviewRecord;
import nl.expertpool.interview.InterviewRound;
import nl.expertpool.interview.InterviewRound.Plan;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.jobs.RefusedInput;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The automated steps of {@code network-interviews} up to the synthesis. */
@Component
public class InterviewWorkers {

  public static final String PREPARE = "interviews.prepare";
  public static final String STORE = "interviews.store";
  public static final String REMIND_EXPERT = "interviews.remind-expert";
  public static final String RECORD_MISSING = "interviews.record-missing";

  private final InterviewRound interviews;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  InterviewWorkers(InterviewRound interviews, SubmissionStore submissions, JobLedger ledger) {
    this.interviews = interviews;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = PREPARE, fetchVariables = "projectId")
  public Map<String, Object> prepare(ActivatedJob job, @Variable String projectId) {
    Plan plan = ledger.once(job, Plan.class, () -> interviews.plan(UUID.fromString(projectId)));
    return Map.of(
        "expertIds", plan.expertIds(),
        "interviewSlots", plan.slots(),
        "openSlots", openSlots(plan),
        "projectThemes", plan.themeOptions(),
        "interviewReminder", plan.reminder(),
        "interviewDeadline", plan.deadline(),
        "interviewsPlanned", plan.planned());
  }

  /** Every slot of every expert for a plan kept before plans said which were open. */
  private static Map<String, java.util.List<Integer>> openSlots(Plan plan) {
    if (plan.openSlots() != null) {
      return plan.openSlots();
    }
    var open = new java.util.LinkedHashMap<String, java.util.List<Integer>>();
    plan.expertIds().forEach(expert -> open.put(expert, plan.slots()));
    return open;
  }

  /** Reads the interview from the app's submission store, or from the job when Tasklist sent it. */
  @JobWorker(type = STORE)
  public void store(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    UUID projectId = JobLedger.projectId(job);
    ledger.once(
        job,
        Status.class,
        () ->
            interviews.store(
                projectId,
                RefusedInput.id(variables.get("expertId"), "expertId"),
                variables.get("interviewSlot") instanceof Number slot
                    ? slot.intValue()
                    : refusedSlot(variables.get("interviewSlot")),
                InterviewRecord.from(submissions.of(job, InterviewRound.FORM)),
                submissions.languageOf(job, InterviewRound.FORM).orElse(null)));
  }

  private static int refusedSlot(Object slot) {
    throw new RefusedInput("interviewSlot is no number: " + slot);
  }

  @JobWorker(
      type = REMIND_EXPERT,
      fetchVariables = {"projectId", "expertId"})
  public void remind(ActivatedJob job, @Variable String projectId, @Variable String expertId) {
    ledger.once(
        job,
        Integer.class,
        () -> interviews.remind(UUID.fromString(projectId), UUID.fromString(expertId)));
  }

  @JobWorker(
      type = RECORD_MISSING,
      fetchVariables = {"projectId", "expertId"})
  public void recordMissing(
      ActivatedJob job, @Variable String projectId, @Variable String expertId) {
    ledger.once(
        job,
        Integer.class,
        () -> interviews.recordMissing(UUID.fromString(projectId), UUID.fromString(expertId)));
  }
}
