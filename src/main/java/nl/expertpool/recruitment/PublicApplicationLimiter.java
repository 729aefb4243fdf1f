package nl.expertpool.recruitment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * How often anyone may apply without signing in: per client address (a reception location's shared
 * connection still lets a group sign up) and per project (a flood from many addresses stops too).
 * Staff recording applications on the applicants' behalf are not limited.
 */
@Component
public class PublicApplicationLimiter {

  private final Limits limits;
  private final Cache<String, Bucket> addresses;
  private final Cache<UUID, Bucket> projects;

  PublicApplicationLimiter(Limits limits) {
    this.limits = limits;
    this.addresses =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window()).build();
    this.projects =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(limits.window()).build();
  }

  /**
   * @param perAddress applications one client address may send within the window
   * @param perProject applications one project takes from the public within the window
   * @param window the time in which an empty bucket fills again
   */
  @ConfigurationProperties("expertpool.applications.rate-limit")
  record Limits(int perAddress, int perProject, Duration window) {
    Limits {
      perAddress = perAddress <= 0 ? 10 : perAddress;
      perProject = perProject <= 0 ? 100 : perProject;
      window = window == null ? Duration.ofHours(1) : window;
    }
  }

  /** Takes one application; how long to wait when the address or the project had enough. */
  public Optional<Duration> take(String address, UUID projectId) {
    Bucket byAddress =
        addresses.get(address == null ? "" : address, a -> bucket(limits.perAddress()));
    Bucket byProject = projects.get(projectId, p -> bucket(limits.perProject()));
    var forAddress = byAddress.tryConsumeAndReturnRemaining(1);
    if (!forAddress.isConsumed()) {
      return Optional.of(Duration.ofNanos(forAddress.getNanosToWaitForRefill()));
    }
    var forProject = byProject.tryConsumeAndReturnRemaining(1);
    if (!forProject.isConsumed()) {
      byAddress.addTokens(1);
      return Optional.of(Duration.ofNanos(forProject.getNanosToWaitForRefill()));
    }
    return Optional.empty();
  }

  private Bucket bucket(int capacity) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, limits.window()))
        .build();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Limits.class)
  static class LimitsConfiguration {}
}
