package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void growsByTheMultiplierUpToTheCeilingWithoutJitter() {
    assertThat(Backoff.delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 0)).isEqualTo(1_000_000_000L);
    assertThat(Backoff.delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 2)).isEqualTo(4_000_000_000L);
    assertThat(Backoff.delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 3)).isEqualTo(5_000_000_000L);
    assertThat(Backoff.delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 500)).isEqualTo(5_000_000_000L);
  }

  @Test
  void jitterSpreadsWithinItsBoundsAndActuallyVaries() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1_000; i++) {
      long d = Backoff.delayNanos(SECOND, 1, SECOND, 0.25, 0);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isGreaterThanOrEqualTo(750_000_000L);
    assertThat(max).isLessThanOrEqualTo(1_250_000_000L);
    assertThat(max - min).isGreaterThan(100_000_000L);
  }
}
