package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.project.ProjectStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Cancelling a project and a person's data rights, from the project page. */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectActionsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired AuditTrail audit;
  @Autowired io.camunda.client.CamundaClient client;

  @Test
  void aProjectIsCancelledOnlyWithAReasonWhichTheAuditTrailKeeps() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);

    String ask = page("/dashboard/projects/" + project + "/cancellation");
    assertThat(ask).contains("Cancel the project", "name=\"reason\"", "This cannot be undone.");
    String refused =
        mvc.perform(
                post("/dashboard/projects/" + project + "/cancellation")
                    .with(pm())
                    .with(csrf())
                    .param("reason", "   "))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Say why the project stops.", "aria-invalid=\"true\"");
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);

    mvc.perform(
            post("/dashboard/projects/" + project + "/cancellation")
                .with(pm())
                .with(csrf())
                .param("reason", "The municipality withdrew its budget."))
        .andExpect(redirectedUrl("/dashboard/projects/" + project))
        .andExpect(flash().attribute("notice", "cancel.requested"));

    Awaitility.await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> driver.projects.get(project).getStatus() == ProjectStatus.CANCELLED);
    assertThat(audit.about(AuditTrail.project(project)))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("project.cancellation-requested");
              assertThat(e.actor()).isEqualTo("pm");
              assertThat(e.detail()).isEqualTo("The municipality withdrew its budget.");
            });
    mvc.perform(get("/dashboard/projects/" + project + "/cancellation").with(pm()))
        .andExpect(redirectedUrl("/dashboard/projects/" + project))
        .andExpect(flash().attribute("notice", "cancel.notActive"));
    assertThat(page("/dashboard/projects/" + project)).doesNotContain("id=\"cancel\"");
  }

  /** Issue 21: the engine lost the project's process; the page says so and resumes it. */
  @Test
  void anInterruptedProjectSaysSoAndIsResumedFromItsPage() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    long lost = driver.projects.get(project).getProcessInstanceKey();
    driver.projects.interrupt(project, "test: the engine lost its instance");
    client.newCancelInstanceCommand(lost).send().join();

    String page = page("/dashboard/projects/" + project);
    assertThat(page)
        .contains("id=\"interrupted\"", "Interrupted: the engine has no trace of this project")
        .contains("in the phase it was in (Recruiting experts)", "Resume the project")
        .doesNotContain("id=\"cancel\"");
    String portal =
        mvc.perform(
                get("/portal")
                    .with(
                        user("client")
                            .authorities(
                                new org.springframework.security.core.authority
                                    .SimpleGrantedAuthority("ROLE_CLIENT"),
                                new org.springframework.security.core.authority
                                    .SimpleGrantedAuthority("ORG_Gemeente Almere"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal).contains("Paused");

    mvc.perform(post("/dashboard/projects/" + project + "/resumption").with(pm()).with(csrf()))
        .andExpect(redirectedUrl("/dashboard/projects/" + project))
        .andExpect(flash().attribute("notice", "interrupted.resumed"));
    assertThat(driver.projects.get(project).getStatus()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(driver.projects.get(project).getProcessInstanceKey()).isNotEqualTo(lost);
    assertThat(page("/dashboard/projects/" + project)).doesNotContain("id=\"interrupted\"");
  }

  @Test
  void aPersonIsExportedAndErasedFromTheProjectPageAfterSayingWhatGoes() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    UUID person = driver.apply(project, "Hanna Berhane");

    assertThat(page("/dashboard/projects/" + project))
        .contains("/people/" + person + "/export", "/people/" + person + "/erasure");
    String export =
        mvc.perform(
                get("/dashboard/projects/" + project + "/people/" + person + "/export").with(pm()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export).contains("\"application\"", "Hanna Berhane", "\"consent\"");

    assertThat(page("/dashboard/projects/" + project + "/people/" + person + "/erasure"))
        .contains("Hanna Berhane", "What goes, now", "What stays");
    mvc.perform(
            post("/dashboard/projects/" + project + "/people/" + person + "/erasure")
                .with(pm())
                .with(csrf()))
        .andExpect(redirectedUrl("/dashboard/projects/" + project + "#people"))
        .andExpect(flash().attribute("notice", "erase.done"));
    assertThat(
            mvc.perform(
                    get("/dashboard/projects/" + project + "/people/" + person + "/export")
                        .with(pm()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("Hanna Berhane")
        .contains("(removed)");

    UUID other = driver.create(3, Map.of());
    mvc.perform(get("/dashboard/projects/" + other + "/people/" + person + "/export").with(pm()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/dashboard/projects/" + other + "/people/" + person + "/erasure")
                .with(pm())
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/dashboard/projects/" + project + "/people/" + person + "/erasure").with(pm()))
        .andExpect(status().isForbidden());
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(pm()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static RequestPostProcessor pm() {
    return user("pm").roles("PROJECT_MANAGER");
  }
}
