package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user task has a title in every language the pages offer, found by its form: in English the
 * title the model gives it, so that the pages and Operate name a task alike.
 */
class TaskTitlesTest {

  @Test
  void everyUserTaskIsTitledInEnglishAsInItsModelAndInDutch() throws IOException {
    Map<String, String> fromModels = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          var form =
              task.getExtensionElements()
                  .getElementsQuery()
                  .filterByType(ZeebeFormDefinition.class)
                  .singleResult();
          String previous = fromModels.put(form.getFormId(), task.getName());
          assertThat(previous)
              .as("tasks of form %s share their title", form.getFormId())
              .isIn(null, task.getName());
        }
      }
    }
    Properties english = messages("messages.properties");
    Properties dutch = messages("messages_nl.properties");

    assertThat(fromModels).isNotEmpty();
    fromModels.forEach(
        (form, title) -> {
          assertThat(english.getProperty("task.title." + form)).as(form).isEqualTo(title);
          assertThat(dutch.getProperty("task.title." + form))
              .as(form)
              .isNotBlank()
              .isNotEqualTo(title);
        });
    assertThat(english.stringPropertyNames().stream().filter(k -> k.startsWith("task.title.")))
        .as("no titles of forms no task links")
        .allMatch(k -> fromModels.containsKey(k.substring("task.title.".length())));
  }

  private static Properties messages(String name) throws IOException {
    var properties = new Properties();
    try (InputStream in = TaskTitlesTest.class.getResourceAsStream("/" + name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
