package nl.expertpool.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
}
