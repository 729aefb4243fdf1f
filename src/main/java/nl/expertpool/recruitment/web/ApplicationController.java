package nl.expertpool.recruitment.web;

import jakarta.validation.Valid;
import java.util.UUID;
import nl.expertpool.recruitment.ApplicationForm;
import nl.expertpool.recruitment.Recruitment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public sign-up: no account needed, the project's sign-up code is. */
@RestController
class ApplicationController {

  private final Recruitment recruitment;

  ApplicationController(Recruitment recruitment) {
    this.recruitment = recruitment;
  }

  @PostMapping(
      value = "/api/projects/{id}/applications",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Received apply(@PathVariable UUID id, @Valid @RequestBody ApplicationForm form) {
    return new Received(recruitment.apply(id, form), "received");
  }

  /** Only the id: the candidate's details are not echoed back. */
  record Received(UUID applicationId, String status) {}
}
