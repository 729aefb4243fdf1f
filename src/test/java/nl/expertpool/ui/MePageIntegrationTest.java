package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolRegistry;
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
  @Autowired PoolRegistry pools;

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
                    .cookie(new Cookie(ExpertLanguage.COOKIE, "uk"))
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

    // The interview it links to, in Ukrainian too: the title, the form's words and its options.
    var key = java.util.regex.Pattern.compile("href=\"/tasks/(\\d+)\"").matcher(page);
    assertThat(key.find()).isTrue();
    String task =
        mvc.perform(
                get("/tasks/" + key.group(1))
                    .with(expert(username))
                    .locale(java.util.Locale.forLanguageTag("uk")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(task)
        .contains("Записати інтерв&#39;ю з оточення", "Згода", "Співрозмовник погодився")
        .contains("Вікова група", "Скільки часу в Нідерландах");

    // The certificate: in the expert's language (Ukrainian here), then in Dutch.
    jdbc.update("update application set preferred_language = 'uk' where id = ?", application);
    UUID expertId =
        jdbc.queryForObject(
            "select id from expert where application_id = ?", UUID.class, application);
    String name =
        jdbc.queryForObject("select name from application where id = ?", String.class, application);
    var pdf =
        mvc.perform(get("/me/certificate/" + expertId + ".pdf").with(expert(username)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      var text = new org.apache.pdfbox.text.PDFTextStripper();
      text.setStartPage(1);
      text.setEndPage(1);
      assertThat(text.getText(document)).contains("Сертифікат про участь", name, "3 год навчання");
      text.setStartPage(2);
      text.setEndPage(2);
      assertThat(text.getText(document))
          .contains("Certificaat van deelname", name, "3 uur training");
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
      for (int side = 0; side < 2; side++) {
        javax.imageio.ImageIO.write(
            new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(side, 60),
            "png",
            java.nio.file.Path.of("target", "screenshots", "certificate-" + side + ".png")
                .toFile());
      }
    }
    // Someone else's certificate does not exist for this expert.
    mvc.perform(get("/me/certificate/" + expertId + ".pdf").with(expert("someone-else")))
        .andExpect(status().isNotFound());
  }

  @Test
  void anExpertOfAPoolsProjectAgreesOnTheirPageToBeInvitedAgainAndLeavesInOneClick()
      throws Exception {
    var pool =
        pools.create(
            new NewPool("Utrecht region " + UUID.randomUUID(), "Utrecht", null, null), "pm");
    UUID project = driver.trainedPool(pool.getId());
    String username = "pool-" + Long.toString(System.nanoTime(), 36);
    UUID application =
        jdbc.queryForObject(
            "select application_id from expert where project_id = ? order by pseudonym limit 1",
            UUID.class,
            project);
    UUID expertId =
        jdbc.queryForObject(
            "select id from expert where application_id = ?", UUID.class, application);
    access.link(application, username, "pm");
    var inUkrainian = new Cookie(ExpertLanguage.COOKIE, "uk");

    String offer = page(username, inUkrainian);
    assertThat(offer)
        .contains("Цей проєкт належить до постійного пулу " + pool.getName())
        .contains("Я погоджуюся, щоб мене запрошували знову")
        .contains("name=\"textVersion\" value=\"v1\"", "name=\"language\" value=\"uk\"")
        .contains("lang=\"uk\"");
    mvc.perform(
            post("/me/pool-consent/" + expertId)
                .with(expert(username))
                .with(csrf())
                .param("textVersion", "v1")
                .param("language", "uk"))
        .andExpect(redirectedUrl("/me#pool-" + project));
    // Another expert's record is not theirs to give consent for.
    mvc.perform(
            post("/me/pool-consent/" + expertId)
                .with(expert("someone-else"))
                .with(csrf())
                .param("textVersion", "v1")
                .param("language", "uk"))
        .andExpect(status().isNotFound());

    assertThat(page(username, inUkrainian))
        .contains("Ви в постійному пулі " + pool.getName(), "Вийти з пулу");
    assertThat(
            jdbc.queryForMap(
                "select c.method, c.language, c.given_by from pool_consent c"
                    + " join pool_member m on m.id = c.member_id where m.source_expert_id = ?",
                expertId))
        .containsEntry("method", "web-page")
        .containsEntry("language", "uk")
        .containsEntry("given_by", username);

    mvc.perform(post("/me/pool-leave/" + expertId).with(expert(username)).with(csrf()))
        .andExpect(redirectedUrl("/me#pool-" + project));

    assertThat(page(username, inUkrainian)).contains("Я погоджуюся, щоб мене запрошували знову");
    assertThat(
            jdbc.queryForObject(
                "select name is null from pool_member where source_expert_id = ?",
                Boolean.class,
                expertId))
        .isTrue();
  }

  private String page(String username, Cookie language) throws Exception {
    return mvc.perform(
            get("/me")
                .with(expert(username))
                .cookie(language)
                .locale(java.util.Locale.forLanguageTag(language.getValue())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static RequestPostProcessor expert(String username) {
    return user(username).roles("EXPERT");
  }
}
