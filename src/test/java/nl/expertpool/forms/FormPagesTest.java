package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every form in {@code forms/}, and one with every supported type, as a task page: rendered, posted
 * by a browser and read back into the submission the REST API would get. A form or component type
 * the page cannot handle fails here.
 */
class FormPagesTest {

  private final FormHtml html = new FormHtml();

  static Stream<Named<FormSchema>> forms() {
    var catalog = new FormCatalog(new PathMatchingResourcePatternResolver());
    assertThat(catalog.ids()).isNotEmpty();
    return Stream.concat(
            catalog.ids().stream().map(id -> catalog.byId(id).orElseThrow()),
            Stream.of(FormSchema.parse(FormSamples.EVERY_TYPE)))
        .map(form -> Named.of(form.id(), form));
  }

  @Test
  void theSampleHoldsEverySupportedType() {
    var types = new ArrayList<String>();
    collectTypes(FormSchema.parse(FormSamples.EVERY_TYPE).components(), types);
    assertThat(types).containsAll(FormComponent.SUPPORTED_TYPES);
  }

  private static void collectTypes(List<FormComponent> components, List<String> into) {
    for (var component : components) {
      into.add(component.type());
      collectTypes(component.components(), into);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void rendersEveryInputUnderItsSubmissionName(FormSchema form) {
    var taskVariables = FormSamples.taskVariables(form);
    for (Map<String, ?> values : List.of(Map.<String, Object>of(), sample(form))) {
      Document page = FormBrowser.parse(html.render(form, values, taskVariables, List.of()));

      List<String> expected = FormSamples.inputNames(form, values);
      if (!values.isEmpty()) {
        assertThat(expected).isNotEmpty();
      }
      for (String name : expected) {
        assertThat(page.select("div.field").stream().filter(f -> f.attr("data-key").equals(name)))
            .as("%s: field %s", form.id(), name)
            .singleElement()
            .satisfies(field -> assertThat(controlNames(field)).contains(name));
      }
      var rendered = new LinkedHashSet<String>();
      page.select("input, select, textarea").forEach(c -> rendered.add(c.attr("name")));
      rendered.remove(FieldHtml.PRESENT);
      assertThat(rendered).as(form.id()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(page.select("script, [onclick], [onload]")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aPostedPageReadsBackAsTheValuesItShowed(FormSchema form) {
    var taskVariables = task(form);
    Map<String, Object> values = sample(form);
    assertThat(form.validate(values, Set.of(), taskVariables)).isEmpty();

    var posted = FormBrowser.submit(html.render(form, values, taskVariables, List.of()));
    Map<String, Object> submission = FormSubmission.read(form, posted);

    assertThat(form.validate(submission, Set.of(), taskVariables)).isEmpty();
    assertThat(FormSamples.numbersAsText(submission)).isEqualTo(FormSamples.numbersAsText(values));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void anEmptyPageReadsBackAsASubmissionThatOnlyLacksAnswers(FormSchema form) {
    var taskVariables = FormSamples.taskVariables(form);
    var posted = FormBrowser.submit(html.render(form, Map.of(), taskVariables, List.of()));
    Map<String, Object> submission = FormSubmission.read(form, posted);

    assertThat(form.validate(submission, Set.of(), taskVariables))
        .allSatisfy(error -> assertThat(error.reason()).isEqualTo("is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aRefusedPageShowsTheErrorAtItsFieldAndKeepsWhatWasTyped(FormSchema form) {
    var taskVariables = task(form);
    Map<String, Object> values = sample(form);
    var page = FormBrowser.parse(html.render(form, values, taskVariables, List.of()));
    Element input = breakableInput(page);
    if (input == null) {
      return; // nothing on this form can be typed wrong: only read-only text and checkboxes
    }
    String name = input.attr("name");
    String typed = "number".equals(input.attr("type")) ? "100000" : "x".repeat(5000);

    var posted = FormBrowser.submit(html.render(form, values, taskVariables, List.of()));
    posted.put(name, List.of(typed));
    Map<String, Object> refused = FormSubmission.read(form, posted);
    List<FieldError> errors = form.validate(refused, Set.of(), taskVariables);
    assertThat(errors).singleElement().extracting(FieldError::field).isEqualTo(name);

    String again = html.render(form, refused, taskVariables, errors);
    Document shown = FormBrowser.parse(again);
    Element field = shown.selectFirst("div.field[data-key=\"%s\"]".formatted(name));
    Element control = field.selectFirst("[name=\"%s\"]".formatted(name));
    Element error = field.selectFirst("p.field-error");
    assertThat(error.text()).isEqualTo(errors.getFirst().reason());
    assertThat(control.attr("aria-invalid")).isEqualTo("true");
    assertThat(control.attr("aria-describedby").split(" ")).contains(error.id());
    assertThat(shown.select(".form-errors")).isEmpty();
    assertThat(FormSubmission.read(form, FormBrowser.submit(again))).isEqualTo(refused);
  }

  /** The first editable text or number input with a length or size limit and no pattern. */
  private static Element breakableInput(Document page) {
    for (Element control : page.select("input[maxlength], textarea[maxlength], input[max]")) {
      if (!control.hasAttr("readonly") && !control.hasAttr("pattern")) {
        return control;
      }
    }
    return null;
  }

  private static List<String> controlNames(Element field) {
    var names = new ArrayList<String>();
    field.select("input, select, textarea").forEach(c -> names.add(c.attr("name")));
    return names;
  }

  private static Map<String, Object> sample(FormSchema form) {
    return FormSamples.values(form, FormSamples.taskVariables(form));
  }

  /**
   * The variables of a task that shows the sample: its options and its values, as the step before
   * the task sets them (the rows of a fixed list, the read-only ids and labels).
   */
  private static Map<String, Object> task(FormSchema form) {
    var variables = new LinkedHashMap<String, Object>(FormSamples.taskVariables(form));
    variables.putAll(sample(form));
    return variables;
  }
}
