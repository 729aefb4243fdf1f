package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The forms in the repository's {@code forms/}, which the workers and the engine rely on. */
class FormFilesTest {

  private static final Path FORMS = Path.of("forms");

  private static FormSchema form(String id) throws IOException {
    return FormSchema.parse(Files.readString(FORMS.resolve(id + ".form")));
  }

  @Test
  void everyFormParsesWithSupportedTypesOnly() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(FORMS)) {
      files = listing.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(files).isNotEmpty();

    var types = new ArrayList<String>();
    for (Path file : files) {
      // parse throws on any unsupported type, however deeply nested
      FormSchema form = FormSchema.parse(Files.readString(file));
      assertThat(form.id())
          .as(file.toString())
          .isEqualTo(file.getFileName().toString().replace(".form", ""));
      collectTypes(form.components(), types);
    }
    assertThat(types).isSubsetOf(FormComponent.SUPPORTED_TYPES);
  }

  private static void collectTypes(List<FormComponent> components, List<String> into) {
    for (var component : components) {
      into.add(component.type());
      collectTypes(component.components(), into);
    }
  }

  @Test
  void theOverdueDecisionGivesTheEngineTheDecisionAndTheDaysOnly() throws IOException {
    var form = form("phase-overdue-decision");
    Map<String, Object> submission =
        Map.of("overdueDecision", "extend", "extendByDays", 14, "overdueNote", "Holidays");

    assertThat(form.validate(submission)).isEmpty();
    assertThat(form.engineVariables(submission))
        .isEqualTo(Map.of("overdueDecision", "extend", "extendByDays", 14));
    assertThat(form.validate(Map.of("overdueDecision", "extend", "extendByDays", 91)))
        .containsExactly(new FieldError("extendByDays", "must be at most 90"));
    assertThat(form.validate(Map.of()))
        .containsExactly(new FieldError("overdueDecision", "is required"));
  }

  @Test
  void screeningNeedsADecisionForEveryCandidate() throws IOException {
    var form = form("screen-candidates");
    Map<String, Object> submission =
        Map.of(
            "candidates",
            List.of(
                Map.of("label", "A. Expert", "applicationId", "a-1", "decision", "accept"),
                Map.of("label", "B. Expert", "applicationId", "a-2")));

    assertThat(form.validate(submission))
        .containsExactly(new FieldError("candidates[1].decision", "is required"));
    assertThat(form.engineVariables(submission)).isEmpty();
  }

  @Test
  void aTrainingSessionNeedsItsStartDurationPlaceAndTrainer() throws IOException {
    var form = form("schedule-training");
    var session =
        Map.<String, Object>of(
            "startsAt",
            "2026-03-02T09:30",
            "durationHours",
            3.5,
            "location",
            "Utrecht",
            "trainer",
            "J. Jansen");

    assertThat(form.validate(Map.of("sessions", List.of(session)))).isEmpty();
    assertThat(form.validate(Map.of("sessions", List.of(Map.of("durationHours", 13)))))
        .containsExactly(
            new FieldError("sessions[0].startsAt", "is required"),
            new FieldError("sessions[0].durationHours", "must be at most 12"),
            new FieldError("sessions[0].location", "is required"),
            new FieldError("sessions[0].trainer", "is required"));
  }

  @Test
  void theCheckboxesThatCloseATaskMustBeTicked() throws IOException {
    assertThat(form("accept-handover").validate(Map.of("handoverAccepted", false)))
        .containsExactly(new FieldError("handoverAccepted", "is required"));
    assertThat(
            form("boost-recruitment")
                .validate(
                    Map.of("boostDone", true, "boostActions", List.of("social-media", "flyers"))))
        .containsExactly(
            new FieldError(
                "boostActions[1]",
                "must be one of social-media, partner-organisations, information-meeting,"
                    + " personal-outreach, other"));
  }
}
