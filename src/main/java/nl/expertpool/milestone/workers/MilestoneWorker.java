package nl.expertpool.milestone.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.milestone.MilestoneKey;
import nl.expertpool.milestone.MilestoneTracker;
import org.springframework.stereotype.Component;

/** Records the milestone named in the job's {@code milestone} header as reached. */
@Component
public class MilestoneWorker {

  public static final String RECORD = "milestone.record";

  private final MilestoneTracker tracker;
  private final JobLedger ledger;

  MilestoneWorker(MilestoneTracker tracker, JobLedger ledger) {
    this.tracker = tracker;
    this.ledger = ledger;
  }

  @JobWorker(type = RECORD, fetchVariables = "projectId")
  public void record(ActivatedJob job, @Variable String projectId) {
    MilestoneKey key = MilestoneKey.valueOf(job.getCustomHeaders().get("milestone"));
    ledger.once(job, () -> tracker.reach(UUID.fromString(projectId), key));
  }
}
