package nl.expertpool.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.forms.FieldError;
import nl.expertpool.recruitment.ScreeningSubmission.ScreeningDecision;
import nl.expertpool.tasks.TaskSubmissionRule;
import org.springframework.stereotype.Component;

/**
 * A candidate is accepted only once their application is confirmed: by its e-mail link, or by staff
 * after a call (on the screening page). The worker refuses it too, for screenings completed in
 * Tasklist.
 */
@Component
class ConfirmedBeforeAcceptance implements TaskSubmissionRule {

  static final String NOT_CONFIRMED =
      "cannot be accepted before the application is confirmed: call the applicant and confirm it"
          + " above";

  private final ApplicationConfirmation confirmation;

  ConfirmedBeforeAcceptance(ApplicationConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  @Override
  public boolean supports(String formId) {
    return ScreeningSubmission.FORM.equals(formId);
  }

  @Override
  public List<FieldError> problems(UserTask task, Map<String, Object> submission) {
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    var problems = new ArrayList<FieldError>();
    for (ScreeningDecision decision : ScreeningSubmission.from(submission).decisions()) {
      if (decision.accepts() && !confirmation.isConfirmed(projectId, decision.applicationId())) {
        problems.add(
            new FieldError(
                ScreeningSubmission.decisionField(decision.row()),
                NOT_CONFIRMED,
                "rule.not-confirmed",
                List.of()));
      }
    }
    return problems;
  }
}
