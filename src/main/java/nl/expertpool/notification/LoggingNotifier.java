package nl.expertpool.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: says that a message went out, to whom by id, never the address or the text. */
class LoggingNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void deliver(Notification notification) {
    log.info(
        "Notification '{}' to person {} (not sent: no mail server configured)",
        notification.template(),
        notification.recipientId());
  }
}
