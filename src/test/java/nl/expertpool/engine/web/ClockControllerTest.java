package nl.expertpool.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ClockControllerTest {

  @Test
  void onAClusterTheClockEndpointAnswers404AndLeavesTheEngineAlone() {
    ProcessEngine cluster = mock(ProcessEngine.class);
    when(cluster.clockAdjustable()).thenReturn(false);

    assertThatThrownBy(
            () -> new ClockController(cluster).advance(new ClockController.ClockAdvance("P1D")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    verify(cluster, never()).advanceClock(any());
  }

  @Test
  void aLeapBeyondTenYearsIsRefusedBeforeTheEngineSeesIt() {
    ProcessEngine embedded = mock(ProcessEngine.class);
    when(embedded.clockAdjustable()).thenReturn(true);

    // P999999999999D parses as a Duration, and overflows the engine's clock in milliseconds.
    for (String leap : List.of("P3651D", "P999999999999D", "P106751991167300D")) {
      assertThatThrownBy(
              () -> new ClockController(embedded).advance(new ClockController.ClockAdvance(leap)))
          .isInstanceOfSatisfying(
              ApiException.class,
              e ->
                  assertThat(e.violations()).extracting(v -> v.field()).containsExactly("advance"));
    }
    verify(embedded, never()).advanceClock(any());
  }
}
