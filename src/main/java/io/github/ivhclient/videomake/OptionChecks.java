package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the option builders. */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * The longest duration any option takes: 36,500 days (about 100 years). Timers count in
   * nanoseconds, whose {@code long} ends at about 292 years; a longer duration is refused where it
   * is given, not found overflowing later.
   */
  static final Duration MAX_DURATION = Duration.ofDays(36_500);

  static Duration requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return requireAtMostMax(d, name);
  }

  static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return requireAtMostMax(d, name);
  }

  private static Duration requireAtMostMax(Duration d, String name) {
    if (d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(name + " is too long: " + d + " (at most " + MAX_DURATION.toDays() + " days)");
    }
    return d;
  }

  static int requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
    }
    return value;
  }

  static double requireMultiplier(double multiplier) {
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number of at least 1: " + multiplier);
    }
    return multiplier;
  }

  static double requireJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
    }
    return jitter;
  }
}
