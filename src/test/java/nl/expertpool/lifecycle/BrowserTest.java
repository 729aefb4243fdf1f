package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real headless Chromium: sign-in per role, a task form refused and then completed,
 * a client watching a milestone being reached, and clients kept out of each other's projects.
 *
 * <p>Uses the system's Chromium and chromedriver only (Debian's {@code chromium} and {@code
 * chromium-driver}); nothing is downloaded, and Selenium Manager never runs because both paths are
 * given. Skipped when either is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  static final Duration PAGE_WAIT = Duration.ofSeconds(15);

  static ChromeDriverService service;
  static WebDriver browser;
  static Path profile;

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;

  /** Static, so that it runs (and may skip) before Spring starts the application. */
  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium"
            + " chromium-driver)");
    profile = Files.createTempDirectory("expertpool-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1000",
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    // The console, to see what the pages' Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (service != null) {
      service.stop();
      service = null;
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
      profile = null;
    }
  }

  /** Issue 17: every page works under its policy; a refused script or style would show here. */
  @AfterEach
  void thePolicyRefusedNothing() {
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .extracting(LogEntry::getMessage)
        .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
  }

  @Test
  void everyRoleSignsInThroughTheFormLandsOnItsPageAndSignsOut() {
    for (var landing :
        List.of(
            Map.entry("pm", "/dashboard"),
            Map.entry("staff", "/tasks"),
            Map.entry("expert", "/tasks"),
            Map.entry("client", "/portal"))) {
      signIn(landing.getKey());
      assertThat(path()).as(landing.getKey()).isEqualTo(landing.getValue());
      if (landing.getKey().equals("pm")) {
        screenshot("dashboard");
      }
      signOut();
    }
  }

  @Test
  void staffScreenACandidateOnTheTaskPageAndTheClientSeesTheExpertsRecruited() {
    // One accepted candidate recruits a pool with a target of one (minimum ceil(60 %) = 1).
    UUID project = driver.create(1, null);
    String projectName = driver.projects.get(project).getName();
    driver.apply(project, "Olena Koval");
    driver.advance(Duration.ofDays(14));
    long key = driver.task(project, "screen-candidates").key();

    signIn("staff");
    WebElement row =
        waitFor()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-task='" + key + "']")));
    assertThat(row.getText()).contains("Screen candidates", projectName);
    row.findElement(By.linkText("Screen candidates")).click();
    waitFor().until(ExpectedConditions.urlToBe(url("/tasks/" + key)));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Olena Koval");

    // Decision left empty, a note typed: refused, the error beside the field, the note kept.
    String note = "Strong motivation, speaks Ukrainian";
    WebElement noteInput = browser.findElement(By.cssSelector("div.field[data-key$='note'] input"));
    noteInput.clear();
    noteInput.sendKeys(note);
    submitTaskForm();
    WebElement error =
        waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("div.field[data-key$='decision'] p.field-error")));
    assertThat(error.getText()).contains("required");
    assertThat(browser.findElements(By.cssSelector("p.field-error"))).hasSize(1);
    assertThat(
            browser
                .findElement(By.cssSelector("div.field[data-key$='note'] input"))
                .getDomProperty("value"))
        .isEqualTo(note);
    assertThat(browser.findElement(By.cssSelector("p.error[role=alert]")).getText())
        .contains("1 field");
    screenshot("task-refused");

    new Select(browser.findElement(By.cssSelector("div.field[data-key$='decision'] select")))
        .selectByValue("accept");
    submitTaskForm();
    waitFor().until(d -> path().equals("/tasks"));
    assertThat(browser.findElements(By.cssSelector("tr[data-task='" + key + "']"))).isEmpty();
    signOut();

    // The client's portal: poll the page until the milestone is reached.
    signIn("client");
    browser.get(url("/portal/projects/" + project));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(projectName);
    By recruited = By.cssSelector("li[data-milestone='EXPERTS_RECRUITED']");
    new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(500))
        .until(
            d -> {
              if (d.findElement(recruited).getDomAttribute("class").contains("reached")) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    assertThat(browser.findElement(recruited).getDomAttribute("class")).isEqualTo("reached");
    assertThat(browser.findElement(By.id("current-phase")).getText()).isNotBlank();
    screenshot("portal-project");
    signOut();
  }

  @Test
  void projectManagersSeeTheProcessDrawnByBpmnJsWithItsActiveElementsAndTheApplicants() {
    UUID project = driver.createFor("Gemeente Almere");
    driver.apply(project, "Amina Yusuf");
    driver.awaitActive(project, "WindowClosesTimer");

    signIn("pm");
    browser.get(url("/dashboard/projects/" + project));
    waitFor()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".diagram[data-drawn]"), 2));
    assertThat(browser.findElements(By.cssSelector(".diagram[data-drawn] .djs-container")))
        .hasSize(2);
    WebElement phase =
        browser.findElement(
            By.cssSelector(
                ".diagram[data-process='expert-pool-project']"
                    + " g.djs-element.active[data-element-id='RecruitmentPhase']"));
    assertThat(phase.isDisplayed()).isTrue();
    assertThat(
            browser
                .findElement(By.cssSelector(".diagram[data-process='expert-recruitment']"))
                .findElements(By.cssSelector(".instance-count")))
        .extracting(badge -> badge.getDomProperty("textContent"))
        .contains("1");
    assertThat(browser.findElement(By.id("people")).getText()).contains("Amina Yusuf");
    screenshot("dashboard-project");
    signOut();
  }

  @Test
  void aClientOpeningAnotherClientsProjectByUrlSeesNotFoundAndNeverItsName() {
    UUID almere = driver.createFor("Gemeente Almere");
    UUID utrecht = driver.createFor("Gemeente Utrecht");

    seesNotFound("client", almere, utrecht);
    seesNotFound("client-utrecht", utrecht, almere);
  }

  /** A project of this client organisation, its call open. */
  private void seesNotFound(String user, UUID own, UUID foreign) {
    String foreignName = driver.projects.get(foreign).getName();
    signIn(user);
    browser.get(url("/portal/projects/" + own));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(driver.projects.get(own).getName());

    browser.get(url("/portal/projects/" + foreign));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("This page does not exist, or it is not yours to see.");
    assertThat(browser.getTitle()).doesNotContain(foreignName);
    assertThat(browser.getPageSource()).doesNotContain(foreignName, foreign.toString());
    signOut();
  }

  private void signIn(String user) {
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> !path().equals("/login") && !path().equals("/"));
    assertThat(browser.findElement(By.cssSelector("header form button[type=submit]")).getText())
        .contains("(" + user + ")");
  }

  private void signOut() {
    browser.findElement(By.cssSelector("header form button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlToBe(url("/login?logout")));
  }

  private void submitTaskForm() {
    WebElement page = browser.findElement(By.tagName("main"));
    browser.findElement(By.cssSelector("main form[method=post] > button[type=submit]")).click();
    waitFor().until(ExpectedConditions.stalenessOf(page));
  }

  private WebDriverWait waitFor() {
    return new WebDriverWait(browser, PAGE_WAIT);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String path() {
    return java.net.URI.create(browser.getCurrentUrl()).getPath();
  }

  private static void screenshot(String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
