package nl.expertpool.project.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.project.Phase;
import nl.expertpool.project.ProjectLifecycle;
import org.springframework.stereotype.Component;

/** Closing, completing and re-planning a project. */
@Component
public class ProjectWorkers {

  public static final String CLOSE = "project.close";
  public static final String COMPLETE = "project.complete";
  public static final String EXTEND_DEADLINE = "project.extend-deadline";

  private final ProjectLifecycle lifecycle;
  private final JobLedger ledger;

  ProjectWorkers(ProjectLifecycle lifecycle, JobLedger ledger) {
    this.lifecycle = lifecycle;
    this.ledger = ledger;
  }

  @JobWorker(type = CLOSE, fetchVariables = "projectId")
  public void close(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, () -> lifecycle.close(UUID.fromString(projectId)));
  }

  @JobWorker(type = COMPLETE, fetchVariables = "projectId")
  public void complete(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, () -> lifecycle.complete(UUID.fromString(projectId)));
  }

  /** Headers: {@code phase} (a {@link Phase#key()}) and {@code deadlineVariable}. */
  @JobWorker(
      type = EXTEND_DEADLINE,
      fetchVariables = {"projectId", "extendByDays"})
  public Map<String, Object> extendDeadline(
      ActivatedJob job, @Variable String projectId, @Variable Integer extendByDays) {
    Phase phase = Phase.ofKey(job.getCustomHeaders().get("phase"));
    String variable =
        job.getCustomHeaders().getOrDefault("deadlineVariable", phase.deadlineVariable());
    int days = extendByDays == null || extendByDays < 1 ? 7 : extendByDays;
    String due =
        ledger.once(
            job,
            String.class,
            () -> lifecycle.extendDeadline(UUID.fromString(projectId), phase, days).toString());
    return Map.of(variable, due);
  }
}
