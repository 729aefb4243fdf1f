package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSubmissionTest {

  private final FormHtml html = new FormHtml();
  private final FormSchema form = FormSchema.parse(FormSamples.EVERY_TYPE);

  private static FormSchema file(String id) throws IOException {
    return FormSchema.parse(Files.readString(Path.of("forms", id + ".form")));
  }

  private static Map<String, List<String>> posted(String... namesAndValues) {
    var parameters = new LinkedHashMap<String, List<String>>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters
          .computeIfAbsent(namesAndValues[i], n -> new java.util.ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return parameters;
  }

  @Test
  void readsEachFieldIntoTheShapeTheApiReceives() {
    var submission =
        FormSubmission.read(
            form,
            posted(
                "_csrf", "token",
                "_present", "decision",
                "decision", "extend",
                "days", " 12.5",
                "note", "one\r\ntwo",
                "code", "",
                "_present", "done",
                "_present", "actions",
                "actions", "a",
                "actions", "c",
                "_present", "themes",
                "tags", "alpha, beta gamma,,",
                "size", "",
                "on", "2026-03-02",
                "contact.email", "a@b.nl",
                "count", "3",
                "address.city", "Utrecht",
                "_present", "address.rooms",
                "_present", "sessions",
                "_present", "sessions[0].paid",
                "sessions[0].startsAt", "2026-03-02T09:30"));

    var expected = new LinkedHashMap<String, Object>();
    expected.put("decision", "extend");
    expected.put("days", " 12.5");
    expected.put("note", "one\ntwo");
    expected.put("code", null);
    expected.put("done", false);
    expected.put("actions", List.of("a", "c"));
    expected.put("themes", List.of());
    expected.put("tags", List.of("alpha", "beta gamma"));
    expected.put("size", null);
    expected.put("on", "2026-03-02");
    expected.put("contact", Map.of("email", "a@b.nl"));
    expected.put("count", "3");
    expected.put("address", Map.of("city", "Utrecht", "rooms", List.of()));
    var session = new HashMap<String, Object>();
    session.put("paid", false);
    session.put("startsAt", "2026-03-02T09:30");
    expected.put("sessions", List.of(session));
    assertThat(submission).isEqualTo(expected);
    assertThat(form.validate(submission)).containsExactly(new FieldError("done", "is required"));
  }

  @Test
  void aPageWithoutTheFieldsSubmitsNothingForThem() {
    assertThat(FormSubmission.read(form, posted("done", "true"))).isEqualTo(Map.of("done", true));
    assertThat(FormSubmission.read(form, Map.of())).isEmpty();
  }

  @Test
  void keepsWhatTheFormDoesNotBindForTheValidatorToReport() {
    var submission =
        FormSubmission.read(
            form,
            posted(
                "_csrf", "t",
                "_add", "",
                "surname", "Jansen",
                "surname", "de Vries",
                "address.zip", "1234",
                "sessions[0].bogus", "x",
                "done", "yes"));

    assertThat(submission)
        .containsEntry("surname", List.of("Jansen", "de Vries"))
        .containsEntry("address.zip", "1234")
        .containsEntry("sessions[0].bogus", "x")
        .containsEntry("done", "yes")
        .doesNotContainKeys("_csrf", "_add");
    assertThat(form.validate(submission))
        .contains(
            new FieldError("surname", "is not a field of this form"),
            new FieldError("address.zip", "is not a field of this form"),
            new FieldError("sessions[0].bogus", "is not a field of this form"),
            new FieldError("done", "must be true or false"));
  }

  @Test
  void readsRowsInPageOrderWithoutGaps() {
    var submission =
        FormSubmission.read(
            form,
            posted(
                "sessions[10].startsAt", "2026-03-10T10:00",
                "sessions[2].startsAt", "2026-03-02T10:00",
                "sessions[2].helpers[3].name", "Ann",
                "_present", "sessions[2].helpers"));

    var sessions = FormValue.rows(submission.get("sessions"));
    assertThat(sessions)
        .extracting(r -> r.get("startsAt"))
        .containsExactly("2026-03-02T10:00", "2026-03-10T10:00");
    assertThat(sessions.getFirst().get("helpers")).isEqualTo(List.of(Map.of("name", "Ann")));
    assertThat(sessions.getLast()).doesNotContainKey("helpers");
  }

  @Test
  void numbersTypedAsTextGoToTheEngineAsNumbers() throws IOException {
    var overdue = file("phase-overdue-decision");
    var posted =
        FormBrowser.submit(
            html.render(overdue, Map.of("overdueDecision", "extend"), Map.of(), List.of()));
    var submission = FormSubmission.read(overdue, posted);

    assertThat(submission)
        .containsEntry("overdueDecision", "extend")
        .containsEntry("extendByDays", "7")
        .containsEntry("overdueNote", null);
    assertThat(overdue.validate(submission)).isEmpty();
    assertThat(overdue.engineVariables(submission))
        .isEqualTo(Map.of("overdueDecision", "extend", "extendByDays", 7L));
  }

  @Test
  void addsAndRemovesRowsWithThePageButtons() throws IOException {
    var training = file("schedule-training");
    var first = Map.of("startsAt", "2026-03-02T09:30", "durationHours", 3, "location", "Utrecht");
    var second =
        Map.of("startsAt", "2026-03-09T09:30", "location", "Zeist", "trainer", "J. Jansen");
    String page =
        html.render(training, Map.of("sessions", List.of(first, second)), Map.of(), List.of());

    var added = FormBrowser.press(page, FormSubmission.ADD, "sessions");
    assertThat(FormSubmission.changesRows(added)).isTrue();
    var withThree =
        FormSubmission.changeRows(training, FormSubmission.read(training, added), added);
    assertThat(FormValue.rows(withThree.get("sessions"))).hasSize(3);
    assertThat(FormValue.rows(withThree.get("sessions")).getLast()).isEmpty();
    String threeRows = html.render(training, withThree, Map.of(), List.of());
    assertThat(FormBrowser.parse(threeRows).select("[name=\"sessions[2].location\"]")).hasSize(1);
    assertThat(
            FormValue.rows(
                    FormSubmission.read(training, FormBrowser.submit(threeRows)).get("sessions"))
                .get(1))
        .containsEntry("location", "Zeist")
        .containsEntry("trainer", "J. Jansen");

    var removed = FormBrowser.press(page, FormSubmission.REMOVE, "sessions[0]");
    var withOne =
        FormSubmission.changeRows(training, FormSubmission.read(training, removed), removed);
    assertThat(FormValue.rows(withOne.get("sessions")))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("location", "Zeist"));

    String oneRow = html.render(training, withOne, Map.of(), List.of());
    var lastRemoved = FormBrowser.press(oneRow, FormSubmission.REMOVE, "sessions[0]");
    var withNone =
        FormSubmission.changeRows(
            training, FormSubmission.read(training, lastRemoved), lastRemoved);
    assertThat(withNone.get("sessions")).isEqualTo(List.of());
    String noRows = html.render(training, withNone, Map.of(), List.of());
    assertThat(FormBrowser.parse(noRows).select("div.row")).isEmpty();
    assertThat(FormSubmission.read(training, FormBrowser.submit(noRows)))
        .isEqualTo(Map.of("sessions", List.of()));

    var submitted = FormBrowser.submit(page);
    assertThat(FormSubmission.changesRows(submitted)).isFalse();
    var values = FormSubmission.read(training, submitted);
    assertThat(FormSubmission.changeRows(training, values, submitted)).isSameAs(values);
  }

  @Test
  void addsAndRemovesRowsOfNestedLists() {
    var values = Map.<String, Object>of("sessions", List.of(Map.of("label", "S1")));

    var withHelper = FormSubmission.addRow(form, values, "sessions[0].helpers");
    assertThat(withHelper.get("sessions"))
        .isEqualTo(List.of(Map.of("label", "S1", "helpers", List.of(Map.of()))));
    assertThat(FormSubmission.removeRow(form, withHelper, "sessions[0].helpers[0]").get("sessions"))
        .isEqualTo(List.of(Map.of("label", "S1", "helpers", List.of())));
    // A list the values lack has the rows the page showed: its default number.
    assertThat(FormSubmission.addRow(form, Map.of(), "address.rooms"))
        .isEqualTo(Map.of("address", Map.of("rooms", List.of(Map.of(), Map.of()))));
    assertThat(values).isEqualTo(Map.of("sessions", List.of(Map.of("label", "S1"))));
  }

  @Test
  void refusesRowChangesTheFormDoesNotAllow() throws IOException {
    var candidates = file("screen-candidates");
    var values = Map.<String, Object>of("candidates", List.of(Map.of("label", "A")));

    assertThatThrownBy(() -> FormSubmission.addRow(candidates, values, "candidates"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidates");
    assertThatThrownBy(() -> FormSubmission.removeRow(candidates, values, "candidates[0]"))
        .isInstanceOf(IllegalArgumentException.class);
    for (String path : List.of("sessions[5]", "sessions", "decision", "nothing[0]", "", "a..b")) {
      assertThatThrownBy(() -> FormSubmission.removeRow(form, Map.of(), path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String path : List.of("sessions[0]", "decision", "sessions[3].helpers", "x")) {
      assertThatThrownBy(() -> FormSubmission.addRow(form, Map.of(), path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
