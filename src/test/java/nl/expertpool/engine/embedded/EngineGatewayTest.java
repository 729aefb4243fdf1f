package nl.expertpool.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.impl.basicauth.BasicAuthCredentialsProviderBuilder;
import io.grpc.Status.Code;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.expertpool.runtime.FreePort;
import nl.expertpool.runtime.Listeners;
import nl.expertpool.runtime.Listeners.Listener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 1: the embedded engine's gateway listened on every interface and took calls
 * from anyone, who could cancel a project's process. Now it listens on the loopback address only
 * and answers only the client that holds the credential of this start.
 */
class EngineGatewayTest {

  @Test
  void theGatewayListensOnTheLoopbackAddressOnly() throws Exception {
    Assumptions.assumeTrue(Listeners.readable(), "needs Linux's /proc");
    int port = FreePort.find();
    try (var engine = new EmbeddedZeebe(port, basic("app", "secret"))) {
      assertThat(Listeners.ofThisProcessTree())
          .filteredOn(listener -> listener.port() == port)
          .isNotEmpty()
          .allMatch(Listener::loopback, "listens on a loopback address");
    }
  }

  @Test
  void aCallWithoutTheCredentialIsRefusedAndOneWithItIsTaken() {
    int port = FreePort.find();
    try (var engine = new EmbeddedZeebe(port, basic("app", "secret"));
        var stranger = client(port, null, null);
        var wrong = client(port, "app", "guess");
        var app = client(port, "app", "secret")) {
      assertThatThrownBy(() -> stranger.newTopologyRequest().send().join())
          .satisfies(EngineGatewayTest::unauthenticated);
      assertThatThrownBy(
              () ->
                  stranger
                      .newCancelInstanceCommand(2251799813685249L)
                      .send()
                      .join(10, java.util.concurrent.TimeUnit.SECONDS))
          .satisfies(EngineGatewayTest::unauthenticated);
      assertThatThrownBy(() -> wrong.newTopologyRequest().send().join())
          .satisfies(EngineGatewayTest::unauthenticated);
      assertThat(app.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    }
  }

  private static void unauthenticated(Throwable refusal) {
    assertThat(refusal).isInstanceOf(ClientStatusException.class);
    assertThat(((ClientStatusException) refusal).getStatusCode()).isEqualTo(Code.UNAUTHENTICATED);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static CamundaClient client(int port, String user, String password) {
    var address = URI.create("http://127.0.0.1:" + port);
    var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10));
    if (user != null) {
      builder.credentialsProvider(
          new BasicAuthCredentialsProviderBuilder().username(user).password(password).build());
    }
    return builder.build();
  }
}
