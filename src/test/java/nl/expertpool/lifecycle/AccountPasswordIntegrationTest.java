package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.expertpool.recruitment.Recruitment;
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
  @Autowired Recruitment recruitment;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void anExpertChoosesTheirOwnPasswordThroughAOneTimeLinkAndChangesItLater() throws Exception {
    UUID project = driver.trainedPool();
    var olena =
        recruitment.people(project).stream()
            .filter(p -> "Olena Koval".equals(p.name()))
            .findFirst()
            .orElseThrow();
    String username = "olena-" + Long.toString(System.nanoTime(), 36);
    var linked =
        put("/api/people/" + olena.applicationId() + "/account", Map.of("username", username));
    assertThat(linked.path("accountCreated").asBoolean()).isTrue();
    String link = linked.path("setPasswordLink").asText();
    String path = URI.create(link).getPath();
    assertThat(basic(username, "", "/api/tasks").statusCode()).isEqualTo(401);

    var browser = browser();
    var form = browser.send(HttpRequest.newBuilder(url(path)).build(), BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains(username);
    assertThat(
            post(
                    browser,
                    path,
                    form.body(),
                    fields("password", "          ", "repeat", "          "))
                .body())
        .contains("must not be empty or only spaces");
    assertThat(
            post(
                    browser,
                    path,
                    form.body(),
                    fields("password", "password123", "repeat", "password123"))
                .body())
        .contains("too common or too easy to guess");
    assertThat(
            post(
                    browser,
                    path,
                    form.body(),
                    fields("password", "letters-at-night", "repeat", "letters-at-dawn"))
                .body())
        .contains("not the same");
    var set =
        post(
            browser,
            path,
            form.body(),
            fields("password", "letters-at-night", "repeat", "letters-at-night"));
    assertThat(set.headers().firstValue("Location")).hasValue("/login?passwordSet");
    assertThat(basic(username, "letters-at-night", "/api/tasks").statusCode()).isEqualTo(200);
    assertThat(
            browser
                .send(HttpRequest.newBuilder(url(path)).build(), BodyHandlers.ofString())
                .statusCode())
        .as("the link works once")
        .isEqualTo(410);

    // Anyone signed in changes their own password.
    var own = browser();
    assertThat(signIn(own, username, "letters-at-night").headers().firstValue("Location"))
        .hasValue("/");
    var page =
        own.send(HttpRequest.newBuilder(url("/account/password")).build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    var wrongCurrent =
        post(
            own,
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
        post(
            own,
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
    assertThat(basic(username, "letters-at-night", "/api/tasks").statusCode()).isEqualTo(401);
    assertThat(basic(username, "tulips along the ijssel", "/api/tasks").statusCode())
        .isEqualTo(200);

    // Erasing the person disables the account that was theirs alone, also its open session.
    var erased =
        http.send(
            request("/api/people/" + olena.applicationId(), "pm", "demo")
                .header("Content-Type", "application/json")
                .DELETE()
                .build(),
            BodyHandlers.ofString());
    assertThat(erased.statusCode()).isEqualTo(204);
    assertThat(basic(username, "tulips along the ijssel", "/api/tasks").statusCode())
        .isEqualTo(401);
    var afterErasure =
        own.send(HttpRequest.newBuilder(url("/tasks")).build(), BodyHandlers.ofString());
    assertThat(afterErasure.headers().firstValue("Location")).hasValue("/login?disabled");
  }

  private HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpResponse<String> signIn(HttpClient browser, String user, String password)
      throws Exception {
    var login =
        browser.send(HttpRequest.newBuilder(url("/login")).build(), BodyHandlers.ofString());
    return post(browser, "/login", login.body(), fields("username", user, "password", password));
  }

  /** Posts the form fields with the CSRF token of the page it came from. */
  private HttpResponse<String> post(
      HttpClient browser, String path, String page, Map<String, String> fields) throws Exception {
    var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("a CSRF token on " + path).isTrue();
    var body = new StringBuilder("_csrf=" + enc(token.group(1)));
    fields.forEach((name, value) -> body.append('&').append(name).append('=').append(enc(value)));
    return browser.send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body.toString()))
            .build(),
        BodyHandlers.ofString());
  }

  private static Map<String, String> fields(String... namesAndValues) {
    var fields = new LinkedHashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private JsonNode put(String path, Map<String, Object> body) throws Exception {
    var answer =
        http.send(
            request(path, "pm", "demo")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private HttpResponse<String> basic(String user, String password, String path) throws Exception {
    return http.send(request(path, user, password).build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    return HttpRequest.newBuilder(url(path))
        .timeout(Duration.ofSeconds(30))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
