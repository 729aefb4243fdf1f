package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dutch of the forms in {@code forms/}: every string a form shows has it, and every Dutch text
 * belongs to a string a form still has. The strings are read from the JSON itself, not from the
 * model, so that a property the server does not read yet cannot hide a missing translation. The
 * other languages (Ukrainian, Arabic and any added) translate the forms experts fill in: {@link
 * ExpertFormTranslationsTest} holds each of them to those.
 */
class FormTranslationsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  /** The form-js properties that hold words for people, besides the labels of options. */
  private static final List<String> PROPERTIES =
      List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel");

  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern CODE = Pattern.compile("`[^`]*`");

  private static final Properties FORMS_NL = properties("i18n/forms_nl.properties");
  private static final Properties PAGE_NL = properties("i18n/form-html_nl.properties");

  /**
   * One string of one form component.
   *
   * @param key its key in the Dutch file
   * @param english as in the form
   * @param shown what a Dutch page shows for it
   */
  private record FormString(String key, String english, String shown) {

    /** Strings without a letter ("18-25", "2") read the same in every language. */
    boolean needsTranslation() {
      return LETTER.matcher(english).find();
    }

    String dutch() {
      return FORMS_NL.getProperty(key);
    }
  }

  @Test
  void everyStringOfEveryFormHasItsDutchOnADutchPage() {
    var missing = new TreeSet<String>();
    for (FormString string : strings()) {
      if (string.needsTranslation() && isBlank(string.dutch())) {
        missing.add(string.key() + "=" + string.english());
      }
    }
    assertThat(missing).as("strings without Dutch in i18n/forms_nl.properties").isEmpty();

    for (FormString string : strings()) {
      String expected = string.dutch() == null ? string.english() : string.dutch();
      assertThat(string.shown()).as(string.key()).isEqualTo(expected);
    }
  }

  @Test
  void everyDutchTextBelongsToAStringOfAForm() {
    var keys = new HashSet<String>();
    strings().forEach(s -> keys.add(s.key()));

    var stale = new TreeSet<>(FORMS_NL.stringPropertyNames());
    stale.removeAll(keys);

    assertThat(stale).as("keys in i18n/forms_nl.properties that no form has").isEmpty();
  }

  @Test
  void theDutchKeepsTheTemplatesCodeAndHeadingsOfTheText() {
    for (FormString string : strings()) {
      if (string.dutch() == null) {
        continue;
      }
      assertThat(all(TEMPLATE, string.dutch()))
          .as(string.key())
          .isEqualTo(all(TEMPLATE, string.english()));
      assertThat(all(CODE, string.dutch())).as(string.key()).isEqualTo(all(CODE, string.english()));
      assertThat(heading(string.dutch())).as(string.key()).isEqualTo(heading(string.english()));
      assertThat(string.dutch().chars().filter(c -> c == '*').count())
          .as(string.key())
          .isEqualTo(string.english().chars().filter(c -> c == '*').count());
    }
  }

  @Test
  void noTwoComponentsOfAFormShareTheNameTheirKeysStartWith() throws IOException {
    for (Path file : files()) {
      JsonNode tree = FormJson.MAPPER.readTree(file.toFile());
      var names = new ArrayList<String>();
      collectNames(tree.path("components"), names);
      assertThat(names).as(file.toString()).doesNotHaveDuplicates().doesNotContainNull();
    }
  }

  @Test
  void englishPagesShowTheFormsAsTheyAre() throws IOException {
    for (Path file : files()) {
      FormSchema form = FormSchema.parse(Files.readString(file));
      assertThat(FormTranslator.in(Locale.ENGLISH).translate(form)).isEqualTo(form);
      assertThat(FormTranslator.in(Locale.GERMAN).translate(form)).isEqualTo(form);
      assertThat(FormTranslator.in(null).translate(form)).isEqualTo(form);
    }
  }

  @Test
  void everyReasonHasItsDutchWhichNamesWhatTheRuleNames() {
    var codes = new TreeSet<String>();
    for (Reason reason : Reason.values()) {
      codes.add("reason." + reason.code());
      var error = FieldError.of("days", reason, "90");
      String dutch = FormTranslator.in(DUTCH).reason(error);
      assertThat(dutch).as(reason.name()).isNotEqualTo(error.reason()).doesNotContain("{");
      if (error.reason().contains("90")) {
        assertThat(dutch).as(reason.name()).contains("90");
      }
    }
    var reasonKeys = new TreeSet<>(PAGE_NL.stringPropertyNames());
    // reason.rule.*: the reasons of the modules' own rules (TaskSubmissionRule), not the form's.
    reasonKeys.removeIf(key -> !key.startsWith("reason.") || key.startsWith("reason.rule."));
    assertThat(reasonKeys).isEqualTo(codes);
  }

  @Test
  void reasonsOutsideTheRulesStayEnglishAndPatternsStayAsWritten() {
    var texts = FormTranslator.in(DUTCH);

    assertThat(texts.reason(new FieldError("x", "has the wrong type")))
        .isEqualTo("has the wrong type");
    assertThat(texts.message(FieldError.of("code", Reason.NO_MATCH, "^[A-Z]{2}'s$")))
        .isEqualTo("code moet passen bij het patroon ^[A-Z]{2}'s$");
    assertThat(FieldError.of("code", Reason.NO_MATCH, "^[A-Z]{2}'s$").reason())
        .isEqualTo("must match the pattern ^[A-Z]{2}'s$");
  }

  private static List<FormString> strings() {
    var strings = new ArrayList<FormString>();
    for (Path file : files()) {
      try {
        JsonNode tree = FormJson.MAPPER.readTree(file.toFile());
        FormSchema dutch = FormTranslator.in(DUTCH).translate(FormSchema.parse(tree));
        collect(dutch.id(), tree.path("components"), dutch.components(), strings);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return strings;
  }

  /** Walks the JSON and the translated form side by side: the parser keeps the order. */
  private static void collect(
      String formId, JsonNode json, List<FormComponent> shown, List<FormString> into) {
    assertThat(shown).hasSize(json.size());
    for (int i = 0; i < json.size(); i++) {
      JsonNode node = json.get(i);
      FormComponent component = shown.get(i);
      String prefix = formId + "." + name(node) + ".";
      for (String property : PROPERTIES) {
        if (node.hasNonNull(property)) {
          into.add(
              new FormString(
                  prefix + property, node.get(property).asText(), shown(component, property)));
        }
      }
      JsonNode values = node.path("values");
      for (int v = 0; v < values.size(); v++) {
        JsonNode option = values.get(v);
        if (option.hasNonNull("label")) {
          into.add(
              new FormString(
                  prefix + "option." + option.path("value").asText(),
                  option.get("label").asText(),
                  component.values().get(v).label()));
        }
      }
      collect(formId, node.path("components"), component.components(), into);
    }
  }

  private static void collectNames(JsonNode components, List<String> into) {
    for (JsonNode node : components) {
      into.add(name(node));
      collectNames(node.path("components"), into);
    }
  }

  /** The key, or the id of a component that binds no key. */
  private static String name(JsonNode node) {
    JsonNode key = node.hasNonNull("key") ? node.get("key") : node.get("id");
    return key == null || key.isNull() ? null : key.asText();
  }

  private static String shown(FormComponent component, String property) {
    return switch (property) {
      case "label" -> component.label();
      case "description" -> component.description();
      case "placeholder" -> component.placeholder();
      case "text" -> component.text();
      case "dateLabel" -> component.dateLabel();
      case "timeLabel" -> component.timeLabel();
      default -> throw new IllegalArgumentException(property);
    };
  }

  private static List<Path> files() {
    try (Stream<Path> listing = Files.list(FORMS)) {
      return listing.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties properties(String resource) {
    var properties = new Properties();
    try (InputStream in =
        FormTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static List<String> all(Pattern pattern, String text) {
    var found = new ArrayList<String>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static String heading(String text) {
    Matcher m = Pattern.compile("^#+ ").matcher(text);
    return m.find() ? m.group() : "";
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
