package nl.expertpool.notification;

/** Delivers a notification: by e-mail when a mail server is configured, else to the log. */
public interface Notifier {
  void deliver(Notification notification);
}
