package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import nl.expertpool.web.Languages;
import org.junit.jupiter.api.Test;

/**
 * Every language the app offers says everything a newcomer or an expert reads: the public sign-up,
 * the confirmation, signing in, the menu and the error pages. Dutch says everything. No language
 * holds a key English does not.
 */
class LanguageCoverageTest {

  /** The keys of the pages newcomers and experts see. */
  static final List<String> PUBLIC =
      List.of(
          "app.",
          "nav.",
          "login.",
          "error.",
          "apply.",
          "signup.",
          "me.",
          "tasks.",
          "account.",
          "password.");

  @Test
  void everyLanguageSaysWhatNewcomersReadAndDutchSaysEverything() throws IOException {
    Properties english = bundle("messages.properties");
    var languages = new Languages().offered();
    assertThat(languages).extracting(l -> l.getLanguage()).contains("en", "nl", "uk", "ar");
    for (var locale : languages) {
      if (locale.getLanguage().equals("en")) {
        continue;
      }
      Properties other = bundle("messages_" + locale.getLanguage() + ".properties");
      Set<String> needed = new TreeSet<>();
      for (String key : english.stringPropertyNames()) {
        if (locale.getLanguage().equals("nl") || PUBLIC.stream().anyMatch(key::startsWith)) {
          needed.add(key);
        }
      }
      assertThat(new TreeSet<>(other.stringPropertyNames()))
          .as(locale.getLanguage() + ": keys missing")
          .containsAll(needed);
      assertThat(english.stringPropertyNames())
          .as(locale.getLanguage() + ": keys English does not have")
          .containsAll(other.stringPropertyNames());
      for (String key : needed) {
        assertThat(other.getProperty(key)).as(locale.getLanguage() + " " + key).isNotBlank();
      }
    }
  }

  /** Newcomers and experts get their messages in their language; organisations get en or nl. */
  @Test
  void everyLanguageWritesToNewcomersAndExpertsAndEachMessageFormats() throws IOException {
    Properties english = bundle("notifications.properties");
    for (var locale : new Languages().offered()) {
      if (locale.getLanguage().equals("en")) {
        continue;
      }
      Properties other = bundle("notifications_" + locale.getLanguage() + ".properties");
      for (String key : english.stringPropertyNames()) {
        if (key.startsWith("session-") || key.startsWith("handover-")) {
          continue;
        }
        String text = other.getProperty(key);
        assertThat(text).as(locale.getLanguage() + " " + key).isNotBlank();
        String formatted =
            new java.text.MessageFormat(text, locale)
                .format(new Object[] {"P", "1", "2", "3", "4"});
        assertThat(formatted).as(locale.getLanguage() + " " + key).doesNotContain("''", "{");
      }
    }
  }

  @Test
  void arabicIsWrittenFromRightToLeftAndTheOthersFromLeftToRight() {
    var languages = new Languages();
    assertThat(languages.direction(languages.of("ar"))).isEqualTo("rtl");
    assertThat(languages.direction(languages.of("uk"))).isEqualTo("ltr");
    assertThat(languages.nativeName(languages.of("uk"))).isEqualTo("Українська");
  }

  private static Properties bundle(String name) throws IOException {
    var properties = new Properties();
    try (InputStream in = LanguageCoverageTest.class.getResourceAsStream("/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
