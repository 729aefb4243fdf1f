package nl.expertpool.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check, remembering a sign-in it found right for a few minutes. An API client signs
 * in with every request (HTTP Basic), and one bcrypt check costs tens of milliseconds of CPU:
 * without this, a client dashboard polling its milestones would spend most of the server's time on
 * bcrypt.
 *
 * <p>What is remembered is an HMAC, under a random key that lives only in this process, of the
 * stored hash and the password given: never the password. A changed password has a new stored hash
 * and so is checked afresh; the user (enabled or not, their role) is still read from the database
 * for every request. Wrong passwords are never remembered, so guessing still pays bcrypt each time.
 * The same approach as Elasticsearch's realm cache of user credentials.
 */
final class PasswordVerifier implements PasswordEncoder {

  static final Duration REMEMBERED = Duration.ofMinutes(10);
  private static final String MAC = "HmacSHA256";

  private final PasswordEncoder delegate;
  private final SecretKeySpec key;
  private final Cache<String, Boolean> verified;

  PasswordVerifier(PasswordEncoder delegate) {
    this.delegate = delegate;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, MAC);
    this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED).build();
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String sign = signature(rawPassword, encodedPassword);
    if (verified.getIfPresent(sign) != null) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      verified.put(sign, Boolean.TRUE);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private String signature(CharSequence rawPassword, String encodedPassword) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
