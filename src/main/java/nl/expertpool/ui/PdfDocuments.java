package nl.expertpool.ui;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.expertpool.web.Languages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDFs of the pages' documents (the flyer, the certificate) in any language the app offers: a
 * Thymeleaf template rendered in the language, then openhtmltopdf with the fonts in {@code fonts/}
 * (SIL Open Font License) and ICU's bidi and shaping, so that Cyrillic and Arabic show on any
 * machine and Arabic runs right to left. A template gets the CSS font list as {@code fonts} and the
 * direction as {@code direction}.
 */
@Component
class PdfDocuments {

  /**
   * The fonts in {@code fonts/}, by family: {@code NotoSansArabic-Bold.ttf} is the family "Noto
   * Sans Arabic" in bold. A script is added by adding its font files there.
   */
  private static final Map<String, Map<Integer, String>> FONTS = discoverFonts();

  private final ITemplateEngine templates;
  private final Languages languages;

  PdfDocuments(ITemplateEngine templates, Languages languages) {
    this.templates = templates;
    this.languages = languages;
  }

  /** The template rendered in this language, as a PDF. */
  byte[] render(String template, Map<String, Object> variables, Locale locale) {
    var context = new Context(locale, variables);
    context.setVariable("direction", languages.direction(locale));
    context.setVariable("fonts", families());
    String html = templates.process(template, context);
    var pdf = new ByteArrayOutputStream();
    try {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      FONTS.forEach(
          (family, weights) ->
              weights.forEach(
                  (weight, file) ->
                      builder.useFont(() -> font(file), family, weight, FontStyle.NORMAL, true)));
      builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
      builder.defaultTextDirection(
          "rtl".equals(languages.direction(locale)) ? TextDirection.RTL : TextDirection.LTR);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("The document " + template + " could not be made", e);
    }
    return pdf.toByteArray();
  }

  /** The same template in several languages, one after the other in one PDF. */
  byte[] render(String template, Map<String, Object> variables, List<Locale> locales) {
    try (var merged = new PDDocument()) {
      var merger = new PDFMergerUtility();
      for (Locale locale : locales) {
        try (PDDocument part = Loader.loadPDF(render(template, variables, locale))) {
          merger.appendDocument(merged, part);
        }
      }
      var out = new ByteArrayOutputStream();
      merged.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The document " + template + " could not be joined", e);
    }
  }

  /** The families for CSS, the Latin and Cyrillic one first. */
  static String families() {
    return FONTS.keySet().stream()
            .sorted(Comparator.comparing(String::length))
            .map(f -> "'" + f + "'")
            .collect(Collectors.joining(", "))
        + ", sans-serif";
  }

  private static Map<String, Map<Integer, String>> discoverFonts() {
    var fonts = new TreeMap<String, Map<Integer, String>>();
    var name = Pattern.compile("([A-Za-z]+)-(Regular|Bold)\\.ttf");
    try {
      for (var file :
          new PathMatchingResourcePatternResolver().getResources("classpath*:fonts/*.ttf")) {
        var parts = name.matcher(String.valueOf(file.getFilename()));
        if (parts.matches()) {
          String family = parts.group(1).replaceAll("(?<=[a-z])(?=[A-Z])", " ");
          fonts
              .computeIfAbsent(family, f -> new TreeMap<>())
              .put(parts.group(2).equals("Bold") ? 700 : 400, "fonts/" + file.getFilename());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the fonts", e);
    }
    return fonts;
  }

  private static InputStream font(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("No font " + path, e);
    }
  }
}
