package nl.expertpool.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import nl.expertpool.web.Languages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consent texts hold to their manifest: a text changed under its version, a text without its
 * line or a line without its text fails here, and every language the app speaks has a text.
 */
class ConsentTextsTest {

  private static final Path RESOURCES = Path.of("src/main/resources");

  /** The consent to take part, and the consent to be invited again by a standing pool. */
  @ParameterizedTest
  @ValueSource(strings = {"consent/", ConsentTexts.POOL_FOLDER})
  void everyTextIsTheOneItsVersionNamesByItsHash(String folder) throws IOException {
    Path root = RESOURCES.resolve(folder);
    Properties manifest = manifest(root);
    int texts = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        String version = file.getParent().getFileName().toString();
        String language = file.getFileName().toString().replace(".md", "");
        assertThat(manifest.getProperty(version + "." + language))
            .as("%s/%s: a changed text needs a new version, a new one its line", version, language)
            .isEqualTo(ConsentTexts.sha256(Files.readAllBytes(file)));
        texts++;
      }
    }
    assertThat(manifest.stringPropertyNames().stream().filter(k -> !k.equals("current")))
        .as("a line without its text")
        .hasSize(texts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"consent/", ConsentTexts.POOL_FOLDER})
  void theCurrentVersionSpeaksEveryLanguageOfTheAppAndTheHashIsOfTheTextShown(String folder) {
    var texts = new ConsentTexts(folder);
    for (var locale : new Languages().offered()) {
      var text = texts.text(texts.current(), locale.getLanguage());
      assertThat(text).as(locale.getLanguage()).isPresent();
      assertThat(text.get().sha256())
          .isEqualTo(texts.manifestHash(texts.current(), locale.getLanguage()));
      assertThat(text.get().paragraphs()).hasSizeGreaterThan(3);
    }
    assertThat(texts.text("v1", "../v1/en")).isEmpty();
    assertThat(texts.shown("xx").language()).isEqualTo("en");
  }

  private static Properties manifest(Path root) throws IOException {
    var manifest = new Properties();
    try (InputStream in = Files.newInputStream(root.resolve("manifest.properties"))) {
      manifest.load(in);
    }
    return manifest;
  }
}
