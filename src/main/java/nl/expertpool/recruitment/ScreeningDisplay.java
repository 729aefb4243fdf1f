package nl.expertpool.recruitment;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.tasks.TaskDataContributor;
import org.springframework.stereotype.Component;

/** Shows screeners who is behind each pseudonym; the engine only holds the pseudonyms. */
@Component
class ScreeningDisplay implements TaskDataContributor {

  private final Recruitment recruitment;

  ScreeningDisplay(Recruitment recruitment) {
    this.recruitment = recruitment;
  }

  @Override
  public boolean supports(String formId) {
    return ScreeningDecisions.FORM.equals(formId);
  }

  @Override
  public Map<String, Object> display(UserTask task) {
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    return Map.of("applicants", recruitment.screeningDisplay(projectId));
  }
}
