package nl.expertpool.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Text messages through an SMS gateway's webhook: a {@code POST} of {@code {"to": "+31...", "text":
 * "..."}} as JSON, with {@code Authorization: Bearer <token>} when a token is set. Most gateways
 * (or a small relay in front of one) take this shape.
 */
final class WebhookTextMessageGateway implements TextMessageGateway {

  private final RestClient http;
  private final URI url;

  WebhookTextMessageGateway(URI url, String token) {
    var timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(Duration.ofSeconds(5));
    timeouts.setReadTimeout(Duration.ofSeconds(10));
    var builder = RestClient.builder().requestFactory(timeouts);
    if (token != null && !token.isBlank()) {
      builder.defaultHeaders(headers -> headers.setBearerAuth(token));
    }
    this.http = builder.build();
    this.url = url;
  }

  @Override
  public void send(String phone, String text) {
    http.post()
        .uri(url)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("to", phone, "text", text))
        .retrieve()
        .toBodilessEntity();
  }
}
