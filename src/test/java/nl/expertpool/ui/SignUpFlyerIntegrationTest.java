package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sharing a call: the QR code reads back as the sign-up link, and the flyer is an A4 PDF in each
 * language with the shipped fonts embedded: Cyrillic in Noto Sans, Arabic in Noto Sans Arabic. Each
 * flyer's first page is rendered to {@code target/screenshots/flyer-<language>.png} to look at.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignUpFlyerIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;

  @Test
  void theQrCodeReadsAsTheSignUpLink() throws Exception {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();

    byte[] png = download("/dashboard/projects/" + project + "/sign-up-qr.png", "image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    String read =
        new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();

    assertThat(read).endsWith("/apply/" + code);
  }

  @Test
  void theFlyerIsAnA4PdfInEachLanguageWithItsScriptsFonts() throws Exception {
    UUID project = driver.create(3, null);
    Files.createDirectories(Path.of("target", "screenshots"));
    for (String language : new String[] {"en", "nl", "uk", "ar"}) {
      byte[] pdf =
          download(
              "/dashboard/projects/" + project + "/flyer.pdf?language=" + language,
              "application/pdf");
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertThat(document.getNumberOfPages()).isEqualTo(1);
        assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
        String text = new PDFTextStripper().getText(document);
        Set<String> fonts = new HashSet<>();
        for (COSName name : document.getPage(0).getResources().getFontNames()) {
          fonts.add(document.getPage(0).getResources().getFont(name).getName());
        }
        switch (language) {
          case "uk" -> {
            assertThat(text).contains("Приєднуйтеся до пулу експертів");
            assertThat(fonts).anyMatch(f -> f.contains("NotoSans-"));
          }
          case "ar" -> assertThat(fonts).anyMatch(f -> f.contains("NotoSansArabic"));
          case "nl" -> assertThat(text).contains("Word lid van de expertpool");
          default -> assertThat(text).contains("Join the expert pool", "/apply/");
        }
        ImageIO.write(
            new PDFRenderer(document).renderImageWithDPI(0, 60),
            "png",
            Path.of("target", "screenshots", "flyer-" + language + ".png").toFile());
      }
    }
    mvc.perform(
            get("/dashboard/projects/" + project + "/flyer.pdf?language=xx")
                .with(user("pm").roles("PROJECT_MANAGER")))
        .andExpect(status().isBadRequest());
  }

  private byte[] download(String path, String type) throws Exception {
    var response =
        mvc.perform(get(path).with(user("pm").roles("PROJECT_MANAGER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(response.getContentType()).isEqualTo(type);
    return response.getContentAsByteArray();
  }
}
