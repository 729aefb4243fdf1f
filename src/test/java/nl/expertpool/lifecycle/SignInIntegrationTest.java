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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, finding 6: 200 wrong Basic sign-ins and 100 wrong form sign-ins were followed by a
 * working correct one. With the real limits of the sign-in throttle (5 per account, 20 per
 * address), in an app of its own: the throttle remembers this test's address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "expertpool.security.sign-in.failures-per-account=5",
      "expertpool.security.sign-in.failures-per-address=20",
      "expertpool.applications.rate-limit.per-address=5"
    })
class SignInIntegrationTest {

  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void wrongPasswordsThrottleTheAccountAndThenTheAddressOnTheApiAndTheForm() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(basic("pm", "guess-" + i, "/api/projects").statusCode()).isEqualTo(401);
    }
    var throttled = basic("pm", "demo", "/api/projects");
    assertThat(throttled.statusCode()).as("the right password after five wrong").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
    assertThat(json.readTree(throttled.body()).path("detail").asText())
        .contains("Too many wrong passwords");
    assertThat(basic("staff", "demo", "/api/projects").statusCode())
        .as("another account from the same address")
        .isEqualTo(200);

    var browser = browser();
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(browser, "client", "guess-" + i).headers().firstValue("Location"))
          .hasValue("/login?error");
    }
    assertThat(signIn(browser, "client", "demo").headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith("/login?throttled="));
    var page =
        browser.send(
            HttpRequest.newBuilder(url("/login?throttled=15")).build(), BodyHandlers.ofString());
    assertThat(page.body()).contains("Too many wrong passwords", "15 minutes");

    // Ten more wrong ones for names that do not exist: the address has sent twenty.
    for (int i = 0; i < 10; i++) {
      basic("nobody-" + i, "guess", "/api/projects");
    }
    assertThat(basic("client-utrecht", "demo", "/api/projects").statusCode())
        .as("any account from an address that sent twenty wrong passwords")
        .isEqualTo(429);
  }

  /** Issue 17, finding 5: 300 applications in 5.8 s from one client were all taken. */
  @Test
  void theSignUpTakesAFewApplicationsFromOneAddressAndThenAsksItToWait() throws Exception {
    String body =
        """
        {"signUpCode": "NO-CODE", "name": "Flood %d", "email": "flood%d@example.org",
         "languages": ["uk"], "motivation": "Again and again.",
         "consent": {"given": true, "textVersion": "2026-01", "method": "web-form"}}
        """;
    String path = "/api/projects/" + java.util.UUID.randomUUID() + "/applications";
    for (int i = 0; i < 5; i++) {
      assertThat(postJson(path, body.formatted(i, i)).statusCode())
          .as("a wrong project or code is still answered for itself")
          .isIn(400, 404);
    }
    var sixth = postJson(path, body.formatted(6, 6));

    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(sixth.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
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
