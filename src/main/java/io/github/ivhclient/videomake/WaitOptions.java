package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link IvhClient#waitFor} polls: the first poll is sent at once, the next after
 * {@code initialDelay}, each later one {@code multiplier} times later than the one before, at
 * most {@code maxDelay} apart, every delay spread by {@code ±jitter} so that thousands of waits
 * started together do not poll in lockstep. The wait gives up after {@code timeout}. The four
 * pause settings are one {@link Backoff} value ({@link #backoff()}), the kind a retry policy uses.
 *
 * <pre>{@code
 * WaitOptions options = WaitOptions.builder()
 *     .timeout(Duration.ofHours(1))
 *     .listener(s -> System.out.println(s.state() + " " + s.progress() + "%"))
 *     .build();
 * TaskResult result = client.waitFor(taskId, options);
 * }</pre>
 */
public final class WaitOptions {
  /** The longest {@link Builder#timeout} (and any other duration) accepted: 36,500 days. */
  public static final Duration MAX_DURATION = OptionChecks.MAX_DURATION;

  private static final WaitOptions DEFAULTS = builder().build();

  private final Backoff backoff;
  private final Duration timeout;
  private final TaskListener listener;
  private final RetryPolicy retryPolicy;

  private WaitOptions(Builder b) {
    this.backoff = b.backoff.build();
    this.timeout = b.timeout;
    this.listener = b.listener;
    this.retryPolicy = b.retryPolicy;
  }

  /** 2 s growing by 1.5 up to 30 s, ±20 % jitter, 2 hours in all, no listener, the client's retry policy. */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The pauses between polls. */
  public Backoff backoff() {
    return backoff;
  }

  public Duration initialDelay() {
    return backoff.initialDelay();
  }

  public double multiplier() {
    return backoff.multiplier();
  }

  public Duration maxDelay() {
    return backoff.maxDelay();
  }

  public double jitter() {
    return backoff.jitter();
  }

  public Duration timeout() {
    return timeout;
  }

  public TaskListener listener() {
    return listener;
  }

  /** The retry policy of each poll, or {@code null} for the client's. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public String toString() {
    return "WaitOptions{initialDelay=" + initialDelay() + ", multiplier=" + multiplier() + ", maxDelay=" + maxDelay()
        + ", jitter=" + jitter() + ", timeout=" + timeout + ", retryPolicy=" + retryPolicy + "}";
  }

  public static final class Builder {
    private Backoff.Builder backoff = Backoff.builder()
        .initialDelay(Duration.ofSeconds(2)).multiplier(1.5).maxDelay(Duration.ofSeconds(30)).jitter(0.2);
    private Duration timeout = Duration.ofHours(2);
    private TaskListener listener = TaskListener.NONE;
    private RetryPolicy retryPolicy;

    private Builder() {}

    private Builder(WaitOptions o) {
      this.backoff = o.backoff.toBuilder();
      this.timeout = o.timeout;
      this.listener = o.listener;
      this.retryPolicy = o.retryPolicy;
    }

    /** All four pause settings at once; its {@link Backoff#initialDelay()} must be positive. */
    public Builder backoff(Backoff backoff) {
      OptionChecks.requirePositive(Objects.requireNonNull(backoff, "backoff").initialDelay(), "initialDelay");
      this.backoff = backoff.toBuilder();
      return this;
    }

    /** The pause after the first poll. */
    public Builder initialDelay(Duration initialDelay) {
      backoff.initialDelay(OptionChecks.requirePositive(initialDelay, "initialDelay"));
      return this;
    }

    /** Growth factor of the pause between polls, at least 1. */
    public Builder multiplier(double multiplier) {
      backoff.multiplier(multiplier);
      return this;
    }

    /** The longest pause between polls. */
    public Builder maxDelay(Duration maxDelay) {
      backoff.maxDelay(OptionChecks.requirePositive(maxDelay, "maxDelay"));
      return this;
    }

    /** 0 (exact pauses) to 1 (anything from 0 to twice the pause). */
    public Builder jitter(double jitter) {
      backoff.jitter(jitter);
      return this;
    }

    /** How long to wait in all before {@link IvhWaitTimeoutException}; at most {@link #MAX_DURATION}. */
    public Builder timeout(Duration timeout) {
      this.timeout = OptionChecks.requirePositive(timeout, "timeout");
      return this;
    }

    public Builder listener(TaskListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Retries of each poll; a poll that still fails ends the wait with its exception. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public WaitOptions build() {
      return new WaitOptions(this);
    }
  }
}
