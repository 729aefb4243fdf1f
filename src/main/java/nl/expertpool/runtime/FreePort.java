package nl.expertpool.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A local port that nothing listens on right now, for a server that binds it a moment later. It is
 * taken below the range the system hands out to outgoing connections (32768 and up on Linux), so
 * that a connection opened in that moment cannot take it first; only when that range is full does
 * the system choose.
 */
public final class FreePort {

  static final int FROM = 20_000;
  static final int TO = 32_000;

  private FreePort() {}

  public static int find() {
    var random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = random.nextInt(FROM, TO);
      try (var socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // another one
      }
    }
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port", e);
    }
  }
}
