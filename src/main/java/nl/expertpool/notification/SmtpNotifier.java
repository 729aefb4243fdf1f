package nl.expertpool.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail through the configured SMTP server; people without an e-mail address are skipped. */
class SmtpNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(SmtpNotifier.class);

  private final JavaMailSender mail;
  private final String from;

  SmtpNotifier(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void deliver(Notification notification) {
    if (notification.email() == null || notification.email().isBlank()) {
      log.info(
          "Notification '{}' to person {} not e-mailed: no e-mail address",
          notification.template(),
          notification.recipientId());
      return;
    }
    var message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(notification.email());
    message.setSubject(notification.subject());
    message.setText(notification.body());
    mail.send(message);
  }
}
