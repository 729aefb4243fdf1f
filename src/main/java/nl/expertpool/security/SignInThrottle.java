package nl.expertpool.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Every wrong password (HTTP Basic or the sign-in form) takes a token
 * from the bucket of its address and one from the bucket of the account it named; an empty bucket
 * refuses the next sign-in of that address or account before any password is checked (so that a
 * guesser gets no answer and costs no bcrypt), until the bucket refills over the window. A right
 * password takes nothing. Throttling, not locking: a refused user can sign in again once the window
 * has refilled a token.
 */
@Component
public class SignInThrottle {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final Limits limits;
  private final Cache<String, Bucket> addresses;
  private final Cache<String, Bucket> accounts;

  SignInThrottle(Limits limits) {
    this.limits = limits;
    this.addresses = buckets(limits.window());
    this.accounts = buckets(limits.window());
  }

  /**
   * How many wrong passwords an address and an account may send within the window.
   *
   * @param failuresPerAccount wrong passwords for one user name, from anywhere
   * @param failuresPerAddress wrong passwords from one client address, for any user names
   * @param window the time in which an empty bucket fills again
   */
  @ConfigurationProperties("expertpool.security.sign-in")
  public record Limits(int failuresPerAccount, int failuresPerAddress, Duration window) {
    public Limits {
      failuresPerAccount = failuresPerAccount <= 0 ? 5 : failuresPerAccount;
      failuresPerAddress = failuresPerAddress <= 0 ? 20 : failuresPerAddress;
      window = window == null ? Duration.ofMinutes(15) : window;
    }
  }

  /** How long a sign-in from this address for this user name must wait; empty when it may go. */
  public Optional<Duration> refusal(String address, String username) {
    Duration wait = Duration.ZERO;
    for (Bucket bucket :
        new Bucket[] {addresses.getIfPresent(key(address)), accounts.getIfPresent(key(username))}) {
      if (bucket != null && bucket.getAvailableTokens() < 1) {
        Duration refill =
            Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        wait = refill.compareTo(wait) > 0 ? refill : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** A wrong password from this address for this user name. */
  public void failed(String address, String username) {
    boolean addressEmpty =
        !addresses.get(key(address), k -> bucket(limits.failuresPerAddress())).tryConsume(1);
    boolean accountEmpty =
        !accounts.get(key(username), k -> bucket(limits.failuresPerAccount())).tryConsume(1);
    if (addressEmpty || accountEmpty) {
      // Logged without the user name or address: both can be personal data.
      log.warn(
          "Sign-ins refused for a while: too many wrong passwords {}",
          addressEmpty ? "from one address" : "for one account");
    }
  }

  @EventListener
  void on(AuthenticationFailureBadCredentialsEvent failure) {
    String address =
        failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    failed(address, failure.getAuthentication().getName());
  }

  private Bucket bucket(int capacity) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, limits.window()))
        .build();
  }

  private static String key(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  private static Cache<String, Bucket> buckets(Duration window) {
    // A bucket left alone for a window is full again: forgetting it changes nothing.
    return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
  }
}
