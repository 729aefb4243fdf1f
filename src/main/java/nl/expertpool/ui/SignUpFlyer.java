package nl.expertpool.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.expertpool.project.Project;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.web.Languages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sharing a call: its link as a QR code (ZXing), and a printable A4 flyer (openhtmltopdf) in any
 * language the app offers, Arabic right to left, with Noto Sans fonts shipped in {@code fonts/}
 * (SIL Open Font License) so that Cyrillic and Arabic show on any machine.
 */
@Component
class SignUpFlyer {

  /**
   * The fonts in {@code fonts/}, by family: {@code NotoSansArabic-Bold.ttf} is the family "Noto
   * Sans Arabic" in bold. A script is added by adding its font files there.
   */
  private static final Map<String, Map<Integer, String>> FONTS = discoverFonts();

  private static Map<String, Map<Integer, String>> discoverFonts() {
    var fonts = new java.util.TreeMap<String, Map<Integer, String>>();
    var name = java.util.regex.Pattern.compile("([A-Za-z]+)-(Regular|Bold)\\.ttf");
    try {
      for (var file :
          new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
              .getResources("classpath*:fonts/*.ttf")) {
        var parts = name.matcher(String.valueOf(file.getFilename()));
        if (parts.matches()) {
          String family = parts.group(1).replaceAll("(?<=[a-z])(?=[A-Z])", " ");
          fonts
              .computeIfAbsent(family, f -> new java.util.TreeMap<>())
              .put(parts.group(2).equals("Bold") ? 700 : 400, "fonts/" + file.getFilename());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the fonts", e);
    }
    return fonts;
  }

  /** The families for CSS, the Latin and Cyrillic one first. */
  static String families() {
    return FONTS.keySet().stream()
            .sorted(java.util.Comparator.comparing(String::length))
            .map(f -> "'" + f + "'")
            .collect(java.util.stream.Collectors.joining(", "))
        + ", sans-serif";
  }

  private final ITemplateEngine templates;
  private final CallForExperts calls;
  private final Languages languages;

  SignUpFlyer(ITemplateEngine templates, CallForExperts calls, Languages languages) {
    this.templates = templates;
    this.calls = calls;
    this.languages = languages;
  }

  /** The link as a QR code: black on white, quiet zone included, this many pixels square. */
  byte[] qrPng(String link, int pixels) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  link,
                  BarcodeFormat.QR_CODE,
                  pixels,
                  pixels,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
      var image =
          new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      var png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("The link does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flyer for this project's call, as a PDF, in this language. */
  byte[] pdf(Project project, String link, Locale locale) {
    var call = calls.callOf(project.getId());
    var context = new Context(locale);
    context.setVariable("project", project);
    context.setVariable("link", link);
    context.setVariable(
        "qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(link, 600)));
    context.setVariable("direction", languages.direction(locale));
    context.setVariable("fonts", families());
    context.setVariable(
        "themes",
        String.join(", ", project.themeLabels(project.getThemes(), locale.getLanguage())));
    context.setVariable("windowCloses", call == null ? null : call.windowCloses());
    String html = templates.process("documents/flyer", context);
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
      throw new UncheckedIOException("The flyer could not be made", e);
    }
    return pdf.toByteArray();
  }

  private static InputStream font(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("No font " + path, e);
    }
  }
}
