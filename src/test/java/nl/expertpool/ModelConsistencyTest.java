package nl.expertpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelConsistencyTest {

  @Test
  void everyModelAndFormInTheRepositoryKeepsTheRules() {
    var problems =
        ModelConsistency.problems(
            Path.of("bpmn"), Path.of("forms"), ModelConsistency.mainWorkerJobTypes());

    assertThat(problems).isEmpty();
  }

  @Test
  void theSampleModelKeepsTheRules() {
    var problems =
        ModelConsistency.problems(
            Path.of("src/test/resources/bpmn"),
            Path.of("src/test/resources/forms"),
            Set.of("sample.prepare"));

    assertThat(problems).isEmpty();
  }

  @Test
  void reportsEveryBrokenRuleOfABrokenModel() {
    var problems =
        ModelConsistency.problems(
            Path.of("src/test/resources/broken-models/bpmn"),
            Path.of("src/test/resources/broken-models/forms"),
            Set.of("sample.prepare"));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "misnamed.form: form id 'something-else' differs from the file name",
            "broken-model.bpmn: no process with the file's name as its id",
            "broken-model.bpmn: UnlaidTask has no shape in the diagram",
            "broken-model.bpmn: Flow_3 has no edge in the diagram",
            "broken-model.bpmn: UnlaidTask has no name",
            "broken-model.bpmn: NoFormTask links no form",
            "broken-model.bpmn: MissingFormTask links form 'no-such-form', which is not in forms/",
            "broken-model.bpmn: JobBasedTask is a job-based user task, not a Camunda user task",
            "broken-model.bpmn: job type 'nobody.handles-this' has no @JobWorker");
  }

  @Test
  void reportsAModelTheEngineWouldRejectWithoutLookingFurther() {
    var problems =
        ModelConsistency.problems(
            Path.of("src/test/resources/invalid-models"), Path.of("forms"), Set.of());

    assertThat(problems).singleElement().asString().startsWith("invalid-model.bpmn: invalid model");
  }
}
