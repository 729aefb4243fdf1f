package nl.expertpool.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * How often one client address may open or answer the pages behind a personal link that need no
 * account (an invitation of a standing pool, and the like). Their secrets cannot be guessed; the
 * limit keeps anyone from hammering them all the same.
 */
@Component
public class LinkPageLimiter {

  private final Limits limits;
  private final Cache<String, Bucket> addresses;

  LinkPageLimiter(Limits limits) {
    this.limits = limits;
    this.addresses =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window()).build();
  }

  /**
   * @param perAddress requests one client address may send within the window
   * @param window the time in which an empty bucket fills again
   */
  @ConfigurationProperties("expertpool.link-pages.rate-limit")
  record Limits(int perAddress, Duration window) {
    Limits {
      perAddress = perAddress <= 0 ? 60 : perAddress;
      window = window == null ? Duration.ofMinutes(10) : window;
    }
  }

  /** Takes one request; how long to wait when the address had enough. */
  public Optional<Duration> take(String address) {
    Bucket bucket =
        addresses.get(
            address == null ? "" : address,
            a ->
                Bucket.builder()
                    .addLimit(
                        limit ->
                            limit
                                .capacity(limits.perAddress())
                                .refillGreedy(limits.perAddress(), limits.window()))
                    .build());
    var probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * Takes one request of the client's address; when it had enough, answers 429 with {@code
   * Retry-After} and says so, and the page shows why instead.
   */
  public boolean refused(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    var wait = take(request.getRemoteAddr());
    if (wait.isEmpty()) {
      return false;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
    return true;
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Limits.class)
  static class LimitsConfiguration {}
}
