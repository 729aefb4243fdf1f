package nl.expertpool.insight.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.insight.RevisedSynthesis;
import nl.expertpool.insight.Synthesis;
import nl.expertpool.insight.Synthesis.State;
import nl.expertpool.insight.SynthesisReview;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.tasks.SubmissionStore;
import org.springframework.stereotype.Component;

/** The synthesis steps of {@code network-interviews}. */
@Component
public class InsightWorkers {

  public static final String SYNTHESISE = "insights.synthesise";
  public static final String APPLY_REVISION = "insights.apply-revision";
  public static final String APPROVE = "insights.approve";

  private final Synthesis synthesis;
  private final SubmissionStore submissions;
  private final JobLedger ledger;

  InsightWorkers(Synthesis synthesis, SubmissionStore submissions, JobLedger ledger) {
    this.synthesis = synthesis;
    this.submissions = submissions;
    this.ledger = ledger;
  }

  @JobWorker(type = SYNTHESISE, fetchVariables = "projectId")
  public Map<String, Object> synthesise(ActivatedJob job, @Variable String projectId) {
    return variables(
        ledger.once(job, State.class, () -> synthesis.synthesise(UUID.fromString(projectId))));
  }

  @JobWorker(type = APPLY_REVISION)
  public Map<String, Object> applyRevision(ActivatedJob job) {
    UUID projectId = UUID.fromString(String.valueOf(job.getVariablesAsMap().get("projectId")));
    return variables(
        ledger.once(
            job,
            State.class,
            () ->
                synthesis.revise(
                    projectId,
                    RevisedSynthesis.from(submissions.of(job, "revise-synthesis")),
                    SynthesisReview.from(submissions.of(job, "review-synthesis")))));
  }

  @JobWorker(type = APPROVE, fetchVariables = "projectId")
  public void approve(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, Integer.class, () -> synthesis.approve(UUID.fromString(projectId)));
  }

  /** The version and the theme names (project settings, not interview content) for the forms. */
  private static Map<String, Object> variables(State state) {
    return Map.of(
        "synthesisVersion", state.version(),
        "synthesisThemes", state.themes().stream().map(t -> Map.of("theme", t)).toList(),
        "interviewsRecorded", state.interviewsRecorded());
  }
}
