package nl.expertpool.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in the links the app sends (set a password, confirm an application): 256 random bits,
 * URL-safe; only their SHA-256 is stored, so that a copy of the database opens no link.
 */
public final class LinkSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkSecret() {}

  /** A new secret for a link. */
  public static String newToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** What is stored of a secret: its SHA-256, in hex. */
  public static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
