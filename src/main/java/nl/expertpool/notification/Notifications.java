package nl.expertpool.notification;

import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Renders a template in the person's language ({@code notifications[_nl].properties}: {@code
 * <template>.subject} and {@code <template>.body}) and hands it to the notifier.
 */
@Service
public class Notifications {

  private final Notifier notifier;
  private final MessageSource texts;

  Notifications(Notifier notifier, @Qualifier("notificationTexts") MessageSource texts) {
    this.notifier = notifier;
    this.texts = texts;
  }

  public void send(Recipient to, String template, Object... arguments) {
    Locale locale = Locale.forLanguageTag(to.language() == null ? "en" : to.language());
    String subject = texts.getMessage(template + ".subject", arguments, locale);
    String body = texts.getMessage(template + ".body", arguments, locale);
    notifier.deliver(new Notification(to.id(), to.email(), to.phone(), template, subject, body));
  }

  /** Who gets a message and how: ids for the log, addresses for delivery. */
  public record Recipient(UUID id, String email, String phone, String language) {}
}
