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

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Limits.class)
  static class LimitsConfiguration {}
}
