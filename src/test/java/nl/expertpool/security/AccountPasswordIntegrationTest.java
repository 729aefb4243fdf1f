package nl.expertpool.security;

import static nl.expertpool.lifecycle.WebClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.lifecycle.LifecycleDriver;
import nl.expertpool.lifecycle.WebClient;
import nl.expertpool.recruitment.Pool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, findings 6 and 8: the project manager chose and knew each expert's password, nobody
 * could change their own, ten spaces were a password, and erasing an expert left the account
 * active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountPasswordIntegrationTest {

  @LocalServerPort int port;
  @Autowired LifecycleDriver driver;
  @Autowired Pool pool;

  private final ObjectMapper json = new ObjectMapper();
  private WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void anExpertChoosesTheirOwnPasswordThroughAOneTimeLinkAndChangesItLater() throws Exception {
    UUID project = driver.trainedPool();
    var olena =
        pool.people(project).stream()
            .filter(p -> "Olena Koval".equals(p.name()))
            .findFirst()
            .orElseThrow();
    String username = "olena-" + Long.toString(System.nanoTime(), 36);
    var linked =
        put("/api/people/" + olena.applicationId() + "/account", Map.of("username", username));
    assertThat(linked.path("accountCreated").asBoolean()).isTrue();
    String link = linked.path("setPasswordLink").asText();
    String path = URI.create(link).getPath();
    assertThat(web.get("/api/tasks", username, "").statusCode()).isEqualTo(401);

    var browser = web.browser();
    // The link opens in the language of her application (Dutch) until she chooses one: English.
    var first = browser.get(path);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith(path + "?lang=nl");
    var form = browser.get(path + "?lang=en");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains(username);
    assertThat(
            browser
                .post(path, form.body(), fields("password", "          ", "repeat", "          "))
                .body())
        .contains("must not be empty or only spaces");
    assertThat(
            browser
                .post(path, form.body(), fields("password", "password123", "repeat", "password123"))
                .body())
        .contains("too common or too easy to guess");
    assertThat(
            browser
                .post(
                    path,
                    form.body(),
                    fields("password", "letters-at-night", "repeat", "letters-at-dawn"))
                .body())
        .contains("not the same");
    var set =
        browser.post(
            path,
            form.body(),
            fields("password", "letters-at-night", "repeat", "letters-at-night"));
    assertThat(set.headers().firstValue("Location")).hasValue("/login?passwordSet");
    assertThat(web.get("/api/tasks", username, "letters-at-night").statusCode()).isEqualTo(200);
    assertThat(browser.get(path).statusCode()).as("the link works once").isEqualTo(410);

    // Anyone signed in changes their own password.
    var own = web.browser();
    assertThat(own.signIn(username, "letters-at-night").headers().firstValue("Location"))
        .hasValue("/");
    var page = own.get("/account/password");
    assertThat(page.statusCode()).isEqualTo(200);
    var wrongCurrent =
        own.post(
            "/account/password",
            page.body(),
            fields(
                "current",
                "not-mine",
                "password",
                "tulips along the ijssel",
                "repeat",
                "tulips along the ijssel"));
    assertThat(wrongCurrent.body()).contains("not your current password");
    var changed =
        own.post(
            "/account/password",
            page.body(),
            fields(
                "current",
                "letters-at-night",
                "password",
                "tulips along the ijssel",
                "repeat",
                "tulips along the ijssel"));
    assertThat(changed.headers().firstValue("Location")).hasValue("/account/password");
    assertThat(web.get("/api/tasks", username, "letters-at-night").statusCode()).isEqualTo(401);
    assertThat(web.get("/api/tasks", username, "tulips along the ijssel").statusCode())
        .isEqualTo(200);

    // Erasing the person disables the account that was theirs alone, also its open session.
    var erased =
        web.send(
            web.request("/api/people/" + olena.applicationId(), "pm", "demo")
                .header("Content-Type", "application/json")
                .DELETE());
    assertThat(erased.statusCode()).isEqualTo(204);
    assertThat(web.get("/api/tasks", username, "tulips along the ijssel").statusCode())
        .isEqualTo(401);
    assertThat(own.get("/tasks").headers().firstValue("Location")).hasValue("/login?disabled");
  }

  private JsonNode put(String path, Map<String, Object> body) throws Exception {
    var answer =
        web.send(
            web.request(path, "pm", "demo")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json.writeValueAsString(body))));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }
}
