package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a failed call is tried again. Immutable; set one per client with
 * {@link IvhClient.Builder#retryPolicy}, per call with {@link IvhClient#withRetryPolicy}, and for
 * a wait's polls with {@link WaitOptions.Builder#retryPolicy}.
 *
 * <p>What is retried is not configurable, because it follows from what each call does:
 * <ul>
 *   <li>getprogress and describetimbre are read-only: retried after connection failures,
 *       timeouts, HTTP 429, HTTP 5xx and unreadable bodies;</li>
 *   <li>VideoMakeNoTrain is not idempotent (a duplicate is a second, billed task): retried only
 *       when the request provably never reached the server (connection refused, DNS failure,
 *       TLS handshake failure).</li>
 * </ul>
 * A business error (non-zero {@code Header.Code}) and other 4xx answers are never retried.
 *
 * <p>The delay before attempt {@code n+1} is {@code initialBackoff * multiplier^(n-1)}, at most
 * {@code maxBackoff}, spread by {@code ±jitter}; a {@code Retry-After} header (seconds or an
 * HTTP date) replaces it. No retry starts once {@code maxElapsed} would be passed. The four
 * backoff settings are one {@link Backoff} value ({@link #backoff()}), the kind a wait's polls use.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).maxElapsed(Duration.ofMinutes(2)).build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration maxElapsed;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff.build("initialBackoff", "maxBackoff");
    this.maxElapsed = b.maxElapsed;
  }

  /** 3 attempts in total, 500 ms doubling up to 10 s, ±20 % jitter, 1 minute in all. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, never retried. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts in total, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The pauses between attempts (a {@code Retry-After} header replaces one). */
  public Backoff backoff() {
    return backoff;
  }

  public Duration initialBackoff() {
    return backoff.initialDelay();
  }

  public double multiplier() {
    return backoff.multiplier();
  }

  public Duration maxBackoff() {
    return backoff.maxDelay();
  }

  /** The fraction (0..1) by which each delay is randomly lengthened or shortened. */
  public double jitter() {
    return backoff.jitter();
  }

  /** No retry is started if it would begin later than this after the first attempt. */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && backoff.equals(p.backoff)
        && maxElapsed.equals(p.maxElapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff(), multiplier(), maxBackoff(), jitter(), maxElapsed);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff()
        + ", multiplier=" + multiplier() + ", maxBackoff=" + maxBackoff() + ", jitter=" + jitter()
        + ", maxElapsed=" + maxElapsed + "}";
  }

  public static final class Builder {
    private int maxAttempts = 3;
    private Backoff.Builder backoff = Backoff.builder();
    private Duration maxElapsed = Duration.ofMinutes(1);

    private Builder() {}

    private Builder(RetryPolicy p) {
      this.maxAttempts = p.maxAttempts;
      this.backoff = p.backoff.toBuilder();
      this.maxElapsed = p.maxElapsed;
    }

    /** Attempts in total (1 = no retry). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** All four pause settings at once. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff").toBuilder();
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      backoff.initialDelay(OptionChecks.requireNonNegative(initialBackoff, "initialBackoff"));
      return this;
    }

    /** Growth factor of the delay, at least 1. */
    public Builder multiplier(double multiplier) {
      backoff.multiplier(multiplier);
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      backoff.maxDelay(OptionChecks.requireNonNegative(maxBackoff, "maxBackoff"));
      return this;
    }

    /** 0 (exact delays) to 1 (anything from 0 to twice the delay). */
    public Builder jitter(double jitter) {
      backoff.jitter(jitter);
      return this;
    }

    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = OptionChecks.requireNonNegative(maxElapsed, "maxElapsed");
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
