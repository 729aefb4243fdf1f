package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: the system's headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, nothing downloaded, skipped when missing), signing in and out, and the
 * checks every page gets: it fits the screen, axe-core finds nothing serious, and its policy
 * refused nothing. Screenshots go to {@code target/screenshots}.
 */
abstract class BrowserPages {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  static final Duration PAGE_WAIT = Duration.ofSeconds(15);

  static ChromeDriverService service;
  static WebDriver browser;
  static Path profile;

  @LocalServerPort protected int port;

  /** Static, so that it runs (and may skip) before Spring starts the application. */
  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium"
            + " chromium-driver)");
    profile = Files.createTempDirectory("expertpool-chromium-");
    ChromeOptions options = options(profile);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
    Files.createDirectories(SCREENSHOTS);
  }

  /** Headless Chromium in English, with its own profile folder and the console kept. */
  static ChromeOptions options(Path profileFolder) {
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
        "--user-data-dir=" + profileFolder.toAbsolutePath(),
        "--window-size=1280,1000",
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    // The console, to see what the pages' Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    return options;
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

  static final List<Integer> WIDTHS = List.of(1280, 360);

  protected static void atWidth(int width) {
    browser.manage().window().setSize(new Dimension(width, 1000));
  }

  /** Nothing on the page is wider than the window: no sideways scrolling. */
  protected static void fitsTheScreen(String page) {
    Number overflow =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
    if (overflow.intValue() > 0) {
      Object outside =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "const w = document.documentElement.clientWidth;"
                      + " return Array.from(document.querySelectorAll('main *, header *'))"
                      + ".filter(e => { const r = e.getBoundingClientRect();"
                      + " return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5"
                      + " || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX"
                      + " === 'visible'); })"
                      + ".slice(-8).map(e => e.tagName + '.' + e.className + ' '"
                      + " + Math.round(e.getBoundingClientRect().left) + '..'"
                      + " + Math.round(e.getBoundingClientRect().right));");
      assertThat(overflow.intValue())
          .as(page + ": scrolls sideways by (outside: " + outside + ")")
          .isLessThanOrEqualTo(0);
    }
  }

  /**
   * Every control a thumb aims at is at least 44 px high: the menu's links, buttons, fields, links
   * set as buttons, and the labels of check boxes and radio buttons (the box itself is small; its
   * label takes the tap).
   */
  protected static void tapTargetsAreLargeEnough(String page) {
    @SuppressWarnings("unchecked")
    List<String> small =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Array.from(document.querySelectorAll('header a:not(.skip-link),"
                        + " button, a[role=button], input:not([type=hidden]):not([type=checkbox])"
                        + ":not([type=radio]), select, textarea, label.consent-box,"
                        + " label:has(> input[type=checkbox]), label:has(> input[type=radio])'))"
                        + ".filter(e => e.getClientRects().length > 0"
                        + " && e.getBoundingClientRect().height < 44)"
                        + ".map(e => e.outerHTML.slice(0, 80) + ' ' +"
                        + " Math.round(e.getBoundingClientRect().height))");
    assertThat(small).as(page + ": tap targets under 44 px").isEmpty();
  }

  /** axe-core finds no serious or critical violation of WCAG 2.1 A and AA. */
  protected static void accessible(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    assertThat(results.getViolations())
        .as(page)
        .filteredOn(rule -> List.of("serious", "critical").contains(rule.getImpact()))
        .extracting(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
        .isEmpty();
  }

  protected void signIn(String user) {
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

  protected void signOut() {
    browser.findElement(By.cssSelector("header form button[type=submit]")).click();
    waitFor().until(ExpectedConditions.urlToBe(url("/login?logout")));
  }

  protected void submitTaskForm() {
    WebElement page = browser.findElement(By.tagName("main"));
    browser
        .findElement(By.cssSelector("main form[method=post]:not(.inline) > button[type=submit]"))
        .click();
    waitFor().until(gone(page));
  }

  /**
   * The element has left the page: the next page replaced it. Chrome sometimes answers a look at a
   * node of the page just left with an inspector error instead of "stale"; that counts as gone.
   */
  protected static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(
      WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.WebDriverException left) {
        return true;
      }
    };
  }

  protected WebDriverWait waitFor() {
    return new WebDriverWait(browser, PAGE_WAIT);
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected static String path() {
    return java.net.URI.create(browser.getCurrentUrl()).getPath();
  }

  protected static void screenshot(String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
