package nl.expertpool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Text messages go to the configured SMS gateway's webhook as JSON, with its token. */
class WebhookTextMessageGatewayTest {

  @Test
  void postsTheNumberAndTheTextWithTheBearerToken() throws Exception {
    var body = new AtomicReference<String>();
    var authorization = new AtomicReference<String>();
    HttpServer gateway =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    gateway.createContext(
        "/sms",
        exchange -> {
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          int status = body.get().contains("refuse me") ? 422 : 202;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    gateway.start();
    try {
      var texts =
          new WebhookTextMessageGateway(
              URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms"),
              "gateway-token");

      texts.send("+31 6 1234 5678", "Your code: 123456");

      var sent = new ObjectMapper().readTree(body.get());
      assertThat(sent.path("to").asText()).isEqualTo("+31 6 1234 5678");
      assertThat(sent.path("text").asText()).isEqualTo("Your code: 123456");
      assertThat(authorization.get()).isEqualTo("Bearer gateway-token");
      assertThatThrownBy(() -> texts.send("+31 6 1234 5678", "refuse me"))
          .hasMessageContaining("422");
    } finally {
      gateway.stop(0);
    }
  }
}
