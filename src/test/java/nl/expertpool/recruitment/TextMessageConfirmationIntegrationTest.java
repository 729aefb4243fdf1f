package nl.expertpool.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.notification.TextMessageGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Issue 17, finding 5: with an SMS gateway configured, an applicant who gives only a phone number
 * confirms with a code texted to it; five wrong codes and it stops working (staff then confirm
 * after a call). The gateway here keeps the messages instead of sending them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TextMessageConfirmationIntegrationTest {

  @TestConfiguration
  static class Gateway {
    @Bean
    SentTexts textMessages() {
      return new SentTexts();
    }
  }

  /** The texts the app sent: number and text. */
  static class SentTexts implements TextMessageGateway {
    final List<String[]> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String phone, String text) {
      sent.add(new String[] {phone, text});
    }

    String codeFor(String phone) {
      for (String[] text : sent) {
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(text[1]);
        if (text[0].equals(phone) && code.find()) {
          return code.group(1);
        }
      }
      throw new AssertionError("No code texted to " + phone);
    }
  }

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired SentTexts texts;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void aPhoneOnlyApplicantConfirmsWithTheTextedCodeAndFiveWrongCodesSpendIt() throws Exception {
    UUID project = driver.create(2, null);
    String code = driver.call.callOf(project).signUpCode();

    var applied = apply(project, code, "Yonas T.", "+31 6 1111 1111");
    assertThat(applied.statusCode()).isEqualTo(202);
    assertThat(json.readTree(applied.body()).path("status").asText()).isEqualTo("code-sent");
    apply(project, code, "Yonas T.", "+31 6 1111 1111");
    assertThat(texts.sent).as("one text for a repeated application").hasSize(1);
    String yonas = texts.codeFor("+31 6 1111 1111");
    assertThat(texts.sent.getFirst()[1]).contains(driver.projects.get(project).getName());

    String wrong = yonas.equals("000000") ? "000001" : "000000";
    for (int i = 0; i < 5; i++) {
      var refused = confirm(project, "+31 6 1111 1111", wrong);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("code");
    }
    assertThat(confirm(project, "+31 6 1111 1111", yonas).statusCode())
        .as("the right code after five wrong ones")
        .isEqualTo(409);
    assertThat(confirm(project, "+31 6 9999 9999", yonas).statusCode())
        .as("a number that did not apply answers as a wrong code")
        .isEqualTo(400);
    assertThat(driver.confirmation.toConfirm(project))
        .extracting(a -> a.name())
        .contains("Yonas T.");

    apply(project, code, "Amina Y.", "+31 6 2222 2222");
    var confirmed = confirm(project, "+31 6 2222 2222", texts.codeFor("+31 6 2222 2222"));
    assertThat(confirmed.statusCode()).isEqualTo(204);
    assertThat(driver.confirmation.toConfirm(project))
        .extracting(a -> a.name())
        .containsExactly("Yonas T.");
  }

  private HttpResponse<String> apply(UUID project, String code, String name, String phone)
      throws Exception {
    return post(
        "/api/projects/" + project + "/applications",
        """
        {"signUpCode": "%s", "name": "%s", "phone": "%s", "languages": ["ti"],
         "motivation": "I know what newcomers need.",
         "consent": {"given": true, "textVersion": "2026-01", "method": "web-form"}}
        """
            .formatted(code, name, phone));
  }

  private HttpResponse<String> confirm(UUID project, String phone, String code) throws Exception {
    return post(
        "/api/projects/" + project + "/applications/confirmation",
        "{\"phone\": \"%s\", \"code\": \"%s\"}".formatted(phone, code));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }
}
