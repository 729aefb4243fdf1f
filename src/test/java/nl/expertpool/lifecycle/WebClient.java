package nl.expertpool.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * The app on its port, as a program calls it (HTTP Basic, JSON) and as a person's browser does (a
 * session cookie, forms with their CSRF token). Redirects are not followed: tests look at them.
 */
public final class WebClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public WebClient(int port) {
    this.port = port;
  }

  public URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A request to the path, with HTTP Basic when a user is given. */
  public HttpRequest.Builder request(String path, String user, String password) {
    var builder = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      builder.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String user, String password)
      throws IOException, InterruptedException {
    return send(request(path, user, password));
  }

  public HttpResponse<String> postJson(String path, String user, String password, String json)
      throws IOException, InterruptedException {
    return send(
        request(path, user, password)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
  }

  /** A person's browser: its own session. */
  public Browser browser() {
    return new Browser();
  }

  public static Map<String, String> fields(String... namesAndValues) {
    var fields = new LinkedHashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  public final class Browser {

    private final HttpClient session =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return session.send(HttpRequest.newBuilder(url(path)).build(), BodyHandlers.ofString());
    }

    /** Posts the form fields with the CSRF token of the page they were on. */
    public HttpResponse<String> post(String path, String page, Map<String, String> fields)
        throws IOException, InterruptedException {
      var token = CSRF.matcher(page);
      assertThat(token.find()).as("a CSRF token on the page for " + path).isTrue();
      var body = new StringBuilder("_csrf=" + encode(token.group(1)));
      fields.forEach(
          (name, value) -> body.append('&').append(name).append('=').append(encode(value)));
      return post(path, body.toString());
    }

    /** Posts a form body as written (already encoded). */
    public HttpResponse<String> post(String path, String encodedForm)
        throws IOException, InterruptedException {
      return session.send(
          HttpRequest.newBuilder(url(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(BodyPublishers.ofString(encodedForm))
              .build(),
          BodyHandlers.ofString());
    }

    /** Signs in through the form; answers where it sends the browser. */
    public HttpResponse<String> signIn(String user, String password)
        throws IOException, InterruptedException {
      return post("/login", get("/login").body(), fields("username", user, "password", password));
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
