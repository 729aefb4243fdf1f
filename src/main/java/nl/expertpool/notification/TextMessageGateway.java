package nl.expertpool.notification;

/**
 * Sends a short text message to a phone number: through the SMS gateway the operator configured
 * ({@link WebhookTextMessageGateway}). Without one there is no bean of this type, and nothing that
 * needs a text message is promised.
 */
public interface TextMessageGateway {

  /** Sends the text; fails (an exception) when the gateway does not take it. */
  void send(String phone, String text);
}
