package nl.expertpool.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import nl.expertpool.web.Languages;
import org.junit.jupiter.api.Test;

/**
 * The forms experts fill in, in every language the app offers: each string a Ukrainian or Arabic
 * page shows of them is its own translation, keeping the text's heading and emphasis; and what the
 * renderer writes itself (row buttons, the reasons of refusals) has every key the Dutch has.
 */
class ExpertFormTranslationsTest {

  static final List<String> EXPERT_FORMS = List.of("record-network-interview", "give-feedback");

  @Test
  void everyStringOfTheExpertsFormsIsTranslatedInEveryLanguage() throws IOException {
    for (Locale locale : new Languages().offered()) {
      if (List.of("en", "nl").contains(locale.getLanguage())) {
        continue; // English is the forms' own; FormTranslationsTest holds Dutch to every form
      }
      var texts = FormTranslator.in(locale);
      for (String formId : EXPERT_FORMS) {
        FormSchema english = FormSchema.parse(Files.readString(Path.of("forms", formId + ".form")));
        FormSchema shown = texts.translate(english);
        var untranslated = new TreeSet<String>();
        compare(formId, english.components(), shown.components(), untranslated);
        assertThat(untranslated).as(locale + " " + formId + ": shown in English").isEmpty();
      }
      Properties dutch = page("nl");
      Properties own = page(locale.getLanguage());
      assertThat(own.stringPropertyNames())
          .as(locale + ": form-html keys")
          .containsAll(
              dutch.stringPropertyNames().stream()
                  .filter(k -> !k.startsWith("reason.rule."))
                  .toList());
    }
  }

  private static void compare(
      String formId,
      List<FormComponent> english,
      List<FormComponent> shown,
      TreeSet<String> untranslated) {
    for (int i = 0; i < english.size(); i++) {
      FormComponent e = english.get(i);
      FormComponent s = shown.get(i);
      check(formId, e, "label", e.label(), s.label(), untranslated);
      check(formId, e, "text", e.text(), s.text(), untranslated);
      if (e.text() != null && s.text() != null) {
        assertThat(s.text().startsWith("###"))
            .as(formId + " heading")
            .isEqualTo(e.text().startsWith("###"));
        assertThat(s.text().chars().filter(c -> c == '*').count())
            .as(formId + " emphasis")
            .isEqualTo(e.text().chars().filter(c -> c == '*').count());
      }
      for (int v = 0; v < e.values().size(); v++) {
        check(
            formId,
            e,
            "option." + e.values().get(v).value(),
            e.values().get(v).label(),
            s.values().get(v).label(),
            untranslated);
      }
      compare(formId, e.components(), s.components(), untranslated);
    }
  }

  private static void check(
      String formId,
      FormComponent component,
      String property,
      String english,
      String shown,
      TreeSet<String> untranslated) {
    if (english != null && english.chars().anyMatch(Character::isLetter) && english.equals(shown)) {
      untranslated.add(formId + "." + FormTranslator.name(component) + "." + property);
    }
  }

  private static Properties page(String language) throws IOException {
    var properties = new Properties();
    try (InputStream in =
        ExpertFormTranslationsTest.class.getResourceAsStream(
            "/i18n/form-html_" + language + ".properties")) {
      assertThat(in).as("i18n/form-html_" + language + ".properties").isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
