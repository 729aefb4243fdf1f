package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Newcomers apply on a phone (360 × 800): in Ukrainian, and in Arabic, right to left, with
 * JavaScript switched off. Every tap target is at least 44 px high; nothing scrolls sideways;
 * axe-core finds nothing serious. Each applicant's export shows the consent's language, version and
 * the hash of the text they saw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignUpBrowserTest extends BrowserPages {

  @Autowired LifecycleDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired nl.expertpool.recruitment.ConsentTexts consents;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

  @Test
  void aNewcomerAppliesInUkrainianOnAPhone() {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(url("/apply/" + code + "?lang=uk"));

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("uk");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Приєднуйтеся до пулу експертів");
    onAPhone("sign-up-uk");
    fill("Олена Коваль", "olena.k@example.org", "українська, англійська", "uk");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();

    assertThat(sent()).isEqualTo("CONFIRMATION_SENT");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Майже готово");
    onAPhone("sign-up-uk-sent");
    assertThat(consentLanguage(project)).isEqualTo("uk");
    atWidth(1280);
  }

  @Test
  void aNewcomerAppliesInArabicRightToLeftWithoutJavaScript() throws java.io.IOException {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();
    ChromeOptions options = options(java.nio.file.Files.createTempDirectory("expertpool-nojs-"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            "ar",
            "profile.managed_default_content_settings.javascript",
            2));
    WebDriver withJavaScript = browser;
    var ownService =
        new org.openqa.selenium.chrome.ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(ownService, options);
    try {
      browser.manage().window().setSize(new Dimension(360, 800));
      browser.get(url("/apply/" + code));
      assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
      assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ar");
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("انضم إلى مجموعة الخبراء");
      onAPhone("sign-up-ar", false);

      // First without consent: refused, what was typed kept.
      fillWithoutConsent("رشا حداد", "", "العربية، الإنجليزية");
      browser.findElement(By.id("phone")).sendKeys("+31 6 1234 5678");
      submitTaskForm();
      assertThat(browser.findElement(By.id("consent-note")).getText())
          .isEqualTo("بدون موافقتك لا يمكننا الاحتفاظ بطلبك.");
      assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("رشا حداد");
      onAPhone("sign-up-ar-refused", false);

      browser.findElement(By.id("consent")).click();
      browser.findElement(By.cssSelector("main form button[type=submit]")).click();
      assertThat(sent()).isIn("AWAITING_CALL", "CODE_SENT");
      onAPhone("sign-up-ar-sent", false);
      assertThat(consentLanguage(project)).isEqualTo("ar");
    } finally {
      browser.quit();
      ownService.stop();
      browser = withJavaScript;
    }
    // axe-core needs JavaScript: the Arabic page, refused and not, in the browser that has it.
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(url("/apply/" + code + "?lang=ar"));
    onAPhone("sign-up-ar-axe");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor()
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.id("problems")));
    onAPhone("sign-up-ar-refused-axe");
    atWidth(1280);
  }

  /** Waits for the page after sending, and says what it received. */
  private String sent() {
    return waitFor()
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("main[data-page=sign-up-sent]")))
        .getDomAttribute("data-received");
  }

  private void fill(String name, String email, String languages, String preferred) {
    fillWithoutConsent(name, email, languages);
    new Select(browser.findElement(By.id("preferredLanguage"))).selectByValue(preferred);
    browser.findElement(By.id("consent")).click();
  }

  private void fillWithoutConsent(String name, String email, String languages) {
    browser.findElement(By.id("name")).sendKeys(name);
    if (!email.isEmpty()) {
      browser.findElement(By.id("email")).sendKeys(email);
    }
    browser.findElement(By.id("languages")).sendKeys(languages);
    browser.findElement(By.id("motivation")).sendKeys("أعرف ما يحتاجه القادمون الجدد / I know.");
  }

  /** The page as a phone shows it: photographed, fits, accessible, taps of 44 px at least. */
  private void onAPhone(String shot) {
    onAPhone(shot, true);
  }

  /**
   * @param axe false in a browser without JavaScript, which axe-core needs: the same page is
   *     checked by axe in the browser with it
   */
  private void onAPhone(String shot, boolean axe) {
    screenshot(shot + "-360");
    fitsTheScreen(shot);
    if (axe) {
      accessible(shot);
    }
    tapTargetsAreLargeEnough(shot);
  }

  /**
   * The language of the consent in the applicant's export, as the project manager downloads it
   * ({@code GET /api/people/{id}/export}), with the version and the SHA-256 of the text shown.
   */
  private String consentLanguage(UUID project) {
    UUID application =
        jdbc.queryForObject("select id from application where project_id = ?", UUID.class, project);
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var answer =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(url("/api/people/" + application + "/export")))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString("pm:demo".getBytes(StandardCharsets.UTF_8)))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      var consent = json.readTree(answer.body()).path("consent").path(0);
      String language = consent.path("language").asText();
      assertThat(consent.path("text_version").asText()).isEqualTo("v1");
      assertThat(consent.path("text_sha256").asText()).isEqualTo(consents.shown(language).sha256());
      return language;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
