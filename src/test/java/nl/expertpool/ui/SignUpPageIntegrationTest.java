package nl.expertpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.privacy.PersonalData;
import nl.expertpool.recruitment.ConsentTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public sign-up page: in every language, Arabic right to left; the consent record proves which
 * text was shown; refusals keep what was typed; a wrong code says only "not open"; a flood from one
 * address stops at the limit with nothing more stored. Its own app: a low limit.
 */
@SpringBootTest(properties = "expertpool.applications.rate-limit.per-address=4")
@AutoConfigureMockMvc
class SignUpPageIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired LifecycleDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalData personalData;
  @Autowired ConsentTexts consents;

  @Test
  void thePageTellsWhatIsAskedAndPaidInTheApplicantsLanguageArabicFromRightToLeft()
      throws Exception {
    String code = driver.call.callOf(driver.create(3, null)).signUpCode();

    String ukrainian = page(get("/apply/" + code + "?lang=uk"), 200);
    assertThat(ukrainian)
        .contains("lang=\"uk\"", "dir=\"ltr\"", "Приєднуйтеся до пулу експертів")
        .contains("за годину", "Ваша згода", consents.shown("uk").paragraphs().getFirst())
        .contains("name=\"consentVersion\" value=\"v1\"", "name=\"consentLanguage\" value=\"uk\"");

    String arabic = page(get("/apply/" + code + "?lang=ar"), 200);
    assertThat(arabic)
        .contains("lang=\"ar\"", "dir=\"rtl\"", "انضم إلى مجموعة الخبراء")
        .contains(consents.shown("ar").paragraphs().getFirst());
    assertThat(page(get("/apply/" + code + "?lang=nl"), 200))
        .contains("Word lid van de expertpool");

    for (String wrong : List.of("ZZZZZZZZ", "abc", code + "X")) {
      assertThat(page(get("/apply/" + wrong + "?lang=en"), 404))
          .contains("This call for experts is not open.")
          .doesNotContain("Pool ");
    }
  }

  @Test
  void anApplicationInUkrainianKeepsTheTextItAgreedToAndARefusalKeepsWhatWasTyped()
      throws Exception {
    UUID project = driver.create(3, null);
    String code = driver.call.callOf(project).signUpCode();

    String refused =
        page(
            apply(code, "uk")
                .param("name", "Олена Коваль")
                .param("languages", "українська, англійська")
                .param("motivation", "Я знаю, що потрібно новоприбулим."),
            400);
    assertThat(refused)
        .contains("Вкажіть електронну пошту або номер телефону.")
        .contains("Без вашої згоди ми не можемо зберегти вашу заявку.")
        .contains("value=\"Олена Коваль\"", "value=\"українська, англійська\"")
        .contains("Я знаю, що потрібно новоприбулим.");
    assertThat(applications(project)).isZero();

    String sent =
        page(
            apply(code, "uk")
                .param("name", "Олена Коваль")
                .param("email", "olena.koval@example.org")
                .param("languages", "українська, англійська")
                .param("motivation", "Я знаю, що потрібно новоприбулим.")
                .param("preferredLanguage", "uk")
                .param("consent", "yes"),
            200);
    assertThat(sent).contains("data-received=\"CONFIRMATION_SENT\"", "Майже готово");

    UUID application =
        jdbc.queryForObject("select id from application where project_id = ?", UUID.class, project);
    @SuppressWarnings("unchecked")
    var consent =
        ((List<Map<String, Object>>) personalData.export(application).orElseThrow().get("consent"))
            .getFirst();
    assertThat(consent)
        .containsEntry("text_version", "v1")
        .containsEntry("language", "uk")
        .containsEntry("text_sha256", consents.shown("uk").sha256())
        .containsEntry("method", "web-page")
        .containsKey("given_at");

    // The same contact again: the same answer, nothing stored twice.
    page(
        apply(code, "uk")
            .param("name", "Olena")
            .param("email", "olena.koval@example.org")
            .param("languages", "uk")
            .param("motivation", "Again")
            .param("consent", "yes"),
        200);
    assertThat(applications(project)).isEqualTo(1);
  }

  @Test
  void aFloodFromOneAddressStopsAtTheLimitWithNothingMoreStored() throws Exception {
    UUID project = driver.create(50, null);
    String code = driver.call.callOf(project).signUpCode();
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      var response =
          mvc.perform(
                  apply(code, "en")
                      .with(
                          request -> {
                            request.setRemoteAddr("203.0.113.9");
                            return request;
                          })
                      .param("name", "Flood " + i)
                      .param("email", "flood" + i + "@example.org")
                      .param("languages", "en")
                      .param("motivation", "Flood")
                      .param("consent", "yes"))
              .andReturn()
              .getResponse();
      if (response.getStatus() == 429) {
        refused++;
        assertThat(response.getContentAsString()).contains("Too many applications");
        assertThat(response.getHeader("Retry-After")).isNotBlank();
      }
    }
    assertThat(refused).isEqualTo(6);
    assertThat(applications(project)).isEqualTo(4);
  }

  private MockHttpServletRequestBuilder apply(String code, String language) {
    return post("/apply/" + code)
        .with(csrf())
        .param("lang", language)
        .param("consentVersion", "v1")
        .param("consentLanguage", language);
  }

  private int applications(UUID project) {
    return jdbc.queryForObject(
        "select count(*) from application where project_id = ?", Integer.class, project);
  }

  private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
