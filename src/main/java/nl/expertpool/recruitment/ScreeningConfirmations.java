package nl.expertpool.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.forms.FieldError;
import nl.expertpool.forms.FormValues;
import nl.expertpool.tasks.TaskSubmissionRule;
import org.springframework.stereotype.Component;

/**
 * A candidate is accepted only once their application is confirmed: by its e-mail link, or by staff
 * after a call (on the screening page). The worker refuses it too, for screenings completed in
 * Tasklist.
 */
@Component
class ScreeningConfirmations implements TaskSubmissionRule {

  static final String NOT_CONFIRMED =
      "cannot be accepted before the application is confirmed: call the applicant and confirm it"
          + " above";

  private final Recruitment recruitment;

  ScreeningConfirmations(Recruitment recruitment) {
    this.recruitment = recruitment;
  }

  @Override
  public boolean supports(String formId) {
    return "screen-candidates".equals(formId);
  }

  @Override
  public List<FieldError> problems(UserTask task, Map<String, Object> submission) {
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    var problems = new ArrayList<FieldError>();
    List<Map<String, Object>> rows = FormValues.rows(submission.get("candidates"));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      if ("accept".equals(String.valueOf(row.get("decision")).toLowerCase(Locale.ROOT))
          && !recruitment.isConfirmed(projectId, String.valueOf(row.get("applicationId")))) {
        problems.add(
            new FieldError(
                "candidates[%d].decision".formatted(i),
                NOT_CONFIRMED,
                "rule.not-confirmed",
                List.of()));
      }
    }
    return problems;
  }
}
