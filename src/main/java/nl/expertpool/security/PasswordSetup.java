package nl.expertpool.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.expertpool.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a person sets their own password, so that nobody else ever knows it: a
 * new expert account gets one instead of a password its project manager chooses. A link holds a
 * random secret of 256 bits; only its SHA-256 is stored. It works once and for {@link #VALID}.
 */
@Service
public class PasswordSetup {

  static final Duration VALID = Duration.ofDays(7);
  static final String PATH = "/account/set-password/";

  private final JdbcTemplate jdbc;
  private final UserDirectory users;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;
  private final String publicUrl;

  PasswordSetup(
      JdbcTemplate jdbc,
      UserDirectory users,
      PasswordPolicy policy,
      AuditTrail audit,
      Clock clock,
      @Value("${expertpool.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.users = users;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /**
   * A link with which the user sets their password; earlier unused links of theirs stop working.
   */
  @Transactional
  public Issued issue(String username, String actor) {
    String token = LinkSecret.newToken();
    revoke(username);
    Instant now = clock.instant();
    jdbc.update(
        "insert into password_link (token_hash, username, created_at, created_by, expires_at)"
            + " values (?, ?, ?, ?, ?)",
        LinkSecret.hash(token),
        username,
        Timestamp.from(now),
        actor,
        Timestamp.from(now.plus(VALID)));
    return new Issued(publicUrl + PATH + token, now.plus(VALID));
  }

  /** Ends the user's links that still work, e.g. when their account is deactivated. */
  @Transactional
  public void revoke(String username) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "update password_link set expires_at = ? where username = ? and used_at is null"
            + " and expires_at > ?",
        now,
        username,
        now);
  }

  /** A link to hand over, and until when it works. */
  public record Issued(String url, Instant expiresAt) {}

  /** The user a link is for while it works; empty for an unknown, used or expired link. */
  @Transactional(readOnly = true)
  public Optional<String> userOf(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select l.username from password_link l join app_user u on u.username = l.username"
                + " where l.token_hash = ? and l.used_at is null and l.expires_at > ? and u.enabled",
            (rs, row) -> rs.getString(1),
            LinkSecret.hash(token),
            Timestamp.from(clock.instant()))
        .stream()
        .findFirst();
  }

  /**
   * Sets the password the link's owner chose and spends the link.
   *
   * @return why the password is refused, or empty when it is set
   * @throws IllegalArgumentException when the link does not work (any more)
   */
  @Transactional
  public Optional<PasswordPolicy.Refusal> setPassword(String token, String password) {
    String username =
        userOf(token).orElseThrow(() -> new IllegalArgumentException("The link does not work"));
    var refusal = policy.check(password, username);
    if (refusal.isPresent()) {
      return refusal;
    }
    int spent =
        jdbc.update(
            "update password_link set used_at = ? where token_hash = ? and used_at is null",
            Timestamp.from(clock.instant()),
            LinkSecret.hash(token));
    if (spent != 1) {
      throw new IllegalArgumentException("The link was used meanwhile");
    }
    users.setPassword(username, password);
    audit.record(username, "account.password-set", "user:" + username, "through a one-time link");
    return Optional.empty();
  }
}
