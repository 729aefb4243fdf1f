package nl.expertpool.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.expertpool.lifecycle.WebClient;
import org.junit.jupiter.api.BeforeEach;
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
  private WebClient web;

  @BeforeEach
  void client() {
    web = new WebClient(port);
  }

  @Test
  void wrongPasswordsThrottleTheAccountAndThenTheAddressOnTheApiAndTheForm() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(web.get("/api/projects", "pm", "guess-" + i).statusCode()).isEqualTo(401);
    }
    var throttled = web.get("/api/projects", "pm", "demo");
    assertThat(throttled.statusCode()).as("the right password after five wrong").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
    assertThat(json.readTree(throttled.body()).path("detail").asText())
        .contains("Too many wrong passwords");
    assertThat(web.get("/api/projects", "staff", "demo").statusCode())
        .as("another account from the same address")
        .isEqualTo(200);

    var browser = web.browser();
    for (int i = 0; i < 5; i++) {
      assertThat(browser.signIn("client", "guess-" + i).headers().firstValue("Location"))
          .hasValue("/login?error");
    }
    assertThat(browser.signIn("client", "demo").headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith("/login?throttled="));
    var page = browser.get("/login?throttled=15");
    assertThat(page.body()).contains("Too many wrong passwords", "15 minutes");

    // Ten more wrong ones for names that do not exist: the address has sent twenty.
    for (int i = 0; i < 10; i++) {
      web.get("/api/projects", "nobody-" + i, "guess");
    }
    assertThat(web.get("/api/projects", "client-utrecht", "demo").statusCode())
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
      assertThat(web.postJson(path, null, null, body.formatted(i, i)).statusCode())
          .as("a wrong project or code is still answered for itself")
          .isIn(400, 404);
    }
    var sixth = web.postJson(path, null, null, body.formatted(6, 6));

    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(sixth.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }
}
