package nl.expertpool.runtime;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets that this JVM and the processes it started (PostgreSQL) listen on, read from
 * Linux's {@code /proc}: the sockets among the processes' open files, matched to the listening
 * entries of {@code /proc/net/tcp} and {@code tcp6}.
 */
public final class Listeners {

  private Listeners() {}

  /** A listening socket: its local address and port. */
  public record Listener(InetAddress address, int port) {
    public boolean loopback() {
      return address.isLoopbackAddress();
    }
  }

  public static boolean readable() {
    return Files.isReadable(Path.of("/proc/net/tcp"))
        && Files.isDirectory(Path.of("/proc/self/fd"));
  }

  /** What this process and its descendants listen on. */
  public static List<Listener> ofThisProcessTree() throws IOException {
    Set<String> inodes = new HashSet<>();
    inodes.addAll(socketInodes(ProcessHandle.current().pid()));
    ProcessHandle.current().descendants().forEach(p -> inodes.addAll(socketInodes(p.pid())));
    var listeners = new ArrayList<Listener>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] columns = line.trim().split("\\s+");
        // local_address is column 1 (hex address:hex port), st column 3 (0A = LISTEN), inode 9
        if (columns.length > 9 && columns[3].equals("0A") && inodes.contains(columns[9])) {
          String[] local = columns[1].split(":");
          listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
        }
      }
    }
    return listeners;
  }

  private static Set<String> socketInodes(long pid) {
    var inodes = new HashSet<String>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", "" + pid, "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException | UnsupportedOperationException gone) {
              // closed meanwhile
            }
          });
    } catch (IOException gone) {
      // the process ended meanwhile
    }
    return inodes;
  }

  /** /proc/net/tcp writes addresses as 32-bit words in host (little-endian) order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] raw = new BigInteger("1" + hex, 16).toByteArray();
    byte[] bytes = new byte[hex.length() / 2];
    System.arraycopy(raw, raw.length - bytes.length, bytes, 0, bytes.length);
    for (int word = 0; word < bytes.length; word += 4) {
      for (int i = 0; i < 2; i++) {
        byte swap = bytes[word + i];
        bytes[word + i] = bytes[word + 3 - i];
        bytes[word + 3 - i] = swap;
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
