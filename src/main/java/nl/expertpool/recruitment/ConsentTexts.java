package nl.expertpool.recruitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The consent texts applicants agree to, versioned per language in {@code
 * consent/<version>/<language>.md}, with the SHA-256 of each in {@code
 * consent/manifest.properties}. A text never changes under its version: a new text is a new version
 * (a test holds the files to the manifest). The consent record keeps the version, the language and
 * the hash of what was shown.
 */
@Component
public class ConsentTexts {

  private static final String FOLDER = "consent/";

  /** The texts of the consent to be invited again by a standing pool (issue 23). */
  public static final String POOL_FOLDER = "pool-consent/";

  private final String folder;
  private final Properties manifest = new Properties();

  ConsentTexts() {
    this(FOLDER);
  }

  /** The texts of another consent, in a folder of their own with its manifest. */
  public ConsentTexts(String folder) {
    this.folder = folder;
    try (InputStream in = new ClassPathResource(folder + "manifest.properties").getInputStream()) {
      manifest.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + folder + "manifest.properties", e);
    }
  }

  /** The version applicants agree to now. */
  public String current() {
    return manifest.getProperty("current");
  }

  /** A text as shown: its version, language, paragraphs and the SHA-256 of its file's bytes. */
  public record ConsentText(String version, String language, String text, String sha256) {

    /** The text's paragraphs, for a page. */
    public List<String> paragraphs() {
      return java.util.Arrays.stream(text.split("\\R\\s*\\R"))
          .map(String::strip)
          .filter(p -> !p.isEmpty())
          .toList();
    }
  }

  /** This version's text in this language, if there is one. */
  public Optional<ConsentText> text(String version, String language) {
    if (version == null
        || language == null
        || !version.matches("v[0-9]{1,3}")
        || !language.matches("[a-z]{2,3}")) {
      return Optional.empty();
    }
    var file = new ClassPathResource(folder + version + "/" + language + ".md");
    if (!file.exists()) {
      return Optional.empty();
    }
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readAllBytes();
      return Optional.of(
          new ConsentText(
              version, language, new String(bytes, StandardCharsets.UTF_8), sha256(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.getPath(), e);
    }
  }

  /** The current text in this language, or in English when there is none in it. */
  public ConsentText shown(String language) {
    return text(current(), language)
        .or(() -> text(current(), "en"))
        .orElseThrow(() -> new IllegalStateException("No consent text " + current() + "/en"));
  }

  /** The hash the manifest holds for a version and language. */
  String manifestHash(String version, String language) {
    return manifest.getProperty(version + "." + language);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No SHA-256", e);
    }
  }
}
