package nl.expertpool.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public sign-up's limits, per client address and per project. */
class PublicApplicationLimiterTest {

  private final PublicApplicationLimiter limits =
      new PublicApplicationLimiter(new PublicApplicationLimiter.Limits(2, 3, Duration.ofHours(1)));

  @Test
  void oneAddressMayApplyAFewTimesThenWaits() {
    UUID project = UUID.randomUUID();
    assertThat(limits.take("10.0.0.1", project)).isEmpty();
    assertThat(limits.take("10.0.0.1", project)).isEmpty();

    assertThat(limits.take("10.0.0.1", project))
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
    assertThat(limits.take("10.0.0.1", UUID.randomUUID()))
        .as("also for another project")
        .isPresent();
  }

  @Test
  void aProjectTakesSoManyFromAnyAddressesThenWaits() {
    UUID project = UUID.randomUUID();
    for (int i = 1; i <= 3; i++) {
      assertThat(limits.take("10.0.1." + i, project)).isEmpty();
    }

    assertThat(limits.take("10.0.1.9", project)).isPresent();
    assertThat(limits.take("10.0.1.9", UUID.randomUUID()))
        .as("the address that was refused for the full project kept its own allowance")
        .isEmpty();
  }
}
