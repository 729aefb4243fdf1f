package nl.expertpool.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a step of the start that waits for the cluster or the database tries again: after
 * {@code first}, then twice as long each time, up to {@code max}.
 */
@ConfigurationProperties("expertpool.startup.retry")
public record StartupRetry(Duration first, Duration max) {}
