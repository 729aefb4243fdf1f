package nl.expertpool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pages behind a personal link: so many requests per client address, then a wait. */
class LinkPageLimiterTest {

  private final LinkPageLimiter limits =
      new LinkPageLimiter(new LinkPageLimiter.Limits(3, Duration.ofMinutes(10)));

  @Test
  void oneAddressOpensSoManyLinksThenWaitsAndAnotherAddressDoesNot() {
    for (int i = 0; i < 3; i++) {
      assertThat(limits.take("10.0.0.1")).isEmpty();
    }

    assertThat(limits.take("10.0.0.1"))
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
    assertThat(limits.take("10.0.0.2")).isEmpty();
  }

  @Test
  void aRefusedRequestIsAnswered429WithWhenToTryAgain() {
    var request = new org.springframework.mock.web.MockHttpServletRequest();
    request.setRemoteAddr("10.0.0.3");
    for (int i = 0; i < 3; i++) {
      assertThat(
              limits.refused(request, new org.springframework.mock.web.MockHttpServletResponse()))
          .isFalse();
    }
    var response = new org.springframework.mock.web.MockHttpServletResponse();

    assertThat(limits.refused(request, response)).isTrue();
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(response.getHeader("Retry-After")))
        .isPositive()
        .isLessThanOrEqualTo(601);
  }

  @Test
  void unsetLimitsFallBackToTheDefaults() {
    var defaults = new LinkPageLimiter.Limits(0, null);

    assertThat(defaults.perAddress()).isEqualTo(60);
    assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(10));
  }
}
