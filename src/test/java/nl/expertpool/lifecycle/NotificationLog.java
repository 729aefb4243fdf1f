package nl.expertpool.lifecycle;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The messages the app "sends" while no mail server is configured, as the log notifier writes them
 * (template, recipient id and link, never an address or the text): what tests read the personal
 * links from. Listens from {@link #listen()} until closed.
 */
public final class NotificationLog implements AutoCloseable {

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger notifier =
      (Logger) LoggerFactory.getLogger("nl.expertpool.notification.LoggingNotifier");

  private NotificationLog() {
    lines.start();
    notifier.addAppender(lines);
  }

  public static NotificationLog listen() {
    return new NotificationLog();
  }

  /** The paths of the links in the messages of this template, in the order they went out. */
  public List<String> links(String template) {
    return messages(template).stream().map(NotificationLog::path).toList();
  }

  /** The same, only of the messages to these recipients (by id). */
  public List<String> links(String template, Collection<String> recipients) {
    return messages(template).stream()
        .filter(line -> recipients.stream().anyMatch(line::contains))
        .map(NotificationLog::path)
        .toList();
  }

  /** The last part of a link's path: its secret. */
  public static String secret(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private List<String> messages(String template) {
    return lines.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.startsWith("Notification '" + template + "'"))
        .toList();
  }

  private static String path(String line) {
    return URI.create(line.substring(line.lastIndexOf("its link: ") + "its link: ".length()))
        .getPath();
  }

  @Override
  public void close() {
    notifier.detachAppender(lines);
  }
}
