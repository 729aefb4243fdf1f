package nl.expertpool.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.tasks.TaskDataContributor;
import org.springframework.stereotype.Component;

/**
 * Shows reviewers the synthesis and gives the revision form each theme's current summary; the
 * engine holds only the theme names.
 */
@Component
class SynthesisDisplay implements TaskDataContributor {

  private static final Set<String> FORMS = Set.of("review-synthesis", "revise-synthesis");

  private final Synthesis synthesis;

  SynthesisDisplay(Synthesis synthesis) {
    this.synthesis = synthesis;
  }

  @Override
  public boolean supports(String formId) {
    return FORMS.contains(formId);
  }

  @Override
  public Map<String, Object> display(UserTask task) {
    UUID projectId = UUID.fromString(String.valueOf(task.variables().get("projectId")));
    return synthesis
        .of(projectId)
        .<Map<String, Object>>map(
            s -> {
              Map<String, Object> summaries = new LinkedHashMap<>();
              s.themes().forEach(t -> summaries.put(t.theme(), t.summary()));
              return Map.of("synthesis", s, "summaries", summaries);
            })
        .orElse(Map.of());
  }
}
