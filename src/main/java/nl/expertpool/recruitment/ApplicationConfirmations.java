package nl.expertpool.recruitment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links that confirm an application: a random secret of 256 bits each, of which only the
 * SHA-256 is kept, one per application, used once, valid for {@link #VALID}.
 */
@Component
class ApplicationConfirmations {

  static final Duration VALID = Duration.ofDays(7);
  static final String PATH = "/apply/confirm/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String publicUrl;

  ApplicationConfirmations(
      JdbcTemplate jdbc, Clock clock, @Value("${expertpool.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The link that confirms the application, in the applicant's language. */
  String issue(UUID applicationId, String language) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    jdbc.update(
        "insert into application_confirmation (token_hash, application_id, created_at, expires_at)"
            + " values (?, ?, ?, ?)",
        hash(token),
        applicationId,
        Timestamp.from(now),
        Timestamp.from(now.plus(VALID)));
    return publicUrl + PATH + token + "?lang=" + language;
  }

  /** The application a link confirms while it works; empty for an unknown, used or old link. */
  Optional<UUID> applicationOf(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select application_id from application_confirmation where token_hash = ?"
                + " and used_at is null and expires_at > ?",
            (rs, row) -> rs.getObject(1, UUID.class),
            hash(token),
            Timestamp.from(clock.instant()))
        .stream()
        .findFirst();
  }

  /** Spends the link; false when it was spent meanwhile. */
  boolean spend(String token) {
    return jdbc.update(
            "update application_confirmation set used_at = ? where token_hash = ? and used_at is null",
            Timestamp.from(clock.instant()),
            hash(token))
        == 1;
  }

  /** Forgets the links of an application whose personal data goes. */
  void forget(UUID applicationId) {
    jdbc.update("delete from application_confirmation where application_id = ?", applicationId);
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
