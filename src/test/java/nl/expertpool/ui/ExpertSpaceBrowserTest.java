package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import nl.expertpool.interview.Interview;
import nl.expertpool.interview.InterviewOverview;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.recruitment.ExpertAccess;
import nl.expertpool.security.PasswordSetup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A certified expert of the Almere pool, on a phone (360 × 800), in Ukrainian from the first page:
 * chooses a password through the one-time link, signs in, lands on their own space, records a
 * network interview there, sees its hours added and downloads the certificate of participation.
 * Every page fits the phone, has tap targets of 44 px at least, and axe-core finds nothing serious.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpertSpaceBrowserTest extends BrowserPages {

  private static final String QUOTE = "Ми чекали на житло два роки, і ніхто не пояснив чому.";

  @Autowired LifecycleDriver driver;
  @Autowired ExpertAccess access;
  @Autowired InterviewOverview interviews;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordSetup passwords;
  @Autowired nl.expertpool.pools.PoolRegistry pools;
  @Autowired nl.expertpool.pools.PoolMembership membership;
  @Autowired nl.expertpool.pools.Invitations invitations;

  @Test
  void aCertifiedExpertRecordsAnInterviewInUkrainianSeesTheHoursAndDownloadsTheCertificate()
      throws Exception {
    UUID project = driver.trainedPool();
    String username = "olena-" + Long.toString(System.nanoTime(), 36);
    String password = "соняшник над Алмере 2026";
    var link = access.link(expertWhoPrefers(project, "uk"), username, "pm");

    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(360, 800));

    // 1. The link the staff handed her opens in her language.
    browser.get(url(URI.create(link.setPasswordLink()).getPath()));
    assertThat(lang()).isEqualTo("uk");
    assertThat(heading()).isEqualTo("Оберіть пароль");
    onAPhone("expert-set-password-uk");
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("repeat")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlContains("/login"));

    // 2. She signs in and lands on her own space, still in Ukrainian.
    assertThat(lang()).isEqualTo("uk");
    onAPhone("expert-login-uk");
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/me"));
    assertThat(heading()).isEqualTo("Мій пул експертів");
    assertThat(hours("Інтерв'ю")).isEqualTo("0");
    String training = hours("Навчання");
    assertThat(training).isNotEqualTo("0");
    onAPhone("expert-me-uk");

    // 3. Her first interview, from the top of the page: the form in Ukrainian.
    WebElement first = browser.findElement(By.cssSelector("#my-tasks a[role=button]"));
    assertThat(first.getText()).isEqualTo("Записати інтерв'ю з оточення\nІнтерв'ю 1 з 2");
    first.click();
    waitFor().until(d -> path().startsWith("/tasks/"));
    assertThat(lang()).isEqualTo("uk");
    onAPhone("expert-interview-uk");
    browser.findElement(By.cssSelector("input[name=intervieweeConsent][value=given]")).click();
    browser.findElement(By.cssSelector("input[name=themes][value=housing]")).click();
    browser.findElement(By.name("needs")).sendKeys("Житло поруч із роботою");
    browser.findElement(By.name("keyQuotes")).sendKeys(QUOTE);
    assertThat(browser.findElement(By.cssSelector("main form button[type=submit]")).getText())
        .isEqualTo("Завершити завдання");
    submitTaskForm();

    // 4. Back on her space: done, and the interview's 1.5 hours added once it is stored.
    waitFor().until(d -> path().equals("/me"));
    assertThat(browser.findElement(By.cssSelector("p.done")).getText())
        .isEqualTo("Виконано: Записати інтерв'ю з оточення");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                interviews.of(project).stream()
                    .anyMatch(i -> i.status() == Interview.Status.RECORDED));
    Interview recorded =
        interviews.of(project).stream()
            .filter(i -> i.status() == Interview.Status.RECORDED)
            .findFirst()
            .orElseThrow();
    assertThat(recorded.keyQuotes()).containsExactly(QUOTE);
    assertThat(recorded.language()).isEqualTo("uk");
    browser.navigate().refresh();
    assertThat(hours("Інтерв'ю")).isEqualTo("1,5");
    onAPhone("expert-me-after-interview-uk");

    // 5. The certificate, downloaded from the page: in Ukrainian, then in Dutch, one interview.
    String[] answer = download("a[href$='.pdf']").split("\n", 2);
    assertThat(answer[0]).isEqualTo("200 application/pdf");
    try (var pdf = Loader.loadPDF(Base64.getDecoder().decode(answer[1]))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains("Сертифікат про участь", "Провів(-ла) одне інтерв'ю")
          .contains("Certificaat van deelname");
      assertThat(text.indexOf("Сертифікат про участь"))
          .isLessThan(text.indexOf("Certificaat van deelname"));
    }
    atWidth(1280);
  }

  /**
   * An expert of another pool, whose application asked for Arabic, gives feedback on the action
   * agenda on a phone: her pages and the form right to left, and back on her space when done.
   */
  @Test
  void anExpertGivesFeedbackInArabicRightToLeftOnAPhone() {
    UUID project = driver.agendaDrafted();
    String username = "rasha-" + Long.toString(System.nanoTime(), 36);
    String password = "ياسمين دمشق في ألمير 2026";
    String link = access.link(expertWhoPrefers(project, "ar"), username, "pm").setPasswordLink();
    assertThat(passwords.setPassword(link.substring(link.lastIndexOf('/') + 1), password))
        .isEmpty();

    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/me"));
    assertThat(lang()).isEqualTo("ar");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
    assertThat(heading()).isEqualTo("مجموعة الخبراء الخاصة بي");
    onAPhone("expert-me-feedback-ar");

    WebElement task = browser.findElement(By.cssSelector("#my-tasks a[role=button]"));
    assertThat(task.getText()).isEqualTo("إبداء الرأي في جدول الإجراءات");
    task.click();
    waitFor().until(d -> path().startsWith("/tasks/"));
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
    onAPhone("expert-feedback-ar");
    browser.findElement(By.cssSelector("input[type=radio][value='4']")).click();
    submitTaskForm();

    waitFor().until(d -> path().equals("/me"));
    assertThat(browser.findElement(By.cssSelector("p.done")).getText())
        .isEqualTo("تم: إبداء الرأي في جدول الإجراءات");
    assertThat(browser.findElements(By.cssSelector("#my-tasks a[role=button]"))).isEmpty();
    onAPhone("expert-me-feedback-given-ar");
    atWidth(1280);
  }

  /**
   * A member of a standing pool finds an invitation to the pool's next project on her space, reads
   * what she agrees to, in Arabic and in Ukrainian, and accepts it on her phone.
   */
  @Test
  void aMemberOfAStandingPoolAcceptsAnInvitationOnHerSpace() {
    var pool =
        pools.create(
            new nl.expertpool.pools.NewPool(
                "Almere region " + Long.toString(System.nanoTime(), 36), "Flevoland", null, null),
            "pm");
    UUID project = driver.trainedPool(pool.getId());
    String username = "iryna-" + Long.toString(System.nanoTime(), 36);
    String password = "тюльпани біля озера 2027";
    UUID application = expertWhoPrefers(project, "uk");
    String link = access.link(application, username, "pm").setPasswordLink();
    assertThat(passwords.setPassword(link.substring(link.lastIndexOf('/') + 1), password))
        .isEmpty();
    UUID expertId =
        jdbc.queryForObject(
            "select id from expert where application_id = ?", UUID.class, application);
    UUID member =
        membership.join(
            project, expertId, new nl.expertpool.pools.GivenConsent("v1", "uk", "paper"), "staff");
    String next = "Almere 2028 " + Long.toString(System.nanoTime(), 36);
    UUID second = driver.create(next, 3, null, pool.getId());
    invitations.invite(second, java.util.List.of(member), "pm");

    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/me"));
    assertThat(browser.findElement(By.id("my-invitations")).getText()).contains(next);
    browser.findElement(By.cssSelector("#my-invitations summary")).click();
    onAPhone("expert-me-invitation-uk");
    browser.get(url("/me?lang=ar"));
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
    onAPhone("expert-me-invitation-ar");
    atWidth(1280);
    screenshot("expert-me-invitation-ar-1280");
    fitsTheScreen("expert-me-invitation-ar-1280");
    accessible("expert-me-invitation-ar-1280");
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(url("/me?lang=uk"));

    browser.findElement(By.cssSelector("#my-invitations button[value=accept]")).click();
    waitFor().until(d -> path().equals("/me"));
    assertThat(browser.findElement(By.cssSelector("p.done")).getText())
        .isEqualTo(
            "Ви прийняли запрошення до «" + next + "». Працівники проєкту зв'яжуться з вами.");
    assertThat(browser.findElements(By.id("my-invitations"))).isEmpty();
    onAPhone("expert-me-invitation-accepted-uk");
    assertThat(invitations.ofProject(second))
        .extracting(nl.expertpool.pools.Invitations.Sent::state)
        .containsExactly(nl.expertpool.pools.Invitations.State.ACCEPTED);
    atWidth(1280);
  }

  /** The application of the project's first expert, which asked for this language. */
  private UUID expertWhoPrefers(UUID project, String language) {
    UUID application =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    jdbc.update(
        "update application set preferred_language = ? where id = ?", language, application);
    return application;
  }

  private static String lang() {
    return browser.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  private static String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  /** The hours of one activity in the table of paid hours. */
  private static String hours(String activity) {
    return browser
        .findElement(
            By.xpath(
                "//section[contains(@class,'my-project')]//tr[td[1][normalize-space()=\""
                    + activity
                    + "\"]]/td[2]"))
        .getText();
  }

  /** The page as a phone shows it: photographed, fits, accessible, taps of 44 px at least. */
  private static void onAPhone(String shot) {
    screenshot(shot + "-360");
    fitsTheScreen(shot);
    accessible(shot);
    tapTargetsAreLargeEnough(shot);
  }

  /** Fetches a link of the page with the page's session: status and type, then the body base64. */
  private static String download(String css) {
    String href = browser.findElement(By.cssSelector(css)).getDomAttribute("href");
    return String.valueOf(
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.blob().then(b => { const f = new"
                    + " FileReader(); f.onload = () => done(r.status + ' '"
                    + " + r.headers.get('content-type') + '\\n' + f.result.split(',')[1]);"
                    + " f.readAsDataURL(b); })).catch(e => done('failed ' + e));",
                href));
  }
}
