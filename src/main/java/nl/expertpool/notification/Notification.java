package nl.expertpool.notification;

import java.util.UUID;

/**
 * A rendered message to one person. {@code recipientId} is what logs may show; the addresses are
 * for delivery only.
 */
public record Notification(
    UUID recipientId, String email, String phone, String template, String subject, String body) {}
