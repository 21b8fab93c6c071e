package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static long delayNanos(Duration initial, double multiplier, Duration max, double jitter, int step) {
    return Backoff.builder().initialDelay(initial).multiplier(multiplier).maxDelay(max).jitter(jitter).build()
        .delay(step).toNanos();
  }

  @Test
  void growsByTheMultiplierUpToTheCeilingWithoutJitter() {
    assertThat(delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 0)).isEqualTo(1_000_000_000L);
    assertThat(delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 2)).isEqualTo(4_000_000_000L);
    assertThat(delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 3)).isEqualTo(5_000_000_000L);
    assertThat(delayNanos(SECOND, 2, Duration.ofSeconds(5), 0, 500)).isEqualTo(5_000_000_000L);
  }

  @Test
  void jitterSpreadsWithinItsBoundsAndActuallyVaries() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1_000; i++) {
      long d = delayNanos(SECOND, 1, SECOND, 0.25, 0);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isGreaterThanOrEqualTo(750_000_000L);
    assertThat(max).isLessThanOrEqualTo(1_250_000_000L);
    assertThat(max - min).isGreaterThan(100_000_000L);
  }

  @Test
  void theLongestDurationAndAHugeStepStayAtTheCeiling() {
    Backoff longest = Backoff.builder().initialDelay(WaitOptions.MAX_DURATION).maxDelay(WaitOptions.MAX_DURATION)
        .jitter(0).build();
    assertThat(longest.delay(Integer.MAX_VALUE)).isEqualTo(WaitOptions.MAX_DURATION);
    assertThatThrownBy(() -> longest.delay(-1)).hasMessageContaining("step");
  }

  @Test
  void refusesNonsenseNamingTheSetting() {
    assertThatThrownBy(() -> Backoff.builder().initialDelay(Duration.ofMillis(-1))).hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> Backoff.builder().maxDelay(null)).hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> Backoff.builder().multiplier(Double.NaN)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Backoff.builder().jitter(1.01)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> Backoff.builder().initialDelay(Duration.ofMinutes(1)).build())
        .hasMessage("maxDelay PT10S is shorter than initialDelay PT1M");
    assertThat(Backoff.builder().initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).build().delay(3))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aValueEqualsItsCopyAndPrintsItsSettings() {
    Backoff b = Backoff.builder().initialDelay(SECOND).multiplier(3).maxDelay(Duration.ofSeconds(9)).jitter(0.1)
        .build();
    assertThat(b.toBuilder().build()).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(b.toBuilder().jitter(0.2).build()).isNotEqualTo(b);
    assertThat(b).hasToString("Backoff{initialDelay=PT1S, multiplier=3.0, maxDelay=PT9S, jitter=0.1}");
  }

  @Test
  void oneValueServesARetryPolicyAndAWait() {
    Backoff b = Backoff.builder().initialDelay(SECOND).multiplier(3).maxDelay(Duration.ofSeconds(9)).jitter(0)
        .build();
    RetryPolicy policy = RetryPolicy.builder().backoff(b).build();
    WaitOptions options = WaitOptions.builder().backoff(b).build();
    assertThat(policy.backoff()).isEqualTo(b);
    assertThat(options.backoff()).isEqualTo(b);
    assertThat(policy.initialBackoff()).isEqualTo(SECOND);
    assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(9));
    assertThat(options.initialDelay()).isEqualTo(SECOND);
    assertThat(options.multiplier()).isEqualTo(3);
    assertThat(policy).isEqualTo(RetryPolicy.builder().initialBackoff(SECOND).multiplier(3)
        .maxBackoff(Duration.ofSeconds(9)).jitter(0).build());
    // The single settings still change the shared value, and keep the names the options always used.
    assertThat(policy.toBuilder().jitter(0.5).build().backoff().jitter()).isEqualTo(0.5);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(b).maxBackoff(Duration.ofMillis(1)).build())
        .hasMessage("maxBackoff PT0.001S is shorter than initialBackoff PT1S");
    // A wait polls again only after a pause: a zero first pause is refused there, not in a retry policy.
    Backoff immediate = b.toBuilder().initialDelay(Duration.ZERO).build();
    assertThat(RetryPolicy.builder().backoff(immediate).build().initialBackoff()).isZero();
    assertThatThrownBy(() -> WaitOptions.builder().backoff(immediate)).hasMessageContaining("initialDelay");
  }

  @Test
  void theDefaultsStayWhatTheyWere() {
    assertThat(RetryPolicy.defaults()).hasToString("RetryPolicy{maxAttempts=3, initialBackoff=PT0.5S, multiplier=2.0,"
        + " maxBackoff=PT10S, jitter=0.2, maxElapsed=PT1M}");
    assertThat(WaitOptions.defaults()).hasToString("WaitOptions{initialDelay=PT2S, multiplier=1.5, maxDelay=PT30S,"
        + " jitter=0.2, timeout=PT2H, retryPolicy=null}");
    assertThat(RetryPolicy.defaults().backoff()).isEqualTo(Backoff.builder().build());
  }
}
