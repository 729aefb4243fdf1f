package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.audit.AuditTrail;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.project.Phase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Changing a running project's plan on its page and by the API. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired AuditTrail audit;

  @Test
  void aProjectManagerMovesADeadlineAndTheTargetsWhichTheAuditTrailKeeps() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    LocalDate due = driver.today().plusDays(30);

    String form = page("/dashboard/projects/" + project + "/plan");
    assertThat(form).contains("name=\"deadline-recruitment\"", "name=\"targetExperts\"");

    mvc.perform(
            post("/dashboard/projects/" + project + "/plan")
                .with(pm())
                .with(csrf())
                .params(fields(project, Map.of("deadline-training", due.toString())))
                .param("targetExperts", "5")
                .param("minimumPool", "4"))
        .andExpect(redirectedUrl("/dashboard/projects/" + project + "#plan"))
        .andExpect(flash().attribute("notice", "plan.changed"));

    var stored = driver.projects.get(project);
    assertThat(stored.getDeadlines().get(Phase.TRAINING))
        .isEqualTo(due.atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(stored.getTargetExperts()).isEqualTo(5);
    assertThat(stored.getMinimumPool()).isEqualTo(4);
    assertThat(audit.about(AuditTrail.project(project)))
        .extracting(e -> e.action() + " by " + e.actor())
        .contains("project.deadline-changed by pm", "project.targets-changed by pm");
    assertThat(page("/dashboard/projects/" + project))
        .contains("id=\"plan\"", "5 experts sought")
        .contains("/apply/" + driver.call.callOf(project).signUpCode() + "\"");
  }

  @Test
  void aRefusedPlanComesBackWithEachProblemByItsFieldAndWhatWasTyped() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    String yesterday = driver.today().minusDays(1).toString();

    String refused =
        mvc.perform(
                post("/dashboard/projects/" + project + "/plan")
                    .with(pm())
                    .with(csrf())
                    .params(
                        fields(
                            project,
                            Map.of("deadline-recruitment", yesterday, "deadline-feedback", "soon")))
                    .param("targetExperts", "2")
                    .param("minimumPool", "3"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(refused)
        .contains(
            "A date, like 2027-03-01.",
            "value=\"soon\"",
            "aria-invalid=\"true\"",
            "value=\"2\"",
            "value=\"3\"");
    assertThat(driver.projects.get(project).getTargetExperts()).isEqualTo(3);

    String past =
        mvc.perform(
                post("/dashboard/projects/" + project + "/plan")
                    .with(pm())
                    .with(csrf())
                    .params(fields(project, Map.of("deadline-recruitment", yesterday)))
                    .param("targetExperts", "2")
                    .param("minimumPool", "3"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(past)
        .contains(
            "Must not be in the past.",
            "Must not be more than the experts sought.",
            "value=\"" + yesterday + "\"");
    assertThat(audit.about(AuditTrail.project(project)))
        .extracting(e -> e.action())
        .doesNotContain("project.deadline-changed", "project.targets-changed");
  }

  @Test
  void onceScreeningBeginsTheTargetsStayAndOnlyLaterDeadlinesChange() throws Exception {
    UUID project = driver.create(2, Map.of());
    driver.apply(project, "Olena Koval");
    driver.advance(Duration.ofDays(14));
    driver.task(project, "screen-candidates");

    String form = page("/dashboard/projects/" + project + "/plan");
    assertThat(form)
        .contains("Fixed since screening began: 2 experts sought")
        .doesNotContain("name=\"targetExperts\"");

    String answer =
        mvc.perform(
                post("/api/projects/" + project + "/plan-changes")
                    .with(pm())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"targetExperts\": 4}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).contains("\"field\":\"targetExperts\"", "screening has begun");

    String handover = driver.today().plusDays(400).toString();
    mvc.perform(
            post("/api/projects/" + project + "/plan-changes")
                .with(pm())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"deadlines\": {\"handover\": \"" + handover + "\"}}"))
        .andExpect(status().isOk());
    assertThat(driver.projects.get(project).getDeadlines().get(Phase.HANDOVER))
        .isEqualTo(LocalDate.parse(handover).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void onlyProjectManagersChangeAPlanAndAPostNeedsItsCsrfToken() throws Exception {
    UUID project = driver.create(3, Map.of());
    String path = "/dashboard/projects/" + project + "/plan";

    mvc.perform(get(path).with(user("staff").roles("STAFF"))).andExpect(status().isForbidden());
    mvc.perform(
            post(path)
                .with(user("staff").roles("STAFF"))
                .with(csrf())
                .param("targetExperts", "5")
                .param("minimumPool", "2"))
        .andExpect(status().isForbidden());
    mvc.perform(post(path).with(pm()).param("targetExperts", "5").param("minimumPool", "2"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/dashboard/demo-data").with(pm())).andExpect(status().isForbidden());

    assertThat(driver.projects.get(project).getTargetExperts()).isEqualTo(3);
  }

  /** Every open phase's deadline as the form holds it, with these fields typed over. */
  private org.springframework.util.MultiValueMap<String, String> fields(
      UUID project, Map<String, String> typed) {
    var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
    driver
        .projects
        .get(project)
        .getDeadlines()
        .forEach(
            (phase, at) ->
                fields.add(
                    "deadline-" + phase.key(),
                    typed.getOrDefault(
                        "deadline-" + phase.key(),
                        LocalDate.ofInstant(at, ZoneOffset.UTC).toString())));
    return fields;
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
