package nl.expertpool.notification;

import java.util.UUID;

/**
 * A rendered message to one person. {@code recipientId} is what logs may show; the addresses are
 * for delivery only. {@code link}, when there is one, is the address the message asks its reader to
 * open (to set a password, to confirm an application): it holds a secret but nothing personal.
 */
public record Notification(
    UUID recipientId,
    String email,
    String phone,
    String template,
    String subject,
    String body,
    String link) {

  public Notification(
      UUID recipientId, String email, String phone, String template, String subject, String body) {
    this(recipientId, email, phone, template, subject, body, null);
  }
}
