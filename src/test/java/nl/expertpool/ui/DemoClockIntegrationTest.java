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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.lifecycle.LifecycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The embedded default's demo clock on the project page. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoClockIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired ProcessEngine engine;

  @Test
  void theProjectPageMovesTheClockByADayAWeekOrToTheProjectsNextTimer() throws Exception {
    UUID project = driver.create(3, Map.of());
    driver.awaitWindowOpen(project);
    long instance = driver.projects.get(project).getProcessInstanceKey();

    assertThat(page(project)).contains("id=\"clock\"", "To the next timer");

    Instant before = driver.clock.instant();
    clock(project, "P1D");
    assertThat(Duration.between(before, driver.clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofDays(1));

    Instant first = engine.nextTimer(instance).orElseThrow();
    assertThat(first).isAfter(driver.clock.instant());
    clock(project, "next-timer");
    assertThat(driver.clock.instant()).isAfter(first);
    org.awaitility.Awaitility.await()
        .atMost(LifecycleDriver.WAIT)
        .until(() -> engine.nextTimer(instance).map(next -> next.isAfter(first)).orElse(true));

    mvc.perform(
            post("/dashboard/projects/" + project + "/clock")
                .with(pm())
                .with(csrf())
                .param("advance", "P100Y"))
        .andExpect(status().isBadRequest());
  }

  private void clock(UUID project, String advance) throws Exception {
    mvc.perform(
            post("/dashboard/projects/" + project + "/clock")
                .with(pm())
                .with(csrf())
                .param("advance", advance))
        .andExpect(redirectedUrl("/dashboard/projects/" + project + "#clock"))
        .andExpect(flash().attribute("notice", "clock.moved"));
  }

  private String page(UUID project) throws Exception {
    return mvc.perform(get("/dashboard/projects/" + project).with(pm()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static RequestPostProcessor pm() {
    return user("pm").roles("PROJECT_MANAGER");
  }
}
