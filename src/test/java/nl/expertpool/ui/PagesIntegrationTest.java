package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.expertpool.engine.UserTask;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.recruitment.Pool;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.security.Role;
import nl.expertpool.tasks.TaskInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in with users from the database, and who sees which page. */
@SpringBootTest
@AutoConfigureMockMvc
class PagesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired Pool pool;
  @Autowired TaskInbox tasks;

  @Test
  void demoUsersSignInFromTheDatabaseAndLandOnTheirPage() throws Exception {
    mvc.perform(formLogin().user("client").password("demo")).andExpect(redirectedUrl("/"));
    mvc.perform(formLogin().user("client").password("wrong"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(get("/portal")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/").with(as("pm", "PROJECT_MANAGER"))).andExpect(redirectedUrl("/dashboard"));
    mvc.perform(get("/").with(client("Gemeente Almere"))).andExpect(redirectedUrl("/portal"));
    mvc.perform(get("/").with(as("staff", "STAFF"))).andExpect(redirectedUrl("/tasks"));
  }

  @Test
  void withoutAnIdentityProviderConfiguredTheSignInPageOffersOnlyTheForm() throws Exception {
    String login =
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(login).contains("name=\"password\"").doesNotContain("/oauth2/authorization/");
    mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(redirectedUrl("/login"));
  }

  @Test
  void aClientSeesTheirOwnProjectsMilestonesAndNeverAnotherClientsProject() throws Exception {
    UUID own = driver.createFor("Gemeente Almere");
    UUID foreign = driver.createFor("Gemeente Utrecht");

    String portal =
        mvc.perform(get("/portal").with(client("Gemeente Almere")))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal).contains(own.toString()).doesNotContain(foreign.toString());

    String page =
        mvc.perform(get("/portal/projects/" + own).with(client("Gemeente Almere")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("data-milestone=\"EXPERTS_RECRUITED\"", "Recruiting experts")
        .doesNotContain("PERSONAL_DATA_ANONYMISED");

    String refused =
        mvc.perform(get("/portal/projects/" + foreign).with(client("Gemeente Almere")))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("<html").doesNotContain(foreign.toString());
    mvc.perform(get("/dashboard").with(client("Gemeente Almere")))
        .andExpect(status().isForbidden());
  }

  @Test
  void projectManagersSeeEveryProjectOnTheDashboardWithItsProcessAndAuditTrail() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");

    String dashboard =
        mvc.perform(get("/dashboard").with(as("pm", "PROJECT_MANAGER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dashboard)
        .contains(project.toString())
        .contains("id=\"engine-licence\"")
        .contains("Camunda License 1.0")
        .contains("not licensed for production");
    String detail =
        mvc.perform(get("/dashboard/projects/" + project).with(as("pm", "PROJECT_MANAGER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(detail)
        .contains("project.created", "Window closes", "<svg", "data-element=\"RecruitmentPhase\"")
        .containsPattern("data-element=\"WindowClosesTimer\"><circle class=\"shape active\"")
        .contains(
            "data-model=\"/dashboard/models/expert-recruitment\"",
            "data-active=\"{&quot;RecruitmentWindowSubProcess&quot;:1,&quot;WindowClosesTimer&quot;:1}\"",
            "bpmn-navigated-viewer.production.min.js",
            "href=\"http://cluster.test/operate/processes/"
                + driver.projects.get(project).getProcessInstanceKey()
                + "\"");
    String model =
        mvc.perform(get("/dashboard/models/expert-recruitment").with(as("pm", "PROJECT_MANAGER")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("xml")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(model).contains("id=\"WindowClosesTimer\"", "<bpmndi:BPMNDiagram");
    mvc.perform(get("/dashboard/models/no-such-process").with(as("pm", "PROJECT_MANAGER")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/dashboard/models/..%2Fapplication.yml").with(as("pm", "PROJECT_MANAGER")))
        .andExpect(status().is4xxClientError());
    mvc.perform(
            get("/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js")
                .with(as("pm", "PROJECT_MANAGER")))
        .andExpect(status().isOk());
  }

  @Test
  void projectManagersSeeTheApplicantsAndGiveAnExpertTheAccountThatShowsTheirOwnTasks()
      throws Exception {
    UUID project = driver.trainedPool();
    String detail =
        mvc.perform(get("/dashboard/projects/" + project).with(as("pm", "PROJECT_MANAGER")))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(detail).contains("Olena Koval", "Andrii Melnyk", "Accepted", "Link account");
    var people = pool.people(project);
    var olena = people.stream().filter(p -> p.name().equals("Olena Koval")).findFirst().get();
    var andrii = people.stream().filter(p -> p.name().equals("Andrii Melnyk")).findFirst().get();
    String link =
        "/dashboard/projects/" + project + "/people/" + olena.applicationId() + "/account";

    mvc.perform(
            post(link)
                .param("username", "bad name!")
                .with(csrf())
                .with(as("pm", "PROJECT_MANAGER")))
        .andExpect(redirectedUrl("/dashboard/projects/" + project + "#people"))
        .andExpect(flash().attribute("accountError", containsString("username must be")))
        .andExpect(flash().attribute("accountUsername", "bad name!"));
    assertThat(pool.people(project)).allMatch(p -> p.account() == null);

    mvc.perform(
            post(link).param("username", "olena.k").with(csrf()).with(as("pm", "PROJECT_MANAGER")))
        .andExpect(flash().attribute("accountLinked", olena.applicationId()))
        .andExpect(flash().attribute("setPasswordLink", containsString("/account/set-password/")));
    assertThat(pool.people(project))
        .extracting(Pool.Applicant::account)
        .containsExactlyInAnyOrder("olena.k", null);

    var olenaUser = new CurrentUser("olena.k", Set.of(Role.EXPERT), null);
    var staffUser = new CurrentUser("staff", Set.of(Role.STAFF), null);
    List<UserTask> staffSees =
        await()
            .until(
                () -> tasks.open(staffUser, project),
                found -> found.stream().anyMatch(t -> ofExpert(t, andrii.expertId())));
    List<UserTask> olenaSees = tasks.open(olenaUser, project);
    assertThat(olenaSees).isNotEmpty().allMatch(t -> ofExpert(t, olena.expertId()));
    assertThat(staffSees).anyMatch(t -> ofExpert(t, olena.expertId()));
    UserTask andriisTask =
        staffSees.stream().filter(t -> ofExpert(t, andrii.expertId())).findFirst().get();
    mvc.perform(get("/tasks/" + andriisTask.key()).with(as("olena.k", "EXPERT")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/tasks/" + olenaSees.getFirst().key()).with(as("olena.k", "EXPERT")))
        .andExpect(status().isOk());
    mvc.perform(get("/tasks/" + olenaSees.getFirst().key()).with(as("expert", "EXPERT")))
        .andExpect(status().isNotFound());
  }

  private static boolean ofExpert(UserTask task, UUID expertId) {
    return expertId.toString().equals(String.valueOf(task.variables().get("expertId")));
  }

  @Test
  void staffFindTheirTasksByProjectAndClaimOneWhileForeignClientsSeeNone() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");
    driver.advance(java.time.Duration.ofDays(14));
    long screening = driver.task(project, "screen-candidates").key();

    String inbox =
        mvc.perform(get("/tasks").param("projectId", project.toString()).with(as("staff", "STAFF")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(inbox)
        .contains(
            "data-task=\"" + screening + "\"",
            "Screen candidates",
            "href=\"http://cluster.test/tasklist/" + screening + "\"");

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/tasks/" + screening + "/claim")
                .with(as("staff", "STAFF")))
        .andExpect(status().isForbidden());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/tasks/" + screening + "/claim")
                .with(as("staff", "STAFF"))
                .with(SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(redirectedUrl("/tasks"));
    assertThat(driver.find(project, "screen-candidates").assignee()).isEqualTo("staff");

    String foreign =
        mvc.perform(get("/tasks").with(client("Gemeente Utrecht")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(foreign).doesNotContain("data-task=\"" + screening + "\"");
  }

  @Test
  void aTaskPageShowsTheFormKeepsWhatWasTypedOnAnErrorAndCompletesWhenFixed() throws Exception {
    UUID project = driver.createFor("Gemeente Almere");
    driver.apply(project, "Olena Koval");
    driver.advance(java.time.Duration.ofDays(14));
    var task = driver.task(project, "screen-candidates");
    @SuppressWarnings("unchecked")
    var candidate =
        ((List<java.util.Map<String, Object>>) task.variables().get("candidates")).getFirst();

    String page =
        mvc.perform(get("/tasks/" + task.key()).with(as("staff", "STAFF")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Olena Koval", "name=\"candidates[0].decision\"", "name=\"candidates[0].note\"");
    assertThat(page).contains(">Waitlist<").doesNotContain("Wachtlijst");

    String dutch =
        mvc.perform(get("/tasks/" + task.key()).param("lang", "nl").with(as("staff", "STAFF")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dutch)
        .contains(
            "Kandidaten beoordelen",
            ">Kandidaat<",
            ">Besluit<",
            ">Toelaten<",
            ">Wachtlijst<",
            "Olena Koval",
            "name=\"candidates[0].decision\"")
        .doesNotContain(">Decision<", ">Waitlist<");

    var refused =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/tasks/" + task.key())
                    .with(as("staff", "STAFF"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("candidates[0].label", String.valueOf(candidate.get("label")))
                    .param(
                        "candidates[0].applicationId",
                        String.valueOf(candidate.get("applicationId")))
                    .param("candidates[0].note", "Strong motivation, speaks Ukrainian"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("class=\"field-error\"", "is required", "Strong motivation, speaks Ukrainian");

    var refusedInDutch =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/tasks/" + task.key())
                    .header("Accept-Language", "nl")
                    .with(as("staff", "STAFF"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("candidates[0].label", String.valueOf(candidate.get("label")))
                    .param(
                        "candidates[0].applicationId",
                        String.valueOf(candidate.get("applicationId"))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refusedInDutch)
        .contains("Niet afgerond", ">is verplicht<", ">Besluit<")
        .doesNotContain("is required");
    assertThat(driver.hasTask(project, "screen-candidates")).isTrue();

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/tasks/" + task.key())
                .with(as("staff", "STAFF"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("candidates[0].label", String.valueOf(candidate.get("label")))
                .param(
                    "candidates[0].applicationId", String.valueOf(candidate.get("applicationId")))
                .param("candidates[0].decision", "accept")
                .param("candidates[0].note", "Strong motivation, speaks Ukrainian"))
        .andExpect(redirectedUrl("/tasks"));
    org.awaitility.Awaitility.await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.pool.pool(project).size() == 1);
  }

  @Test
  void pagesSpeakDutchToADutchBrowserAndSwitchOnRequest() throws Exception {
    String dutch =
        mvc.perform(get("/login").header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dutch).contains("Aanmelden", "Wachtwoord");
    String english =
        mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "nl"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english).contains("Sign in", "Password");
  }

  private static RequestPostProcessor as(String name, String role) {
    return user(name).roles(role);
  }

  private static RequestPostProcessor client(String organisation) {
    return SecurityMockMvcRequestPostProcessors.user("client")
        .authorities(
            new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CLIENT"),
            new org.springframework.security.core.authority.SimpleGrantedAuthority(
                "ORG_" + organisation));
  }
}
