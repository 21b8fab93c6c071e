package io.github.ivhclient.videomake.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential delays with jitter, shared by the retry policy and the waiter's poll schedule. */
public final class Backoff {
  private Backoff() {}

  /**
   * The delay after {@code step} earlier delays: {@code initial * multiplier^step}, capped at
   * {@code max}, then multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}.
   */
  public static long delayNanos(Duration initial, double multiplier, Duration max, double jitter, int step) {
    double base = initial.toNanos() * Math.pow(multiplier, step);
    double capped = Math.min(base, max.toNanos());
    double spread = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Math.max(0L, (long) (capped * spread));
  }
}
