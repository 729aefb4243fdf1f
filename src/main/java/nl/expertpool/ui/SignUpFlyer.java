package nl.expertpool.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.expertpool.project.Project;
import nl.expertpool.recruitment.CallForExperts;
import org.springframework.stereotype.Component;

/**
 * Sharing a call: its link as a QR code (ZXing), and a printable A4 flyer in any language the app
 * offers ({@link PdfDocuments}).
 */
@Component
class SignUpFlyer {

  private final PdfDocuments documents;
  private final CallForExperts calls;
  private final String publicUrl;

  SignUpFlyer(
      PdfDocuments documents,
      CallForExperts calls,
      @org.springframework.beans.factory.annotation.Value("${expertpool.public-url}")
          String publicUrl) {
    this.documents = documents;
    this.calls = calls;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The public sign-up page of a call, as candidates open it. */
  String link(String signUpCode) {
    return publicUrl + "/apply/" + signUpCode;
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
    var variables = new java.util.HashMap<String, Object>();
    variables.put("project", project);
    variables.put("link", link);
    variables.put(
        "qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(link, 600)));
    variables.put(
        "themes",
        String.join(", ", project.themeLabels(project.getThemes(), locale.getLanguage())));
    variables.put("windowCloses", call == null ? null : call.windowCloses());
    return documents.render("documents/flyer", variables, locale);
  }
}
