package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.project.Phase;
import nl.expertpool.project.Project;
import nl.expertpool.project.ProjectLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A project manager starts a project on {@code /projects/new}, by the API's rules. */
@SpringBootTest
@AutoConfigureMockMvc
class NewProjectPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired ProjectLifecycle projects;
  @Autowired PoolRegistry pools;

  @Test
  void theFormOffersEveryFieldTheExistingClientsAndTheDefaults() throws Exception {
    driver.createFor("Gemeente Zwolle");

    String page = page(get("/projects/new").with(pm()), 200);

    assertThat(page)
        .contains(
            "name=\"name\"",
            "name=\"clientName\"",
            "name=\"region\"",
            "name=\"targetExperts\"",
            "name=\"interviewsPerExpert\"",
            "name=\"themes\"",
            "name=\"startDate\"",
            "name=\"recruitmentWindowDays\"",
            "name=\"minimumPool\"",
            "name=\"requiredSessions\"",
            "name=\"interviewMinutes\"",
            "name=\"interviewDeadlineDays\"",
            "name=\"hourlyRate\"",
            "name=\"retentionDays\"")
        .contains("<option value=\"Gemeente Zwolle\">")
        .contains("Empty: 14 days.", "Empty: 25.00.", "Empty: 180 days.")
        .contains("value=\"" + driver.today() + "\"");
    for (Phase phase : Phase.values()) {
      assertThat(page).contains("name=\"deadline-" + phase.key() + "\"");
    }
    assertThat(page(get("/projects/new?lang=nl").with(pm()), 200))
        .contains("Nieuw project", "Opdrachtgever", "Leeg: 14 dagen.");
  }

  @Test
  void aRefusedFormComesBackWithEachProblemByItsFieldAndEverythingTypedKept() throws Exception {
    String page =
        page(
            post("/projects/new")
                .with(pm())
                .with(csrf())
                .param("name", "")
                .param("clientName", "Gemeente Deventer")
                .param("region", "Deventer")
                .param("targetExperts", "5")
                .param("minimumPool", "9")
                .param("interviewsPerExpert", "zwei")
                .param("themes", "", "")
                .param("startDate", driver.today().toString())
                .param("deadline-training", "31-02-2027")
                .param("hourlyRate", "twenty"),
            400);

    assertThat(page)
        .contains("The project was not created")
        .contains("id=\"name\"", "Fill this in.")
        .contains("A whole number, like 12.", "value=\"zwei\"")
        .contains("A date, like 2027-03-01.", "value=\"31-02-2027\"")
        .contains("An amount like 25.00.", "value=\"twenty\"")
        .contains("value=\"Gemeente Deventer\"", "value=\"Deventer\"", "value=\"9\"")
        .contains("aria-invalid=\"true\"");
    assertThat(projects.all()).noneMatch(p -> p.getClient().getName().equals("Gemeente Deventer"));
  }

  @Test
  void theLifecyclesOwnChecksShowByTheirFieldsToo() throws Exception {
    LocalDate start = driver.today();
    String page =
        page(
            post("/projects/new")
                .with(pm())
                .with(csrf())
                .param("name", "Pool Deventer")
                .param("clientName", "Gemeente Deventer")
                .param("region", "Deventer")
                .param("targetExperts", "5")
                .param("minimumPool", "9")
                .param("interviewsPerExpert", "2")
                .param("themes", "housing")
                .param("startDate", start.toString()),
            400);

    assertThat(page).contains("Must not be more than the experts sought.");

    page =
        page(
            post("/projects/new")
                .with(pm())
                .with(csrf())
                .param("name", "Pool Deventer")
                .param("clientName", "Gemeente Deventer")
                .param("region", "Deventer")
                .param("targetExperts", "5")
                .param("interviewsPerExpert", "2")
                .param("themes", "housing")
                .param("startDate", start.toString())
                .param("deadline-recruitment", start.plusDays(30).toString())
                .param("deadline-training", start.plusDays(10).toString()),
            400);

    assertThat(page).contains("Must not be before the deadline of the phase before.");
    assertThat(projects.all()).noneMatch(p -> p.getName().equals("Pool Deventer"));
  }

  @Test
  void aValidFormMakesTheProjectAndGoesToItsPage() throws Exception {
    LocalDate start = driver.today().plusDays(3);
    String name = "Pool Apeldoorn " + UUID.randomUUID();
    String location =
        mvc.perform(
                post("/projects/new")
                    .with(pm())
                    .with(csrf())
                    .param("name", name)
                    .param("clientName", "Gemeente Apeldoorn")
                    .param("region", "Apeldoorn")
                    .param("targetExperts", "6")
                    .param("interviewsPerExpert", "3")
                    .param("themes", "housing", "", " work ")
                    .param("themes-nl", "wonen", "", "")
                    .param("startDate", start.toString())
                    .param("deadline-feedback", start.plusDays(200).toString())
                    .param("recruitmentWindowDays", "10")
                    .param("hourlyRate", "27,50")
                    .param("retentionDays", "365"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    Project project =
        projects.all().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    assertThat(location).isEqualTo("/dashboard/projects/" + project.getId());
    assertThat(project.getClient().getName()).isEqualTo("Gemeente Apeldoorn");
    assertThat(project.getThemes()).containsExactly("housing", "work");
    assertThat(project.getThemeLabels()).isEqualTo(Map.of("housing", Map.of("nl", "wonen")));
    assertThat(project.themeLabel("housing", "nl")).isEqualTo("wonen");
    assertThat(project.themeLabel("work", "nl")).isEqualTo("work");
    assertThat(project.getTargetExperts()).isEqualTo(6);
    assertThat(project.getMinimumPool()).isEqualTo(4);
    assertThat(project.getHourlyRate()).isEqualByComparingTo("27.50");
    assertThat(project.getRetentionDays()).isEqualTo(365);
    assertThat(project.getDeadlines().get(Phase.RECRUITMENT))
        .isEqualTo(midnight(start.plusDays(17)));
    assertThat(project.getDeadlines().get(Phase.FEEDBACK)).isEqualTo(midnight(start.plusDays(200)));
    driver.awaitActive(project.getId(), "RecruitmentCall");
  }

  @Test
  void aProjectStartsInTheStandingPoolChosenAndAnotherValueIsRefusedAndKept() throws Exception {
    var pool =
        pools.create(
            new NewPool("Utrecht region " + UUID.randomUUID(), "Utrecht", null, null), "pm");
    assertThat(page(get("/projects/new").with(pm()), 200))
        .contains("name=\"poolId\"", "None: a project of its own")
        .contains("<option value=\"" + pool.getId() + "\">" + pool.getName() + " (Utrecht)");
    String name = "Pool Utrecht " + UUID.randomUUID();

    var refused = page(utrechtPlan(name, UUID.randomUUID()), 400);
    String location =
        mvc.perform(utrechtPlan(name, pool.getId()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    assertThat(refused)
        .contains("Choose one of the standing pools listed.", "value=\"" + name + "\"");
    var made = projects.get(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    assertThat(made.getName()).isEqualTo(name);
    assertThat(made.getStandingPoolId()).isEqualTo(pool.getId());
  }

  /** A small plan for Utrecht in this standing pool, posted on the page. */
  private MockHttpServletRequestBuilder utrechtPlan(String name, UUID poolId) {
    return post("/projects/new")
        .with(pm())
        .with(csrf())
        .param("name", name)
        .param("clientName", "Gemeente Utrecht")
        .param("region", "Utrecht")
        .param("targetExperts", "4")
        .param("interviewsPerExpert", "2")
        .param("themes", "housing")
        .param("startDate", driver.today().toString())
        .param("poolId", poolId.toString());
  }

  @Test
  void aDutchThemeNameWithoutItsEnglishNameIsRefusedAndKept() throws Exception {
    String refused =
        page(
            post("/projects/new")
                .with(pm())
                .with(csrf())
                .param("name", "Pool Deventer")
                .param("clientName", "Gemeente Deventer")
                .param("region", "Deventer")
                .param("targetExperts", "4")
                .param("interviewsPerExpert", "2")
                .param("themes", "housing", "")
                .param("themes-nl", "wonen", "werk")
                .param("startDate", driver.today().toString()),
            400);

    assertThat(refused)
        .contains(
            "Each Dutch name needs the English name beside it.",
            "value=\"wonen\"",
            "value=\"werk\"");
    assertThat(projects.all()).noneMatch(p -> p.getName().equals("Pool Deventer"));
  }

  @Test
  void onlyProjectManagersGetThePageAndAPostNeedsItsCsrfToken() throws Exception {
    mvc.perform(get("/projects/new").with(user("staff").roles("STAFF")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/projects/new").with(user("staff").roles("STAFF")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/projects/new").with(pm()).param("name", "No token"))
        .andExpect(status().isForbidden());
    assertThat(projects.all()).noneMatch(p -> p.getName().equals("No token"));
  }

  @Test
  void theDashboardOffersANewProjectAndSaysItIsTheEvaluationRuntime() throws Exception {
    String dashboard = page(get("/dashboard").with(pm()), 200);

    assertThat(dashboard)
        .contains("href=\"/projects/new\"", ">New project<")
        .contains("Evaluation runtime", "not licensed for production");
  }

  private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static Instant midnight(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static RequestPostProcessor pm() {
    return user("pm").roles("PROJECT_MANAGER");
  }
}
