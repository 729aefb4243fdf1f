package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import nl.expertpool.demo.DemoData;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first run, as a new user meets it: an app of its own (a context with a fresh database and
 * engine), an empty dashboard that says what to do, and the demo data loaded from it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "expertpool.test.context=first-run")
class FirstRunBrowserTest extends BrowserPages {

  @Autowired DemoData demoData;
  @Autowired ProjectLifecycle projects;

  @Test
  void anEmptyDashboardSaysWhatToDoAndLoadsOneProjectInEachPhaseByRunningTheProcesses() {
    signIn("pm");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/dashboard?lang=" + language));
        screenshot("dashboard-empty-" + language + "-" + width);
        fitsTheScreen("empty dashboard, " + language + ", " + width);
        accessible("empty dashboard, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/dashboard?lang=en"));
    assertThat(browser.findElement(By.id("no-projects")).getText())
        .startsWith("No projects yet. Start one with New project");
    assertThat(browser.findElement(By.id("engine-licence")).getText())
        .contains("not licensed for production");
    assertThat(browser.findElement(By.id("new-project")).getAttribute("href"))
        .endsWith("/projects/new");

    browser.findElement(By.id("load-demo-data")).click();
    assertThat(
            waitFor()
                .until(
                    org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("p.done")))
                .getText())
        .contains("Loading the demo data");
    await().atMost(Duration.ofMinutes(4)).until(() -> demoData.state() != DemoData.State.LOADING);
    assertThat(demoData.state()).isEqualTo(DemoData.State.LOADED);

    assertThat(projects.all())
        .extracting(Project::getCurrentPhase)
        .containsExactlyInAnyOrder(
            "RECRUITMENT", "TRAINING", "INTERVIEWS", "STAKEHOLDER_SESSION", "FEEDBACK", "HANDOVER");
    for (String language : List.of("en", "nl")) {
      for (int width : WIDTHS) {
        atWidth(width);
        browser.get(url("/dashboard?lang=" + language));
        screenshot("dashboard-demo-" + language + "-" + width);
        fitsTheScreen("dashboard with demo data, " + language + ", " + width);
        accessible("dashboard with demo data, " + language + ", " + width);
      }
    }
    atWidth(1280);
    browser.get(url("/dashboard?lang=en"));
    assertThat(browser.findElements(By.cssSelector("tr[data-project]"))).hasSize(6);
    assertThat(browser.findElements(By.id("load-demo-data"))).isEmpty();
    assertThat(demoData.start("pm")).isFalse();

    // A Dutch page names the tasks and the project's themes in Dutch; the values stay the themes.
    browser.get(url("/tasks?lang=nl"));
    var interview =
        browser.findElements(By.cssSelector("main table a")).stream()
            .filter(a -> a.getText().equals("Netwerkinterview vastleggen"))
            .findFirst()
            .orElseThrow();
    interview.click();
    waitFor().until(d -> path().startsWith("/tasks/") && !path().equals("/tasks/"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Netwerkinterview vastleggen");
    var wonen = browser.findElement(By.cssSelector("input[name=themes][value=housing]"));
    assertThat(wonen.findElement(By.xpath("..")).getText()).isEqualTo("wonen");
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot("task-interview-nl-" + width);
      fitsTheScreen("interview task, nl, " + width);
      accessible("interview task, nl, " + width);
    }
    atWidth(1280);

    // The Almere pool's synthesis quotes its experts in Ukrainian, and says so.
    Project almere =
        projects.all().stream()
            .filter(p -> p.getName().equals("A welcome for Ukrainian newcomers in Almere"))
            .findFirst()
            .orElseThrow();
    browser.get(url("/dashboard/projects/" + almere.getId() + "?lang=en"));
    waitFor().until(d -> !d.findElements(By.cssSelector("ul.quotes q")).isEmpty());
    assertThat(
            browser.findElements(By.cssSelector("ul.quotes q")).stream()
                .map(q -> q.getAttribute("lang"))
                .toList())
        .as(
            () ->
                "the languages of the Almere project's quotes; its insights say: "
                    + browser.findElements(By.id("insights")).stream()
                        .map(e -> e.getText())
                        .toList())
        .anyMatch(lang -> lang != null && lang.startsWith("uk"));
    assertThat(browser.findElement(By.id("insights")).getText())
        .contains("Ніхто не сказав нам, з чого почати.", ", in Ukrainian");
    signOut();

    // The demo expert is an expert of the Gelderland pool, whose application asked for Arabic:
    // her space opens in Arabic, right to left, her open interviews first.
    signIn("expert");
    assertThat(path()).isEqualTo("/me");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElements(By.cssSelector("#my-tasks a[role=button]"))).isNotEmpty();
    for (int width : WIDTHS) {
      atWidth(width);
      screenshot("me-demo-expert-ar-" + width);
      fitsTheScreen("the demo expert's space, ar, " + width);
      accessible("the demo expert's space, ar, " + width);
    }
    atWidth(1280);
    signOut();
  }
}
