package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FormHtmlTest {

  private final FormHtml html = new FormHtml();
  private final FormSchema form = FormSchema.parse(FormSamples.EVERY_TYPE);

  private Document page(Map<String, ?> values, Map<String, ?> variables, List<FieldError> errors) {
    return FormBrowser.parse(html.render(form, values, variables, errors));
  }

  private static Element control(Document page, String name) {
    return page.selectFirst("div.field[data-key=\"%s\"] [name=\"%s\"]".formatted(name, name));
  }

  @Test
  void escapesEveryValueLabelAndTemplate() {
    String attack = "<script>alert(1)</script>";
    var values = Map.of("code", attack, "note", attack, "owner", attack);
    var variables =
        Map.of("name", attack, "people", List.of(Map.of("label", attack, "value", "p\"><script>")));

    String rendered =
        html.render(
            form,
            values,
            variables,
            List.of(new FieldError("note", attack), new FieldError("x", attack)));

    assertThat(rendered)
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    Document page = FormBrowser.parse(rendered);
    assertThat(page.select("script")).isEmpty();
    assertThat(control(page, "code").attr("value")).isEqualTo(attack);
    assertThat(control(page, "note").wholeText()).isEqualTo(attack);
    assertThat(page.selectFirst("div.text h3").text()).isEqualTo("Hello " + attack);
    assertThat(page.select("select[name=owner] option").eachText()).contains(attack);
    assertThat(page.select("select[name=owner] option").eachAttr("value")).contains("p\"><script>");
  }

  @Test
  void textComponentsAreMarkdownWithTheTaskVariablesFilledIn() {
    var text =
        FormSchema.parse(
            """
            { "id": "t", "components": [
              { "id": "T", "type": "text",
                "text": "### Phase: {{phase.name}}\\n\\n*{{count}}* experts, `{{missing}}` <b>raw</b> [x](javascript:alert(1)) {{a + b}}" } ] }
            """);

    Document page =
        FormBrowser.parse(
            html.render(
                text,
                Map.of(),
                Map.of("phase", Map.of("name", "**Training**"), "count", 3.0),
                List.of()));

    assertThat(page.selectFirst("h3").text()).isEqualTo("Phase: **Training**");
    assertThat(page.selectFirst("em").text()).isEqualTo("3");
    assertThat(page.selectFirst("code").text()).isEmpty();
    assertThat(page.select("b")).isEmpty();
    assertThat(page.selectFirst("p").text()).contains("<b>raw</b>").doesNotContain("a + b");
    assertThat(page.selectFirst("a").attr("href")).doesNotContain("javascript");
  }

  @Test
  void rendersEachTypeAsItsHtmlControl() {
    Document page = page(Map.of(), Map.of("people", List.of("ann", "bob")), List.of());

    assertThat(control(page, "decision").attr("type")).isEqualTo("radio");
    assertThat(control(page, "days").attr("type")).isEqualTo("number");
    assertThat(control(page, "note").tagName()).isEqualTo("textarea");
    assertThat(control(page, "code").attr("type")).isEqualTo("text");
    assertThat(control(page, "size").tagName()).isEqualTo("select");
    assertThat(control(page, "on").attr("type")).isEqualTo("date");
    assertThat(control(page, "at").attr("type")).isEqualTo("time");
    assertThat(control(page, "when").attr("type")).isEqualTo("datetime-local");
    assertThat(page.select("label[for=%s]".formatted(control(page, "when").id())).text())
        .isEqualTo("Date / Time");
    assertThat(control(page, "contact.email").attr("type")).isEqualTo("text");
    assertThat(page.select("hr")).hasSize(1);
    assertThat(page.select("fieldset.group > legend").eachText())
        .containsExactly("Plain", "Address");
    assertThat(control(page, "count")).isNotNull();
    assertThat(control(page, "address.city")).isNotNull();
    assertThat(page.select("select[name=owner] option").eachAttr("value"))
        .containsExactly("", "ann", "bob");
  }

  @Test
  void choicesShareTheirNameAndMarkThemselvesPresent() {
    Document page =
        page(
            Map.of("done", true, "actions", List.of("b"), "colours", List.of("blue")),
            Map.of(),
            List.of());

    var done = control(page, "done");
    assertThat(done.attr("type")).isEqualTo("checkbox");
    assertThat(done.attr("value")).isEqualTo("true");
    assertThat(done.hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=actions]").eachAttr("value")).containsExactly("a", "b", "c");
    assertThat(page.select("input[name=actions][checked]").eachAttr("value")).containsExactly("b");
    assertThat(page.select("input[name=colours]").eachAttr("type")).containsOnly("checkbox");
    assertThat(page.select("input[name=_present]").eachAttr("value"))
        .contains("done", "actions", "colours", "decision", "themes", "sessions");
    // A taglist whose options the task lacks is one text input of comma-separated tags.
    assertThat(page.select("input[name=tags]").eachAttr("type")).containsExactly("text");
    assertThat(page.select("input[name=_present]").eachAttr("value")).doesNotContain("tags");
    var tagged =
        page(Map.of("tags", List.of("b")), Map.of("availableTags", List.of("a", "b")), List.of());
    assertThat(tagged.select("input[name=tags]").eachAttr("type")).containsOnly("checkbox");
    assertThat(tagged.select("input[name=tags][checked]").eachAttr("value")).containsExactly("b");
  }

  @Test
  void carriesTheValidationRulesAndTheRequiredMarker() {
    Document page = page(Map.of(), Map.of(), List.of());

    var days = control(page, "days");
    assertThat(days.attr("min")).isEqualTo("1");
    assertThat(days.attr("max")).isEqualTo("90");
    assertThat(days.attr("step")).isEqualTo("any");
    assertThat(days.attr("aria-describedby")).isEqualTo(days.id() + "-description");
    assertThat(page.getElementById(days.id() + "-description").text())
        .isEqualTo("Only when you extend.");
    var code = control(page, "code");
    assertThat(code.attr("minlength")).isEqualTo("2");
    assertThat(code.attr("maxlength")).isEqualTo("10");
    assertThat(code.attr("pattern")).isEqualTo(".*(?:^[A-Z]+$).*");
    assertThat(control(page, "note").attr("maxlength")).isEqualTo("200");
    assertThat(control(page, "address.city").hasAttr("required")).isTrue();
    assertThat(page.select("label[for=%s] .required".formatted(control(page, "address.city").id())))
        .hasSize(1);
    assertThat(page.select("input[name=decision]")).allMatch(r -> r.hasAttr("required"));
    assertThat(control(page, "note").hasAttr("required")).isFalse();
  }

  @Test
  void showsTheDefaultOnlyWhereTheValuesLackTheField() {
    assertThat(control(page(Map.of(), Map.of(), List.of()), "days").val()).isEqualTo("7");
    var cleared = new HashMap<String, Object>();
    cleared.put("days", null);
    assertThat(control(page(cleared, Map.of(), List.of()), "days").val()).isEmpty();
    assertThat(control(page(Map.of("days", 12.50), Map.of(), List.of()), "days").val())
        .isEqualTo("12.5");
  }

  @Test
  void showsMomentsWithAnOffsetAsLocalTime() {
    Document page =
        page(
            Map.of(
                "when", "2026-07-01T08:30:00Z", "on", "2026-07-01T23:30:00Z", "at", "09:15+02:00"),
            Map.of(),
            List.of());

    assertThat(control(page, "when").val()).isEqualTo("2026-07-01T10:30");
    assertThat(control(page, "on").val()).isEqualTo("2026-07-02");
    assertThat(control(page, "at").val()).isEqualTo("09:15");
  }

  @Test
  void readOnlyFieldsShowTheirValueAndStillSubmitIt() {
    var row =
        Map.of(
            "label", "Session 1",
            "kind", "onsite",
            "paid", true,
            "mode", "groups",
            "topics", List.of("work"),
            "startsAt", "2026-03-02T09:30");
    Document page = page(Map.of("sessions", List.of(row)), Map.of(), List.of());

    assertThat(control(page, "sessions[0].label").hasAttr("readonly")).isTrue();
    assertThat(control(page, "sessions[0].kind").hasAttr("disabled")).isTrue();
    assertThat(page.select("input[type=hidden][name=\"sessions[0].kind\"]").eachAttr("value"))
        .containsExactly("onsite");
    assertThat(control(page, "sessions[0].paid").hasAttr("disabled")).isTrue();
    assertThat(page.select("input[type=hidden][name=\"sessions[0].paid\"]").eachAttr("value"))
        .containsExactly("true");
    assertThat(page.select("input[type=hidden][name=\"sessions[0].topics\"]").eachAttr("value"))
        .containsExactly("work");

    var read =
        FormSubmission.read(
            form,
            FormBrowser.submit(
                html.render(form, Map.of("sessions", List.of(row)), Map.of(), List.of())));
    assertThat(FormValue.rows(read.get("sessions")).getFirst())
        .containsEntry("label", "Session 1")
        .containsEntry("kind", "onsite")
        .containsEntry("paid", true)
        .containsEntry("mode", "groups")
        .containsEntry("topics", List.of("work"));
  }

  @Test
  void showsEachErrorAtItsFieldAndTheRestAtTheTop() {
    var errors =
        List.of(
            new FieldError("themes[1]", "must be one of projectThemes-1"),
            new FieldError("sessions[1].startsAt", "is required"),
            new FieldError("address.city", "is required"),
            new FieldError("surname", "is not a field of this form"),
            new FieldError("sessions[5].startsAt", "is required"));
    var values =
        Map.of(
            "themes", List.of("projectThemes-1", "elsewhere"),
            "sessions", List.of(Map.of(), Map.of()));
    Document page =
        page(
            values,
            Map.of("projectThemes", List.of(Map.of("label", "T1", "value", "projectThemes-1"))),
            errors);

    assertThat(page.select("div.field[data-key=themes] p.field-error").text())
        .isEqualTo("themes[1] must be one of projectThemes-1");
    assertThat(page.select("input[name=themes]"))
        .allMatch(i -> i.attr("aria-invalid").equals("true"));
    // The value the options lack stays on the page, so that the user sees what is wrong.
    assertThat(page.select("input[name=themes][checked]").eachAttr("value"))
        .containsExactly("projectThemes-1", "elsewhere");
    var startsAt = control(page, "sessions[1].startsAt");
    assertThat(startsAt.attr("aria-invalid")).isEqualTo("true");
    assertThat(page.getElementById(startsAt.attr("aria-describedby")).text())
        .isEqualTo("is required");
    assertThat(control(page, "sessions[0].startsAt").hasAttr("aria-invalid")).isFalse();
    assertThat(page.select("div.field[data-key=\"address.city\"] p.field-error").text())
        .isEqualTo("is required");
    assertThat(page.select(".form-errors li").eachText())
        .containsExactly("surname is not a field of this form", "sessions[5].startsAt is required");
    assertThat(page.body().child(0).child(0).hasClass("form-errors")).isTrue();
  }

  @Test
  void dynamicListsShowTheirRowsWithButtonsWhereTheyMayChange() {
    Document empty = page(Map.of(), Map.of(), List.of());
    assertThat(
            empty.select("fieldset.dynamic-list[data-key=sessions] > div.row").eachAttr("data-key"))
        .containsExactly("sessions[0]", "sessions[1]");
    assertThat(empty.select("button[name=_add]").eachAttr("value"))
        .containsExactly("address.rooms", "sessions[0].helpers", "sessions[1].helpers", "sessions");
    assertThat(empty.select("button[name=_remove]").eachAttr("value"))
        .containsExactly("address.rooms[0]", "sessions[0]", "sessions[1]");
    assertThat(empty.select("button[name]")).allMatch(b -> b.hasAttr("formnovalidate"));
    // The first submit button is the one Enter presses; it must not remove a row.
    assertThat(empty.selectFirst("button").hasAttr("name")).isFalse();

    Document none = page(Map.of("sessions", List.of()), Map.of(), List.of());
    assertThat(none.select("fieldset.dynamic-list[data-key=sessions] > div.row")).isEmpty();
    assertThat(none.select("button[name=_add][value=sessions]")).hasSize(1);
  }

  @Test
  void listsThatMayNotChangeHaveNoRowButtons() throws Exception {
    var candidates = FormSchema.parse(Files.readString(Path.of("forms/screen-candidates.form")));
    String rendered =
        html.render(
            candidates,
            Map.of("candidates", List.of(Map.of("label", "A. Expert", "applicationId", "a-1"))),
            Map.of(),
            List.of());

    assertThat(FormBrowser.parse(rendered).select("button")).isEmpty();
    assertThat(control(FormBrowser.parse(rendered), "candidates[0].label").val())
        .isEqualTo("A. Expert");
  }

  @Test
  void showsTheFormInDutchOnADutchPageAndAsWrittenOnAnEnglishOne() throws Exception {
    var candidates = FormSchema.parse(Files.readString(Path.of("forms/screen-candidates.form")));
    Map<String, Object> values =
        Map.of("candidates", List.of(Map.of("label", "A. Expert", "applicationId", "a-1")));
    var errors = candidates.validate(values);

    Document dutch =
        FormBrowser.parse(
            html.render(candidates, values, Map.of(), errors, Locale.forLanguageTag("nl-NL")));
    Document english =
        FormBrowser.parse(html.render(candidates, values, Map.of(), errors, Locale.ENGLISH));

    assertThat(dutch.selectFirst("div.text h3").text()).isEqualTo("Kandidaten beoordelen");
    assertThat(dutch.selectFirst("fieldset.dynamic-list > legend").text()).isEqualTo("Kandidaten");
    assertThat(dutch.select("div.field > label").eachText())
        .containsExactly("Kandidaat", "Aanmelding", "Besluit*", "Notitie");
    assertThat(dutch.select("select[name=\"candidates[0].decision\"] option").eachText())
        .containsExactly("Toelaten", "Afwijzen", "Wachtlijst");
    assertThat(dutch.selectFirst("div.row").attr("aria-label")).isEqualTo("Kandidaten 1");
    assertThat(dutch.select("p.field-error").eachText()).containsExactly("is verplicht");
    assertThat(dutch.text())
        .doesNotContain("Screen candidates", "Decision", "Accept", "Waitlist", "is required");
    // The values and names the page posts are the form's, whatever the language.
    assertThat(dutch.select("select[name=\"candidates[0].decision\"] option").eachAttr("value"))
        .containsExactly("", "accept", "reject", "waitlist");

    assertThat(english.selectFirst("div.text h3").text()).isEqualTo("Screen candidates");
    assertThat(english.select("div.field > label").eachText())
        .containsExactly("Candidate", "Application", "Decision*", "Note");
    assertThat(english.select("select[name=\"candidates[0].decision\"] option").eachText())
        .containsExactly("Accept", "Reject", "Waitlist");
    assertThat(english.select("p.field-error").eachText()).containsExactly("is required");
    assertThat(english.text()).doesNotContain("Kandidaat", "Besluit", "Toelaten", "verplicht");
    assertThat(html.render(candidates, values, Map.of(), errors))
        .isEqualTo(html.render(candidates, values, Map.of(), errors, Locale.ENGLISH));
  }

  @Test
  void rowButtonsDateLabelsAndErrorsSpeakThePagesLanguage() throws Exception {
    var training = FormSchema.parse(Files.readString(Path.of("forms/schedule-training.form")));
    var values =
        Map.<String, Object>of(
            "sessions",
            List.of(Map.of("durationHours", 13, "location", "Almere", "trainer", "R. Haddou")),
            "room",
            "B");
    var errors = training.validate(values, Set.of());

    Document dutch =
        FormBrowser.parse(
            html.render(training, values, Map.of(), errors, Locale.forLanguageTag("nl")));

    assertThat(dutch.select("button[name=_add]").eachText()).containsExactly("Rij toevoegen");
    assertThat(dutch.selectFirst("button[name=_add]").attr("aria-label"))
        .isEqualTo("Een rij toevoegen aan Bijeenkomsten");
    assertThat(dutch.select("button[name=_remove]").eachText()).containsExactly("Verwijderen");
    assertThat(dutch.selectFirst("button[name=_remove]").attr("aria-label"))
        .isEqualTo("Bijeenkomsten 1 verwijderen");
    assertThat(dutch.selectFirst("label[for=field-sessions_0__startsAt]").text())
        .isEqualTo("Datum / Begintijd*");
    assertThat(dutch.select("p.field-error").eachText())
        .containsExactly("is verplicht", "mag hoogstens 12 zijn");
    assertThat(dutch.select(".form-errors li").eachText())
        .containsExactly("room is geen veld van dit formulier");

    Document english = FormBrowser.parse(html.render(training, values, Map.of(), errors));
    assertThat(english.select("button[name]").eachText()).containsExactly("Remove", "Add row");
    assertThat(english.select("p.field-error").eachText())
        .containsExactly("is required", "must be at most 12");
    assertThat(english.select(".form-errors li").eachText())
        .containsExactly("room is not a field of this form");
  }

  @Test
  void textAndNumberInputsShowTheirPlaceholder() {
    var hinted =
        FormSchema.parse(
            """
            { "id": "p", "components": [
              { "id": "A", "type": "textfield", "key": "name", "placeholder": "Jane Doe" },
              { "id": "B", "type": "textarea", "key": "note", "placeholder": "Anything else" },
              { "id": "C", "type": "number", "key": "days" } ] }
            """);

    Document page = FormBrowser.parse(html.render(hinted, Map.of(), Map.of(), List.of()));

    assertThat(control(page, "name").attr("placeholder")).isEqualTo("Jane Doe");
    assertThat(control(page, "note").attr("placeholder")).isEqualTo("Anything else");
    assertThat(control(page, "days").hasAttr("placeholder")).isFalse();
  }
}
