package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages in a real headless Chromium: sign-in per role, a task form refused and then completed,
 * a client watching a milestone being reached, and clients kept out of each other's projects.
 *
 * <p>Uses the system's Chromium and chromedriver only (Debian's {@code chromium} and {@code
 * chromium-driver}); nothing is downloaded, and Selenium Manager never runs because both paths are
 * given. Skipped when either is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest extends BrowserPages {

  @Autowired nl.expertpool.followup.AgendaFollowUp followUp;
  @Autowired nl.expertpool.security.PasswordSetup passwords;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired LifecycleDriver driver;
  @Autowired nl.expertpool.recruitment.ExpertAccess access;
  @Autowired nl.expertpool.pools.PoolRegistry pools;
  @Autowired nl.expertpool.pools.PoolMembership membership;

  @Test
  void everyRoleSignsInThroughTheFormLandsOnItsPageAndSignsOut() {
    for (var landing :
        List.of(
            Map.entry("pm", "/dashboard"),
            Map.entry("staff", "/tasks"),
            Map.entry("expert", "/me"),
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

  /**
   * Issue 17: an expert's new account comes with a one-time link to choose a password, and anyone
   * changes their own. The pages this touched, in English and Dutch, on a desktop and a 360 px
   * phone: nothing scrolls sideways and axe-core finds no serious or critical violation.
   */
  @Test
  void anExpertChoosesAPasswordThroughTheLinkTheProjectManagerHandsOverOnAPhoneToo() {
    UUID project = driver.trainedPool();
    String username = "olena-" + Long.toString(System.nanoTime(), 36);
    var olena =
        driver.pool.people(project).stream()
            .filter(p -> "Olena Koval".equals(p.name()))
            .findFirst()
            .orElseThrow();

    signIn("pm");
    browser.get(url("/dashboard/projects/" + project));
    WebElement row =
        browser.findElement(By.cssSelector("tr[data-person='" + olena.applicationId() + "']"));
    row.findElement(By.name("username")).sendKeys(username);
    row.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement handOver =
        waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".set-password-link a")));
    String link = handOver.getText();
    assertThat(link).contains("/account/set-password/");
    for (int width : WIDTHS) {
      atWidth(width);
      ((JavascriptExecutor) browser)
          .executeScript("document.querySelector('.set-password-link').scrollIntoView()");
      screenshot("dashboard-people-" + width);
      fitsTheScreen("dashboard people at " + width);
    }
    atWidth(1280);
    signOut();

    String path = java.net.URI.create(link).getPath();
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url(path + "?lang=" + language));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(username);
        screenshot("set-password-" + language + "-" + width);
        fitsTheScreen("set password, " + language + ", " + width);
        accessible("set password, " + language + ", " + width);
      }
    }
    browser.get(url(path + "?lang=en"));
    browser.findElement(By.id("password")).sendKeys("          ");
    browser.findElement(By.id("repeat")).sendKeys("          ");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")))
                .getText())
        .contains("must not be empty");
    assertThat(browser.findElement(By.id("password")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    screenshot("set-password-refused-" + browser.manage().window().getSize().getWidth());
    accessible("set password refused");
    browser.findElement(By.id("password")).sendKeys("letters-at-night");
    browser.findElement(By.id("repeat")).sendKeys("letters-at-night");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/login"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your password is set");
    screenshot("login-password-set-360");
    accessible("sign-in after the password is set");

    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys("letters-at-night");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/me"));
    browser.findElement(By.linkText("Password")).click();
    waitFor().until(d -> path().equals("/account/password"));
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/account/password?lang=" + language));
        screenshot("change-password-" + language + "-" + width);
        fitsTheScreen("change password, " + language + ", " + width);
        accessible("change password, " + language + ", " + width);
      }
    }
    browser.get(url("/account/password?lang=en"));
    browser.findElement(By.id("current")).sendKeys("letters-at-night");
    browser.findElement(By.id("password")).sendKeys("tulips along the ijssel");
    browser.findElement(By.id("repeat")).sendKeys("tulips along the ijssel");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")))
                .getText())
        .contains("Your password is changed");
    atWidth(1280);
    signOut();

    for (int width : WIDTHS) {
      atWidth(width);
      browser.get(url("/login?throttled=15&lang=nl"));
      screenshot("login-throttled-nl-" + width);
      fitsTheScreen("sign-in refused for a while at " + width);
      accessible("sign-in refused for a while at " + width);
      browser.get(url("/account/set-password/no-such-link?lang=en"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).contains("does not work");
      fitsTheScreen("a link that does not work at " + width);
    }
    atWidth(1280);
  }

  /**
   * Issue 17, finding 5: an application counts once confirmed. One applicant confirms with the link
   * the app sends (written to the log here); one who gave only a phone number is called by staff,
   * who confirm the application on the screening page before accepting it.
   */
  @Test
  void anApplicantConfirmsWithTheLinkAndStaffConfirmAPhoneOnlyApplicationOnTheScreeningPage() {
    UUID project = driver.create(2, null);
    String code = driver.call.callOf(project).signUpCode();
    var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    log.start();
    var notifier =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier");
    notifier.addAppender(log);
    try {
      driver.intake.apply(project, LifecycleDriver.application(code, "Olena Koval"));
    } finally {
      notifier.detachAppender(log);
    }
    var byPhone = LifecycleDriver.application(code, "Andrii Melnyk");
    driver.intake.apply(
        project,
        new nl.expertpool.recruitment.ApplicationForm(
            code,
            byPhone.name(),
            null,
            "+31 6 1234 5678",
            byPhone.languages(),
            byPhone.motivation(),
            "en",
            byPhone.consent()));
    String line =
        log.list.stream()
            .map(e -> e.getFormattedMessage())
            .filter(l -> l.startsWith("Notification 'application-confirm'"))
            .findFirst()
            .orElseThrow();
    String path =
        java.net.URI.create(line.substring(line.lastIndexOf("its link: ") + 10)).getPath();

    for (String language : List.of("nl", "en")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url(path + "?lang=" + language));
        assertThat(browser.findElement(By.tagName("main")).getText())
            .contains(driver.projects.get(project).getName());
        screenshot("apply-confirm-" + language + "-" + width);
        fitsTheScreen("confirm an application, " + language + ", " + width);
        accessible("confirm an application, " + language + ", " + width);
      }
    }
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor()
        .until(d -> !d.findElements(By.cssSelector("main[data-page=apply-confirmed]")).isEmpty());
    screenshot("apply-confirmed-en-360");
    fitsTheScreen("application confirmed");
    accessible("application confirmed");
    atWidth(1280);

    driver.advance(Duration.ofDays(14));
    long key = driver.task(project, "screen-candidates").key();
    signIn("staff");
    browser.get(url("/tasks/" + key));
    WebElement toConfirm = browser.findElement(By.id("to-confirm"));
    assertThat(toConfirm.getText())
        .contains("Andrii Melnyk", "+31 6 1234 5678")
        .doesNotContain("Olena");
    for (int width : WIDTHS) {
      atWidth(width);
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", toConfirm);
      screenshot("screening-to-confirm-" + width);
      fitsTheScreen("screening with an application to confirm at " + width);
    }
    atWidth(1280);
    accessible("screening with an application to confirm");

    // Accepting the unconfirmed candidate is refused beside the field, until staff confirm.
    for (WebElement decision :
        browser.findElements(By.cssSelector("div.field[data-key$='decision'] select"))) {
      new Select(decision).selectByValue("accept");
    }
    submitTaskForm();
    assertThat(browser.findElement(By.cssSelector("p.field-error")).getText()).contains("confirm");
    screenshot("screening-accept-refused-1280");
    toConfirm = browser.findElement(By.id("to-confirm"));
    toConfirm.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor().until(d -> d.findElements(By.id("to-confirm")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("p.done")).getText()).contains("is confirmed");
    for (WebElement decision :
        browser.findElements(By.cssSelector("div.field[data-key$='decision'] select"))) {
      new Select(decision).selectByValue("accept");
    }
    submitTaskForm();
    waitFor().until(d -> path().equals("/tasks"));
    driver.awaitMilestone(project, nl.expertpool.milestone.MilestoneKey.EXPERTS_RECRUITED);
    assertThat(driver.pool.pool(project)).hasSize(2);
    signOut();
  }

  @Test
  void aProjectManagerFindsTheStandingPoolsAndARosterFromTheDashboard() {
    var pool =
        pools.create(
            new nl.expertpool.pools.NewPool(
                "Flevoland " + Long.toString(System.nanoTime(), 36), "Flevoland", null, null),
            "pm");
    java.util.UUID project = driver.trainedPool(pool.getId());
    for (var expert : driver.pool.pool(project)) {
      membership.join(
          project,
          expert.expertId(),
          new nl.expertpool.pools.GivenConsent("v1", "uk", "paper"),
          "staff");
    }
    String next = "Lelystad " + Long.toString(System.nanoTime(), 36);
    java.util.UUID recruiting = driver.create(next, 3, null, pool.getId());
    signIn("pm");
    browser.get(url("/dashboard"));
    browser.findElement(By.id("standing-pools")).click();
    waitFor().until(d -> path().equals("/pools"));
    browser.findElement(By.linkText(pool.getName())).click();
    waitFor().until(d -> path().equals("/pools/" + pool.getId()));
    assertThat(browser.findElements(By.cssSelector("table.roster tbody tr"))).hasSize(2);
    // The manager ticks both members and invites them to the pool's project that recruits now.
    List<String> links;
    try (var mail = nl.expertpool.lifecycle.NotificationLog.listen()) {
      browser.findElements(By.name("memberIds")).forEach(WebElement::click);
      browser.findElement(By.cssSelector("#invite button[type=submit]")).click();
      waitFor().until(d -> !d.findElements(By.id("invitations-" + recruiting)).isEmpty());
      links = mail.links("pool-invitation");
    }
    assertThat(browser.findElement(By.id("invitations-" + recruiting)).getText())
        .contains(next, "Awaiting an answer");
    assertThat(links).hasSize(2);
    for (String language : List.of("en", "nl", "ar")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/pools?lang=" + language));
        screenshot("pools-" + language + "-" + width);
        fitsTheScreen("pools, " + language + ", " + width);
        accessible("pools, " + language + ", " + width);
        browser.get(url("/pools/" + pool.getId() + "?lang=" + language));
        screenshot("roster-" + language + "-" + width);
        fitsTheScreen("roster, " + language + ", " + width);
        accessible("roster, " + language + ", " + width);
      }
    }
    atWidth(1280);
    signOut();
    // A member opens their link without an account, reads it in their language, and accepts.
    for (String language : List.of("en", "uk", "ar")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url(links.getFirst() + "?lang=" + language));
        screenshot("pool-invitation-" + language + "-" + width);
        fitsTheScreen("pool invitation, " + language + ", " + width);
        accessible("pool invitation, " + language + ", " + width);
      }
    }
    atWidth(360);
    browser.get(url(links.getFirst() + "?lang=uk"));
    browser.findElement(By.cssSelector("button[name=answer][value=accept]")).click();
    waitFor().until(d -> d.getPageSource().contains("data-state=\"ACCEPTED\""));
    screenshot("pool-invitation-accepted-uk-360");
    fitsTheScreen("pool invitation accepted, uk, 360");
    accessible("pool invitation accepted, uk, 360");
    browser.get(url("/pool-invitations/no-such-link?lang=ar"));
    screenshot("pool-invitation-gone-ar-360");
    fitsTheScreen("pool invitation gone, ar, 360");
    accessible("pool invitation gone, ar, 360");
    atWidth(1280);
  }

  /** The inbox's project filter applies when chosen: its script is a file, as the policy wants. */
  @Test
  void aProjectManagerStartsAProjectOnThePageAfterAFirstRefusal() {
    signIn("pm");
    browser.get(url("/dashboard"));
    browser.findElement(By.id("new-project")).click();
    waitFor().until(d -> path().equals("/projects/new"));
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/projects/new?lang=" + language));
        screenshot("new-project-" + language + "-" + width);
        fitsTheScreen("new project, " + language + ", " + width);
        accessible("new project, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/projects/new?lang=en"));
    String name = "Pool Lelystad " + Long.toString(System.nanoTime(), 36);
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("clientName")).sendKeys("Gemeente Lelystad");
    browser.findElement(By.id("region")).sendKeys("Lelystad");
    browser.findElement(By.id("targetExperts")).sendKeys("4");
    browser.findElement(By.id("minimumPool")).sendKeys("6");
    browser.findElement(By.id("interviewsPerExpert")).sendKeys("2");
    browser.findElements(By.name("themes")).getFirst().sendKeys("housing");
    submitTaskForm();

    assertThat(browser.findElement(By.id("problems")).getText()).contains("Smallest pool");
    assertThat(browser.findElement(By.id("minimumPool-note")).getText())
        .contains("Must not be more than the experts sought.");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
    assertThat(browser.findElements(By.name("themes")).getFirst().getAttribute("value"))
        .isEqualTo("housing");
    for (int width : WIDTHS) {
      atWidth(width);
      browser.findElement(By.id("minimumPool")).sendKeys(Keys.NULL);
      screenshot("new-project-refused-" + width);
      fitsTheScreen("new project refused, " + width);
      accessible("new project refused, " + width);
    }
    atWidth(1280);
    browser.findElement(By.id("minimumPool")).clear();
    browser.findElement(By.id("minimumPool")).sendKeys("3");
    submitTaskForm();

    assertThat(path()).startsWith("/dashboard/projects/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    signOut();
  }

  /**
   * Issue 19, point 5: a project manager adds a staff account on /admin after a first refusal, and
   * hands over the one-time link the page shows; the pages of /admin in English and Dutch, on a
   * desktop and a 360 px phone. Staff get the page that says they may not.
   */
  @Test
  void aProjectManagerAddsAStaffAccountOnTheUsersPageAndHandsOverItsLink() {
    signIn("pm");
    browser.findElement(By.linkText("Users")).click();
    waitFor().until(d -> path().equals("/admin"));
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/admin?lang=" + language));
        screenshot("admin-" + language + "-" + width);
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('new-account').scrollIntoView()");
        screenshot("admin-new-account-" + language + "-" + width);
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('organisations').scrollIntoView()");
        screenshot("admin-organisations-" + language + "-" + width);
        fitsTheScreen("users, " + language + ", " + width);
        accessible("users, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/admin?lang=en"));
    String username = "sam-" + Long.toString(System.nanoTime(), 36);
    browser.findElement(By.id("username")).sendKeys(username + " with a space");
    browser.findElement(By.id("displayName")).sendKeys("Sam de Vries");
    submitAdminForm("new-account");
    assertThat(browser.findElement(By.id("problems")).getText()).contains("Username", "Role");
    assertThat(browser.findElement(By.id("username-note")).getText())
        .contains("Only letters, digits");
    assertThat(browser.findElement(By.id("displayName")).getDomProperty("value"))
        .isEqualTo("Sam de Vries");
    for (int width : WIDTHS) {
      atWidth(width);
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('new-account').scrollIntoView()");
      screenshot("admin-refused-" + width);
      fitsTheScreen("users, refused, " + width);
      accessible("users, refused, " + width);
    }
    atWidth(1280);
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("role-STAFF")).click();
    submitAdminForm("new-account");

    WebElement handOver = browser.findElement(By.id("hand-over"));
    assertThat(handOver.getText()).contains("The account " + username + " is created");
    String link = handOver.findElement(By.cssSelector(".set-password-link a")).getText();
    assertThat(link).contains("/account/set-password/");
    assertThat(browser.findElement(By.cssSelector("tr[data-user='" + username + "']")).getText())
        .contains("Sam de Vries", "Staff", "Active");
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot("admin-hand-over-" + width);
      fitsTheScreen("users, link handed over, " + width);
      accessible("users, link handed over, " + width);
    }
    atWidth(1280);
    browser.navigate().refresh();
    assertThat(browser.findElements(By.id("hand-over"))).as("the link is shown once").isEmpty();

    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        for (String action : List.of("deactivation", "password-reset")) {
          browser.get(url("/admin/users/" + username + "/" + action + "?lang=" + language));
          screenshot("admin-" + action + "-" + language + "-" + width);
          fitsTheScreen("users, " + action + ", " + language + ", " + width);
          accessible("users, " + action + ", " + language + ", " + width);
        }
      }
    }
    atWidth(1280);
    browser.get(url("/admin?lang=en"));
    browser
        .findElement(By.cssSelector("tr[data-user='" + username + "'] a[href$='/deactivation']"))
        .click();
    waitFor().until(d -> path().endsWith("/deactivation"));
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/admin"));
    assertThat(browser.findElement(By.cssSelector("p.done")).getText())
        .contains(username, "deactivated");
    assertThat(browser.findElement(By.cssSelector("tr[data-user='" + username + "']")).getText())
        .contains("Deactivated", "Reactivate");
    atWidth(360);
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("admin-deactivated-360");
    fitsTheScreen("users, deactivated, 360");
    accessible("users, deactivated, 360");
    atWidth(1280);
    signOut();

    signIn("staff");
    browser.get(url("/admin"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("You may not open this page.");
    assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
    screenshot("admin-refused-to-staff-1280");
    accessible("users, refused to staff");
    browser.get(url("/tasks"));
    signOut();
  }

  /**
   * An action's owner answers a status request of the agenda's year through the link, in their
   * language, on a phone too; a status left out is refused by its field; the client sees the
   * history on the portal.
   */
  @Test
  void anOwnerReportsAnActionsStatusThroughTheLinkAndTheClientSeesIt() {
    UUID project = driver.handedOverWithAgendaYear("Agenda's year " + System.nanoTime());
    driver.awaitActive(project, "StatusRequestDueTimer");
    List<String> contacts =
        jdbc.queryForList(
            "select id::text from session_invitation where project_id = ?", String.class, project);
    List<String> links;
    try (var mail = nl.expertpool.lifecycle.NotificationLog.listen()) {
      driver.advance(java.time.Duration.ofDays(57));
      links =
          org.awaitility.Awaitility.await()
              .until(
                  () -> mail.links("agenda-status-request", contacts), found -> found.size() == 2);
    }
    String first = links.getFirst();
    org.awaitility.Awaitility.await()
        .until(
            () -> followUp.request(nl.expertpool.lifecycle.NotificationLog.secret(first)).isOpen());
    browser.manage().deleteAllCookies();
    for (String language : List.of("en", "nl", "uk", "ar")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url(links.getFirst() + "?lang=" + language));
        screenshot("agenda-status-" + language + "-" + width);
        fitsTheScreen("agenda status, " + language + ", " + width);
        accessible("agenda status, " + language + ", " + width);
      }
    }
    atWidth(360);
    browser.get(url(links.getFirst() + "?lang=nl"));
    browser.findElement(By.id("note")).sendKeys("De balie opent in mei");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".field-error")).getText())
        .isEqualTo("Kies een van de vier.");
    assertThat(browser.findElement(By.id("note")).getAttribute("value"))
        .isEqualTo("De balie opent in mei");
    screenshot("agenda-status-refused-nl-360");
    accessible("agenda status refused, nl, 360");
    browser.findElement(By.cssSelector("input[name=status][value=under_way]")).click();
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> d.getPageSource().contains("data-state=\"ANSWERED\""));
    assertThat(browser.findElement(By.cssSelector("p.done")).getText()).startsWith("Dank u");
    screenshot("agenda-status-thanks-nl-360");
    accessible("agenda status thanks, nl, 360");
    browser.get(url("/agenda-status/no-such-link?lang=ar"));
    screenshot("agenda-status-gone-ar-360");
    fitsTheScreen("agenda status gone, ar, 360");
    accessible("agenda status gone, ar, 360");

    signIn("client");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/portal/projects/" + project + "?lang=" + language));
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('agenda').scrollIntoView()");
        screenshot("portal-agenda-year-" + language + "-" + width);
        fitsTheScreen("portal, agenda's year, " + language + ", " + width);
        accessible("portal, agenda's year, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/portal/projects/" + project + "?lang=nl"));
    assertThat(browser.findElement(By.id("agenda")).getText())
        .contains("Onderweg", "Nog geen melding");
    signOut();

    // An expert of the project sees the latest status beside the action on their own page.
    String username = "year-" + Long.toString(System.nanoTime(), 36);
    String password = "тюльпани біля озера щороку";
    UUID application =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    String link = access.link(application, username, "pm").setPasswordLink();
    assertThat(passwords.setPassword(link.substring(link.lastIndexOf('/') + 1), password))
        .isEmpty();
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(d -> path().equals("/me"));
    for (String language : List.of("uk", "ar")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/me?lang=" + language));
        ((JavascriptExecutor) browser)
            .executeScript("document.querySelector('.action-status').scrollIntoView()");
        screenshot("expert-me-agenda-status-" + language + "-" + width);
        fitsTheScreen("me, agenda status, " + language + ", " + width);
        accessible("me, agenda status, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/me?lang=uk"));
    assertThat(browser.findElement(By.cssSelector(".action-status")).getText())
        .contains("Виконується");
    signOut();
  }

  /** An agenda of two make sessions says which session each action came from. */
  @Test
  void anAgendaOfTwoSessionsShowsWhichSessionEachActionCameFrom() {
    UUID project = driver.agendaOfTwoSessions();
    signIn("pm");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/dashboard/projects/" + project + "?lang=" + language + "#agenda"));
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('agenda').scrollIntoView()");
        screenshot("project-agenda-two-sessions-" + language + "-" + width);
        fitsTheScreen("project page, two sessions, " + language + ", " + width);
        accessible("project page, two sessions, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/dashboard/projects/" + project + "?lang=en"));
    assertThat(browser.findElement(By.id("agenda")).getText())
        .contains("The agenda is the union of 2 sessions", "Session 2:");
    signOut();
    signIn("client");
    for (String language : List.of("en", "nl", "ar")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/portal/projects/" + project + "?lang=" + language));
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('agenda').scrollIntoView()");
        screenshot("portal-agenda-two-sessions-" + language + "-" + width);
        fitsTheScreen("portal, two sessions, " + language + ", " + width);
        accessible("portal, two sessions, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/portal/projects/" + project + "?lang=nl"));
    assertThat(
            browser.findElements(By.cssSelector("#agenda td[data-label=Bijeenkomst]")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly("1", "2");
    signOut();
  }

  @Test
  void theProjectPageShowsEveryPhasesResultsOnAPhoneToo() {
    UUID project = driver.awaitingAcceptance();
    signIn("pm");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/dashboard/projects/" + project + "?lang=" + language));
        for (String section :
            List.of("interviews", "insights", "feedback", "remuneration", "clock")) {
          ((JavascriptExecutor) browser)
              .executeScript("document.getElementById(arguments[0]).scrollIntoView()", section);
          screenshot("project-" + section + "-" + language + "-" + width);
        }
        fitsTheScreen("project page, " + language + ", " + width);
        accessible("project page, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/dashboard/projects/" + project + "?lang=en"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("interview-status")))
        .selectByValue("DECLINED");
    waitFor().until(d -> browser.getCurrentUrl().contains("status=DECLINED"));
    assertThat(browser.findElement(By.id("interviews")).getText())
        .contains("0 of 4 interviews shown.");
    browser.findElement(By.cssSelector("#clock form input[value=P1D] + button")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")))
                .getText())
        .contains("clock is now at");
    signOut();

    signIn("client");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/portal/projects/" + project + "?lang=" + language));
        screenshot("portal-results-" + language + "-" + width);
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('agenda').scrollIntoView()");
        screenshot("portal-agenda-" + language + "-" + width);
        fitsTheScreen("portal with results, " + language + ", " + width);
        accessible("portal with results, " + language + ", " + width);
      }
    }
    atWidth(1280);
    signOut();
  }

  @Test
  void aProjectManagerErasesAPersonAndCancelsAProjectAfterBeingToldWhatHappens() {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    UUID person = driver.apply(project, "Dawit Tesfay");
    signIn("pm");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(
            url(
                "/dashboard/projects/"
                    + project
                    + "/people/"
                    + person
                    + "/erasure?lang="
                    + language));
        screenshot("erase-" + language + "-" + width);
        fitsTheScreen("erase, " + language + ", " + width);
        accessible("erase, " + language + ", " + width);
        browser.get(url("/dashboard/projects/" + project + "/plan?lang=" + language));
        screenshot("plan-" + language + "-" + width);
        fitsTheScreen("plan, " + language + ", " + width);
        accessible("plan, " + language + ", " + width);
        browser.get(url("/dashboard/projects/" + project + "/cancellation?lang=" + language));
        screenshot("cancel-" + language + "-" + width);
        fitsTheScreen("cancel, " + language + ", " + width);
        accessible("cancel, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/dashboard/projects/" + project + "?lang=en"));
    browser
        .findElement(By.cssSelector("tr[data-person='" + person + "'] a[href$='/erasure']"))
        .click();
    waitFor().until(d -> path().endsWith("/erasure"));
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")))
                .getText())
        .contains("is erased");
    assertThat(browser.findElement(By.id("people")).getText()).doesNotContain("Dawit Tesfay");

    browser.findElement(By.cssSelector("#plan a[role=button]")).click();
    waitFor().until(d -> path().endsWith("/plan"));
    browser.findElement(By.id("targetExperts")).clear();
    browser.findElement(By.id("targetExperts")).sendKeys("5");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")))
                .getText())
        .contains("plan is changed");
    assertThat(browser.findElement(By.id("plan")).getText()).contains("5 experts sought");
    screenshot("project-plan-1280");

    browser.findElement(By.cssSelector("#cancel a[role=button]")).click();
    waitFor().until(d -> path().endsWith("/cancellation"));
    WebElement asked = browser.findElement(By.tagName("main"));
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor().until(gone(asked));
    assertThat(browser.findElement(By.id("reason-note")).getText())
        .contains("Say why the project stops.");
    browser.findElement(By.id("reason")).sendKeys("The budget was withdrawn.");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")))
                .getText())
        .contains("being cancelled");
    signOut();
  }

  @Test
  void aProjectManagerSignsInAndStartsAProjectByKeyboardAlone() {
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/login?lang=en"));
    tabTo(e -> "username".equals(e.getDomAttribute("name")));
    keys("pm", Keys.TAB, "demo", Keys.ENTER);
    waitFor().until(d -> path().equals("/dashboard"));

    // The first stop is the link past the menu; then the page's own content.
    keys(Keys.TAB);
    WebElement skip = browser.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Skip to the content");
    screenshot("keyboard-skip-link");
    keys(Keys.ENTER);
    tabTo(e -> "new-project".equals(e.getDomAttribute("id")));
    keys(Keys.ENTER);
    waitFor().until(d -> path().equals("/projects/new"));

    String name = "Pool by keyboard " + Long.toString(System.nanoTime(), 36);
    tabTo(e -> "name".equals(e.getDomAttribute("id")));
    keys(name, Keys.TAB, "Gemeente Almere", Keys.TAB, "Almere");
    // The standing pool comes next and stays at "none"; then the first theme.
    keys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("poolId");
    tabTo(e -> "themes".equals(e.getDomAttribute("name")));
    keys("housing");
    tabTo(e -> "targetExperts".equals(e.getDomAttribute("id")));
    keys("3");
    tabTo(e -> "interviewsPerExpert".equals(e.getDomAttribute("id")));
    keys("2");
    tabTo(e -> "submit".equals(e.getDomAttribute("type")));
    screenshot("keyboard-new-project");
    keys(Keys.ENTER);

    waitFor().until(d -> path().startsWith("/dashboard/projects/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    signOut();
  }

  /** Presses Tab until the focused element is the one sought (at most 80 times). */
  private static void tabTo(java.util.function.Predicate<WebElement> sought) {
    for (int i = 0; i < 80; i++) {
      keys(Keys.TAB);
      if (sought.test(browser.switchTo().activeElement())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached it; last: " + browser.switchTo().activeElement());
  }

  /** Types into whatever has the focus, as a keyboard does. */
  private static void keys(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(browser).sendKeys(keys).perform();
  }

  @Test
  void everyPageOfEveryRoleFitsAPhoneAndPassesAxeInEnglishAndDutch() {
    UUID project = driver.awaitingAcceptance();
    long handover = driver.task(project, "accept-handover").key();
    Map<String, List<String>> pages =
        new java.util.LinkedHashMap<>(
            Map.of(
                "pm",
                List.of(
                    "/dashboard",
                    "/dashboard/projects/" + project,
                    "/dashboard/projects/" + project + "/plan",
                    "/dashboard/projects/" + project + "/synthesis",
                    "/projects/new",
                    "/admin",
                    "/tasks",
                    "/account/password"),
                "staff",
                List.of("/tasks", "/portal", "/portal/projects/" + project, "/admin"),
                "client",
                List.of(
                    "/portal",
                    "/portal/projects/" + project,
                    "/portal/projects/" + project + "/handover",
                    "/tasks/" + handover),
                "expert",
                List.of("/tasks", "/me", "/account/password")));
    // The demo expert is one of this project's experts: /me shows its hours and outcome.
    access.link(
        driver.pool.people(project).stream()
            .filter(p -> p.expertId() != null)
            .findFirst()
            .orElseThrow()
            .applicationId(),
        "expert",
        "pm");
    List<String> seen = new java.util.ArrayList<>();
    browser.manage().deleteAllCookies();
    for (String language : List.of("en", "nl")) {
      browser.get(url("/login?lang=" + language));
      check("login", language, "anonymous-login");
      seen.add("/login " + language);
    }
    for (var role : pages.entrySet()) {
      signIn(role.getKey());
      for (String page : role.getValue()) {
        for (String language :
            role.getKey().equals("expert")
                ? List.of("en", "nl", "uk", "ar")
                : List.of("en", "nl")) {
          browser.get(url(page + "?lang=" + language));
          check(
              role.getKey() + " " + page,
              language,
              "every-" + role.getKey() + page.replaceAll("[^a-z0-9]+", "-"));
          seen.add(role.getKey() + " " + page + " " + language);
        }
      }
      browser.get(url("/tasks")); // documents have no menu to sign out from
      signOut();
    }
    assertThat(seen)
        .hasSize(
            2
                + 2 * pages.values().stream().mapToInt(List::size).sum()
                + 2 * pages.get("expert").size());
  }

  /**
   * The open page at both widths: photographed, fits the screen, nothing serious for axe. The pages
   * of experts and of people not signed in, on their phones, have tap targets of 44 px at least.
   */
  private static void check(String page, String language, String shot) {
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot(shot + "-" + language + "-" + width);
      fitsTheScreen(page + ", " + language + ", " + width);
      accessible(page + ", " + language + ", " + width);
      if (width == 360 && (page.startsWith("expert ") || page.equals("login"))) {
        tapTargetsAreLargeEnough(page + ", " + language);
      }
    }
    atWidth(1280);
  }

  @Test
  void theInboxFilterAppliesWhenAProjectIsChosen() {
    UUID project = driver.createFor("Gemeente Almere");
    driver.apply(project, "Amina Yusuf");
    driver.advance(Duration.ofDays(14));
    driver.task(project, "screen-candidates");

    signIn("staff");
    new Select(browser.findElement(By.cssSelector("select[name=projectId]")))
        .selectByValue(project.toString());
    waitFor().until(d -> d.getCurrentUrl().contains("projectId=" + project));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Screen candidates");
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot("inbox-filtered-" + width);
      fitsTheScreen("inbox at " + width);
    }
    atWidth(1280);
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

  /** Submits the form of one section of a page and waits for the page that answers. */
  private void submitAdminForm(String section) {
    WebElement page = browser.findElement(By.tagName("main"));
    browser
        .findElement(By.cssSelector("#" + section + " form[method=post] button[type=submit]"))
        .click();
    waitFor().until(gone(page));
  }
}
