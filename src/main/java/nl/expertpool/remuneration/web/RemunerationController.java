package nl.expertpool.remuneration.web;

import java.util.UUID;
import nl.expertpool.project.ProjectLifecycle;
import nl.expertpool.remuneration.PaidTime;
import nl.expertpool.remuneration.PaidTime.Overview;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paid time per expert (project managers only). The JSON names experts by pseudonym; the CSV is the
 * payout list for the finance team and so carries names and e-mail addresses.
 */
@RestController
class RemunerationController {

  private static final String PATH = "/api/projects/{id}/remuneration";

  private final PaidTime paidTime;
  private final ProjectLifecycle projects;

  RemunerationController(PaidTime paidTime, ProjectLifecycle projects) {
    this.paidTime = paidTime;
    this.projects = projects;
  }

  @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Overview overview(@PathVariable UUID id) {
    return paidTime.overview(existing(id));
  }

  @GetMapping(value = PATH, produces = Csv.MEDIA_TYPE)
  ResponseEntity<String> payoutList(@PathVariable UUID id) {
    return Csv.download(paidTime.payoutList(existing(id)));
  }

  private UUID existing(UUID id) {
    return projects.find(id).orElseThrow(() -> ApiException.notFound("No project " + id)).getId();
  }
}
