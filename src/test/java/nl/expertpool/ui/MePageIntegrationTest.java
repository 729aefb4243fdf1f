package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.recruitment.ExpertAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The expert's own space: tasks first, paid hours, what came of it, in the expert's language. */
@SpringBootTest
@AutoConfigureMockMvc
class MePageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired ExpertAccess access;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCertifiedExpertSeesTheirInterviewsToDoTheirTrainingHoursAndItsOutcomeInTheirLanguage()
      throws Exception {
    UUID project = driver.trainedPool();
    String username = "me-" + Long.toString(System.nanoTime(), 36);
    UUID application =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    access.link(application, username, "pm");
    String pseudonym =
        jdbc.queryForObject(
            "select pseudonym from expert where application_id = ?", String.class, application);

    // The application asked for Dutch: without a choice of its own, the page follows it.
    mvc.perform(get("/me").with(expert(username))).andExpect(redirectedUrl("/me?lang=nl"));

    String page =
        mvc.perform(
                get("/me")
                    .with(expert(username))
                    .cookie(new Cookie(MePage.LANGUAGE_COOKIE, "uk"))
                    .locale(java.util.Locale.forLanguageTag("uk")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Мій пул експертів", "Записати інтерв&#39;ю з оточення", "Мої оплачувані години")
        .contains(driver.projects.get(project).getName(), pseudonym, "Сертифіковано")
        .contains("Зустріч ще не погодила дій.");
    assertThat(page.indexOf("id=\"my-tasks\"")).isLessThan(page.indexOf("Мої оплачувані години"));

    mvc.perform(get("/me").with(user("staff").roles("STAFF"))).andExpect(status().isForbidden());
  }

  private static RequestPostProcessor expert(String username) {
    return user(username).roles("EXPERT");
  }
}
