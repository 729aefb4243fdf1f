package nl.expertpool.recruitment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.recruitment.ApplicationForm;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.PublicApplicationLimiter;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applications. Without signing in (the public sign-up, rate-limited): 202, and the application
 * counts once confirmed. Signed in as staff or a project manager: the application is recorded on
 * the applicant's behalf and counts at once (201 with its id).
 */
@RestController
class ApplicationController {

  private final Intake intake;
  private final ApplicationConfirmation confirmation;
  private final PublicApplicationLimiter limits;

  ApplicationController(
      Intake intake, ApplicationConfirmation confirmation, PublicApplicationLimiter limits) {
    this.intake = intake;
    this.confirmation = confirmation;
    this.limits = limits;
  }

  @PostMapping(
      value = "/api/projects/{id}/applications",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> apply(
      @PathVariable UUID id, @Valid @RequestBody ApplicationForm form, HttpServletRequest request) {
    CurrentUser user = CurrentUser.get();
    if (user.isProjectManager() || user.is(Role.STAFF)) {
      UUID applicationId = intake.record(id, form, user.name());
      return ResponseEntity.created(URI.create("/api/projects/" + id + "/applications"))
          .body(new Recorded(applicationId, "confirmed"));
    }
    var wait = limits.take(request.getRemoteAddr(), id);
    if (wait.isPresent()) {
      return tooMany(wait.get());
    }
    Intake.Received received = intake.apply(id, form);
    return ResponseEntity.accepted()
        .body(new Received(received.name().toLowerCase(Locale.ROOT).replace('_', '-')));
  }

  /**
   * An applicant who gave a phone number confirms with the code texted to it (when an SMS gateway
   * is configured). Rate-limited as applications are.
   */
  @PostMapping(
      value = "/api/projects/{id}/applications/confirmation",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> confirmByCode(
      @PathVariable UUID id, @Valid @RequestBody CodeRequest code, HttpServletRequest request) {
    var wait = limits.take(request.getRemoteAddr(), id);
    if (wait.isPresent()) {
      return tooMany(wait.get());
    }
    return switch (confirmation.confirmByCode(id, code.phone(), code.code())) {
      case CONFIRMED -> ResponseEntity.noContent().build();
      case WRONG ->
          throw ApiException.invalid("code", "does not match the code sent to this phone");
      case SPENT ->
          throw ApiException.conflict(
              "This code no longer works (used, expired or tried too often): the project's staff"
                  + " can confirm your application after a call.");
    };
  }

  /** The phone number applied with and the code texted to it. */
  record CodeRequest(
      @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number")
          String phone,
      @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the six digits sent")
          String code) {}

  /** Staff confirm an application after calling the applicant. */
  @PostMapping("/api/projects/{id}/applications/{applicationId}/confirmation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@PathVariable UUID id, @PathVariable UUID applicationId) {
    confirmation.confirm(id, applicationId, CurrentUser.get().name());
  }

  private static ResponseEntity<ProblemDetail> tooMany(java.time.Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + 1);
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many applications from this address or for this project; nothing was stored."
                + " Try again in "
                + Math.max(1, (seconds + 59) / 60)
                + " minutes, or ask the project's staff to record your application.");
    problem.setType(URI.create("about:blank"));
    problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * What the public sign-up answers: only how the application will be confirmed ({@code
   * confirmation-sent}: follow the link in the e-mail; {@code code-sent}: type the code texted to
   * the phone; {@code awaiting-call}: staff will call), the same for a first and a repeated
   * application, so that nobody learns who applied.
   */
  record Received(String status) {}

  /** An application staff recorded; it counts at once. */
  record Recorded(UUID applicationId, String status) {}
}
