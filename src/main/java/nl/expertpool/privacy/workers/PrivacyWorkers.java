package nl.expertpool.privacy.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import nl.expertpool.jobs.JobLedger;
import nl.expertpool.privacy.Anonymiser;
import org.springframework.stereotype.Component;

/** Anonymises a project when its retention period is over. */
@Component
public class PrivacyWorkers {

  public static final String ANONYMISE = "privacy.anonymise";

  private final Anonymiser anonymiser;
  private final JobLedger ledger;

  PrivacyWorkers(Anonymiser anonymiser, JobLedger ledger) {
    this.anonymiser = anonymiser;
    this.ledger = ledger;
  }

  @JobWorker(type = ANONYMISE, fetchVariables = "projectId")
  public void anonymise(ActivatedJob job, @Variable String projectId) {
    ledger.once(job, Integer.class, () -> anonymiser.anonymiseProject(UUID.fromString(projectId)));
  }
}
