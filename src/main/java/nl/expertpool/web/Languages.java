package nl.expertpool.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The languages the app speaks: English, and every language with a {@code
 * messages_<code>.properties} of its own. Adding a language is adding its files (the pages'
 * messages, the forms', the notifications' and a consent text); no code changes. Right-to-left
 * scripts are known by code.
 */
@Component("languages")
public class Languages {

  private static final Pattern BUNDLE = Pattern.compile("messages_([a-z]{2,3})\\.properties");

  /** Languages written from right to left (ISO 639-1 and -3 codes). */
  private static final Set<String> RIGHT_TO_LEFT =
      Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "prs");

  private final List<Locale> offered;

  public Languages() {
    this(discover());
  }

  Languages(List<Locale> offered) {
    this.offered = List.copyOf(offered);
  }

  private static List<Locale> discover() {
    Set<String> codes = new TreeSet<>();
    try {
      for (Resource bundle :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:messages_*.properties")) {
        Matcher name = BUNDLE.matcher(String.valueOf(bundle.getFilename()));
        if (name.matches()) {
          codes.add(name.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the message bundles", e);
    }
    List<Locale> locales = new ArrayList<>();
    locales.add(Locale.ENGLISH);
    codes.stream().filter(c -> !c.equals("en")).map(Locale::forLanguageTag).forEach(locales::add);
    return locales;
  }

  /** English first, then the others by code. */
  public List<Locale> offered() {
    return offered;
  }

  /** Whether the app speaks this language (a code such as {@code uk}). */
  public boolean offers(String code) {
    return code != null && offered.stream().anyMatch(l -> l.getLanguage().equals(code));
  }

  /** The offered language of this code, or English. */
  public Locale of(String code) {
    return offered.stream()
        .filter(l -> l.getLanguage().equals(code))
        .findFirst()
        .orElse(Locale.ENGLISH);
  }

  /** {@code rtl} for a language written from right to left, else {@code ltr}. */
  public String direction(Locale locale) {
    return locale != null && RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr";
  }

  /** The language's name in itself, e.g. {@code Українська}, for a language switch. */
  public String nativeName(Locale locale) {
    String name = locale.getDisplayLanguage(locale);
    return name.isEmpty()
        ? locale.getLanguage()
        : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  /**
   * A language's name for a reader, e.g. {@code Ukrainian} or {@code Oekraïens} for {@code uk}; any
   * language Java knows, offered or not; the code itself for one it does not know.
   */
  public String name(String code, Locale reader) {
    if (code == null || code.isBlank()) {
      return "";
    }
    Locale language = Locale.forLanguageTag(code);
    String name = language.getDisplayLanguage(reader);
    return name.isEmpty() || name.equals(language.getLanguage())
        ? code
        : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
  }

  /**
   * A well-formed BCP 47 tag for a language, normalised ({@code UK} gives {@code uk}), or empty for
   * one that is not: what a request's {@code Content-Language} may name.
   */
  public static java.util.Optional<String> tag(String value) {
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
      return locale.getLanguage().isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(locale.toLanguageTag());
    } catch (java.util.IllformedLocaleException e) {
      return java.util.Optional.empty();
    }
  }
}
