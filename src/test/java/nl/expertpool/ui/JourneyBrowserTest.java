package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.milestone.MilestoneKey;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole journey on the pages, each step by the role whose step it is: the project manager
 * starts a project on /projects/new; two candidates apply by the API and confirm with the link they
 * were sent; the project manager moves the demo clock; staff screen, schedule and record the
 * training, record the interviews (for the experts), approve the synthesis, plan and record the
 * session, give the feedback (for the experts) and hold the handover meeting; the client accepts
 * the handover on the portal; the project manager downloads the payout list and the handover PDF.
 * Every page is photographed at 1280 and 360 px and checked to fit and by axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyBrowserTest extends BrowserPages {

  @Autowired LifecycleDriver driver;

  private UUID project;
  private int step;

  @Test
  void aProjectRunsFromItsStartToTheHandoverOnThePagesAlone() throws Exception {
    // 1. The project manager starts the project.
    signIn("pm");
    browser.get(url("/projects/new?lang=en"));
    String name = "Journey " + Long.toString(System.nanoTime(), 36);
    type("name", name);
    type("clientName", "Gemeente Almere");
    type("region", "Almere");
    type("targetExperts", "2");
    type("interviewsPerExpert", "1");
    browser.findElements(By.name("themes")).getFirst().sendKeys("housing");
    browser.findElements(By.name("themes-nl")).getFirst().sendKeys("wonen");
    look("journey-new-project");
    submitTaskForm();
    assertThat(path()).startsWith("/dashboard/projects/");
    project = UUID.fromString(path().substring("/dashboard/projects/".length()));
    driver.awaitWindowOpen(project);
    look("journey-project-started");
    signOut();

    // 2. Two candidates apply by the API and confirm with the link they were sent.
    for (String link : applyByTheApi("Olena Koval", "Andrii Melnyk")) {
      browser.manage().deleteAllCookies();
      browser.get(url(URI.create(link).getPath()));
      look("journey-confirm");
      browser.findElement(By.cssSelector("main form button[type=submit]")).click();
      waitFor()
          .until(d -> !d.findElements(By.cssSelector("main[data-page=apply-confirmed]")).isEmpty());
    }

    // 3. The project manager moves the clock past the window: two weeks.
    signIn("pm");
    advanceOnThePage("P7D");
    advanceOnThePage("P7D");
    signOut();

    // 4. Staff work through the phases on the task pages.
    signIn("staff");
    openTask("screen-candidates");
    for (WebElement decision : browser.findElements(By.cssSelector("select[name$='.decision']"))) {
      new Select(decision).selectByValue("accept");
    }
    finish("journey-screen-candidates");

    openTask("schedule-training");
    set("sessions[0].startsAt", localIn(1));
    set("sessions[0].durationHours", "3");
    set("sessions[0].location", "Library Almere");
    set("sessions[0].trainer", "Trainer T");
    finish("journey-schedule-training");
    signOut();

    signIn("pm");
    advanceOnThePage("P7D");
    signOut();

    signIn("staff");
    openTask("record-attendance");
    for (WebElement box :
        browser.findElements(By.cssSelector("input[type=checkbox][name$='.attended']"))) {
      if (!box.isSelected()) {
        box.click();
      }
    }
    finish("journey-record-attendance");
    driver.awaitMilestone(project, MilestoneKey.TRAINING_COMPLETED);

    for (int i = 0; i < 2; i++) {
      openTask("record-network-interview");
      set("intervieweeConsent", "given");
      set("ageBand", "26-35");
      set("themes", "housing");
      set("needs", "A place to live");
      set("keyQuotes", "I waited two years for a house.");
      set("insights", "Waiting lists dominate the first years.");
      set("solutions", "Shared housing for starters");
      finish("journey-record-network-interview");
    }

    openTask("review-synthesis");
    set("synthesisDecision", "approve");
    finish("journey-review-synthesis");

    openTask("plan-stakeholder-session");
    set("sessionAt", localIn(3));
    set("venue", "City hall Almere");
    set("invitations[0].organisation", "Gemeente Almere");
    set("invitations[0].contactName", "Petra de Vries");
    set("invitations[0].contactEmail", "p.devries@almere.example");
    set("invitations[0].contactLanguage", "nl");
    finish("journey-plan-stakeholder-session");
    signOut();

    signIn("pm");
    advanceOnThePage("P7D");
    signOut();

    signIn("staff");
    openTask("record-session-outcome");
    set("participants[0].organisation", "Gemeente Almere");
    set("participants[0].participantCount", "3");
    set("sharedInsight", "From empathy to perspective");
    set("sessionHours", "2.5");
    set("agendaItems[0].theme", "housing");
    set("agendaItems[0].action", "Open a starters' housing desk with the experts");
    set("agendaItems[0].owner", "Gemeente Almere");
    set("agendaItems[0].term", "short");
    set("agendaItems[0].priority", "high");
    set("agendaItems[0].supportingInsights", "housing");
    finish("journey-record-session-outcome");

    for (int i = 0; i < 2; i++) {
      openTask("give-feedback");
      set("feedbackItems[0].support", "5");
      finish("journey-give-feedback");
    }

    openTask("hold-handover-meeting");
    set("meetingAt", localIn(0));
    set("attendingOrganisations[0].organisation", "Gemeente Almere");
    set("attendingOrganisations[0].participantCount", "4");
    set("followUps", "next-pool");
    set("agreements", "Welcome meetings every quarter; a next pool in spring.");
    finish("journey-hold-handover-meeting");
    signOut();

    // 5. The client accepts the handover on the portal.
    signIn("client");
    browser.get(url("/portal/projects/" + project + "?lang=en"));
    waitFor()
        .until(
            d -> {
              if (!d.findElements(By.linkText("Accept handover")).isEmpty()) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    look("journey-portal");
    browser.findElement(By.linkText("Accept handover")).click();
    waitFor().until(d -> path().startsWith("/tasks/"));
    set("handoverAccepted", "true");
    finish("journey-accept-handover");
    driver.awaitMilestone(project, MilestoneKey.HANDOVER_COMPLETED);
    signOut();

    // 6. The project manager downloads the payout list and the handover PDF from the page.
    signIn("pm");
    browser.get(url("/dashboard/projects/" + project + "?lang=en"));
    look("journey-project-done");
    String payout = download("a[href$='/payout.csv']");
    assertThat(payout).startsWith("200 text/csv");
    assertThat(payout.lines().count()).isGreaterThan(2);
    assertThat(download("a[href$='/handover.pdf']")).startsWith("200 application/pdf");
    signOut();
  }

  /** The applications, each by its own public request; the links the applicants were sent. */
  private List<String> applyByTheApi(String... names) throws Exception {
    String code = driver.call.callOf(project).signUpCode();
    var log = new ListAppender<ILoggingEvent>();
    log.start();
    var notifier = (Logger) LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier");
    notifier.addAppender(log);
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String name : names) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
        String body =
            """
            {"signUpCode": "%s", "name": "%s", "email": "%s", "languages": ["uk", "nl"],
             "motivation": "I know what newcomers in Almere need.", "preferredLanguage": "nl",
             "consent": {"given": true, "textVersion": "2026-01", "method": "web-form"}}
            """
                .formatted(code, name, email);
        var response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(url("/api/projects/" + project + "/applications")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      }
    } finally {
      notifier.detachAppender(log);
    }
    List<String> links = new ArrayList<>();
    for (ILoggingEvent event : log.list) {
      String line = event.getFormattedMessage();
      if (line.startsWith("Notification 'application-confirm'")) {
        links.add(line.substring(line.lastIndexOf("its link: ") + 10));
      }
    }
    assertThat(links).hasSize(names.length);
    return links;
  }

  private void advanceOnThePage(String advance) {
    browser.get(url("/dashboard/projects/" + project + "?lang=en"));
    browser
        .findElement(By.cssSelector("#clock form input[value=" + advance + "] + button"))
        .click();
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")));
  }

  /** Opens the project's task with this form from the inbox, once the process has made it. */
  private void openTask(String formId) {
    long key = driver.task(project, formId).key();
    browser.get(url("/tasks?projectId=" + project + "&lang=en"));
    browser
        .findElement(By.cssSelector("tr[data-task='" + key + "'] a[href='/tasks/" + key + "']"))
        .click();
    waitFor().until(d -> path().equals("/tasks/" + key));
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  /** A field of a task form by its name: typed, chosen, ticked or (dates) set. */
  private void set(String name, String value) {
    List<WebElement> found = browser.findElements(By.name(name));
    assertThat(found).as(name).isNotEmpty();
    WebElement field = found.getFirst();
    String type = field.getDomAttribute("type");
    if ("select".equals(field.getTagName())) {
      new Select(field).selectByValue(value);
    } else if ("radio".equals(type) || "checkbox".equals(type)) {
      WebElement box =
          found.stream()
              .filter(b -> value.equals(b.getDomAttribute("value")) || found.size() == 1)
              .findFirst()
              .orElseThrow();
      if (!box.isSelected()) {
        box.click();
      }
    } else if (type != null && type.startsWith("date")) {
      ((JavascriptExecutor) browser)
          .executeScript("arguments[0].value = arguments[1]", field, value);
    } else {
      field.clear();
      field.sendKeys(value);
    }
  }

  /** Looks at the filled form at both widths, then submits it; the inbox takes it back. */
  private void finish(String name) {
    look(name);
    submitTaskForm();
    assertThat(browser.findElements(By.cssSelector("p.field-error")))
        .as(name + ": refused")
        .isEmpty();
  }

  /** The page at 1280 and 360 px: photographed, fits the screen, nothing serious for axe-core. */
  private void look(String name) {
    String shot = name + "-" + (++step);
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot(shot + "-" + width);
      fitsTheScreen(shot + ", " + width);
      accessible(shot + ", " + width);
    }
    atWidth(1280);
  }

  /** The engine's clock, this many days on, as a datetime-local input takes it. */
  private String localIn(int days) {
    return LocalDateTime.ofInstant(driver.clock.instant(), ZoneOffset.UTC)
        .plusDays(days)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  /** Fetches a link of the page with the page's own session: status, type and body. */
  private String download(String css) {
    String href = browser.findElement(By.cssSelector(css)).getDomAttribute("href");
    Object answer =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t =>"
                    + " done(r.status + ' ' + r.headers.get('content-type') + '\\n' + t)))"
                    + ".catch(e => done('failed ' + e));",
                href);
    return String.valueOf(answer);
  }
}
