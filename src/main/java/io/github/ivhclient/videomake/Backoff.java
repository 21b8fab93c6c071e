package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Growing pauses with jitter: the pause after {@code step} earlier ones is
 * {@code initialDelay * multiplier^step}, at most {@code maxDelay}, then spread by a random factor
 * in {@code [1 - jitter, 1 + jitter]}, so that many callers started together do not act in
 * lockstep. Immutable. The same value paces the retries of a {@link RetryPolicy} and the polls of
 * a {@link WaitOptions wait}, as AWS SDK v2's {@code BackoffStrategy} serves both its retries and
 * its waiters.
 *
 * <pre>{@code
 * Backoff gentle = Backoff.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(20)).build();
 * RetryPolicy policy = RetryPolicy.builder().backoff(gentle).build();
 * }</pre>
 */
public final class Backoff {
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;

  private Backoff(Builder b, String initialName, String maxName) {
    if (b.maxDelay.compareTo(b.initialDelay) < 0) {
      throw new IllegalArgumentException(
          maxName + " " + b.maxDelay + " is shorter than " + initialName + " " + b.initialDelay);
    }
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
  }

  /** Starts at 500 ms, doubling up to 10 s, ±20 % jitter (the pauses of {@link RetryPolicy#defaults()}). */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The first pause. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Growth factor from one pause to the next, at least 1. */
  public double multiplier() {
    return multiplier;
  }

  /** The longest pause, before jitter. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The fraction (0..1) by which each pause is randomly lengthened or shortened. */
  public double jitter() {
    return jitter;
  }

  /**
   * The pause after {@code step} earlier pauses (0 for the first), jitter applied: a new random
   * value on each call unless {@link #jitter()} is 0.
   */
  public Duration delay(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must not be negative: " + step);
    }
    double base = initialDelay.toNanos() * Math.pow(multiplier, step);
    double capped = Math.min(base, maxDelay.toNanos());
    double spread = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofNanos(Math.max(0L, (long) (capped * spread)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Backoff b && initialDelay.equals(b.initialDelay) && multiplier == b.multiplier
        && maxDelay.equals(b.maxDelay) && jitter == b.jitter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, multiplier, maxDelay, jitter);
  }

  @Override
  public String toString() {
    return "Backoff{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
        + ", jitter=" + jitter + "}";
  }

  public static final class Builder {
    private Duration initialDelay = Duration.ofMillis(500);
    private double multiplier = 2.0;
    private Duration maxDelay = Duration.ofSeconds(10);
    private double jitter = 0.2;

    private Builder() {}

    private Builder(Backoff b) {
      this.initialDelay = b.initialDelay;
      this.multiplier = b.multiplier;
      this.maxDelay = b.maxDelay;
      this.jitter = b.jitter;
    }

    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = OptionChecks.requireNonNegative(initialDelay, "initialDelay");
      return this;
    }

    /** At least 1. */
    public Builder multiplier(double multiplier) {
      this.multiplier = OptionChecks.requireMultiplier(multiplier);
      return this;
    }

    /** At least {@link #initialDelay}. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = OptionChecks.requireNonNegative(maxDelay, "maxDelay");
      return this;
    }

    /** 0 (exact pauses) to 1 (anything from 0 to twice the pause). */
    public Builder jitter(double jitter) {
      this.jitter = OptionChecks.requireJitter(jitter);
      return this;
    }

    public Backoff build() {
      return build("initialDelay", "maxDelay");
    }

    /** Builds for an option that names the two durations its own way (RetryPolicy's initialBackoff). */
    Backoff build(String initialName, String maxName) {
      return new Backoff(this, initialName, maxName);
    }
  }
}
