package nl.expertpool.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default: says that a message went out, to whom by id, never the address or the text; a link
 * the message asks its reader to open is written too, so that a demo can follow it.
 */
class LoggingNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void deliver(Notification notification) {
    if (notification.link() != null) {
      log.info(
          "Notification '{}' to person {} (not sent: no mail server configured), its link: {}",
          notification.template(),
          notification.recipientId(),
          notification.link());
      return;
    }
    log.info(
        "Notification '{}' to person {} (not sent: no mail server configured)",
        notification.template(),
        notification.recipientId());
  }
}
