package nl.expertpool.recruitment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.expertpool.security.LinkSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What confirms an application: a link with a random secret of 256 bits sent to its e-mail address,
 * or a code of six digits sent by text message to its phone number. Only a SHA-256 of either is
 * kept, one per application; a link works once for {@link #VALID}, a code for {@link #CODE_VALID}
 * and {@link #CODE_ATTEMPTS} tries.
 */
@Component
class ApplicationConfirmer {

  static final Duration VALID = Duration.ofDays(7);
  static final String PATH = "/apply/confirm/";
  static final Duration CODE_VALID = Duration.ofHours(24);
  static final int CODE_ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String publicUrl;

  ApplicationConfirmer(
      JdbcTemplate jdbc, Clock clock, @Value("${expertpool.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The link that confirms the application, in the applicant's language. */
  String issue(UUID applicationId, String language) {
    String token = LinkSecret.newToken();
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

  /** A new code for the application, of six digits: what the text message says. */
  String issueCode(UUID applicationId) {
    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
    Instant now = clock.instant();
    jdbc.update(
        "insert into application_confirmation (token_hash, application_id, created_at, expires_at,"
            + " kind) values (?, ?, ?, ?, 'CODE')",
        hash(applicationId + ":" + code),
        applicationId,
        Timestamp.from(now),
        Timestamp.from(now.plus(CODE_VALID)));
    return code;
  }

  /** What a code someone typed does. */
  enum CodeCheck {
    MATCHES,
    WRONG,
    /** No code works for this application any more: used, expired or tried too often. */
    SPENT
  }

  /** Checks a code typed for an application, spending it when it matches. */
  CodeCheck checkCode(UUID applicationId, String code) {
    var stored =
        jdbc.query(
            "select token_hash, attempts from application_confirmation where application_id = ?"
                + " and kind = 'CODE' and used_at is null and expires_at > ? for update",
            (rs, row) -> new Object[] {rs.getString(1), rs.getInt(2)},
            applicationId,
            Timestamp.from(clock.instant()));
    if (stored.isEmpty() || (int) stored.getFirst()[1] >= CODE_ATTEMPTS) {
      return CodeCheck.SPENT;
    }
    String expected = (String) stored.getFirst()[0];
    boolean matches =
        code != null
            && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                hash(applicationId + ":" + code.strip()).getBytes(StandardCharsets.UTF_8));
    if (matches) {
      jdbc.update(
          "update application_confirmation set used_at = ? where token_hash = ?",
          Timestamp.from(clock.instant()),
          expected);
      return CodeCheck.MATCHES;
    }
    jdbc.update(
        "update application_confirmation set attempts = attempts + 1 where token_hash = ?",
        expected);
    return CodeCheck.WRONG;
  }

  /** The application a link confirms while it works; empty for an unknown, used or old link. */
  Optional<UUID> applicationOf(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select application_id from application_confirmation where token_hash = ?"
                + " and kind = 'LINK' and used_at is null and expires_at > ?",
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
    return LinkSecret.hash(text);
  }
}
