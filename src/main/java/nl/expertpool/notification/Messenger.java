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
public class Messenger {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Messenger.class);

  private final Notifier notifier;
  private final MessageSource texts;
  private final java.util.Optional<TextMessageGateway> textMessages;

  Messenger(
      Notifier notifier,
      @Qualifier("notificationTexts") MessageSource texts,
      java.util.Optional<TextMessageGateway> textMessages) {
    this.notifier = notifier;
    this.texts = texts;
    this.textMessages = textMessages;
  }

  /** Whether text messages can be sent: an SMS gateway is configured. */
  public boolean canText() {
    return textMessages.isPresent();
  }

  /**
   * Sends the template's {@code .text} to the person's phone. The log says that it went and to whom
   * by id, never the number or the text (which may hold a code).
   *
   * @throws IllegalStateException when no gateway is configured ({@link #canText()})
   */
  public void text(Recipient to, String template, Object... arguments) {
    TextMessageGateway gateway =
        textMessages.orElseThrow(() -> new IllegalStateException("No SMS gateway configured"));
    Locale locale = Locale.forLanguageTag(to.language() == null ? "en" : to.language());
    gateway.send(to.phone(), texts.getMessage(template + ".text", arguments, locale));
    log.info("Text message '{}' to person {}", template, to.id());
  }

  public void send(Recipient to, String template, Object... arguments) {
    deliver(to, template, null, arguments);
  }

  /**
   * A message that asks its reader to open a link; the link is the template's last argument. The
   * log notifier writes the link (it holds nothing personal), so that a demo can follow it.
   */
  public void sendLink(Recipient to, String template, String link, Object... arguments) {
    Object[] withLink = java.util.Arrays.copyOf(arguments, arguments.length + 1);
    withLink[arguments.length] = link;
    deliver(to, template, link, withLink);
  }

  private void deliver(Recipient to, String template, String link, Object... arguments) {
    Locale locale = Locale.forLanguageTag(to.language() == null ? "en" : to.language());
    String subject = texts.getMessage(template + ".subject", arguments, locale);
    String body = texts.getMessage(template + ".body", arguments, locale);
    notifier.deliver(
        new Notification(to.id(), to.email(), to.phone(), template, subject, body, link));
  }

  /** Who gets a message and how: ids for the log, addresses for delivery. */
  public record Recipient(UUID id, String email, String phone, String language) {}
}
