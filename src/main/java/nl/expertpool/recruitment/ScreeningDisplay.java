package nl.expertpool.recruitment;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.tasks.TaskDataContributor;
import org.springframework.stereotype.Component;

/** Shows screeners who is behind each pseudonym; the engine only holds the pseudonyms. */
@Component
class ScreeningDisplay implements TaskDataContributor {

  private final Screening screening;

  ScreeningDisplay(Screening screening) {
    this.screening = screening;
  }

  @Override
  public boolean supports(String formId) {
    return ScreeningSubmission.FORM.equals(formId);
  }

  @Override
  public Map<String, Object> display(UserTask task) {
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    return Map.of("applicants", screening.screeningDisplay(projectId));
  }
}
