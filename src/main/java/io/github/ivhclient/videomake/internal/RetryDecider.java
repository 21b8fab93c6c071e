package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.IvhTransportException;
import io.github.ivhclient.videomake.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Decides, after a failed attempt, whether to try again and after how long. Pure: no I/O, no
 * sleeping, no logging; the time comes from a clock (for {@code Retry-After} dates) and from the
 * caller (time spent so far). {@link RetryingCaller} runs the attempts and waits as told.
 */
public final class RetryDecider {
  /** The shortest deadline an attempt is given, so a nearly spent call still gets one real try. */
  static final long MIN_ATTEMPT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /** Retry-After seconds beyond this many digits exceed a {@code long} of nanoseconds anyway. */
  private static final int MAX_SECONDS_DIGITS = 18;

  /** What to do after a failed attempt. */
  public enum Verdict {
    /** Try again after {@link Decision#delayNanos()}. */
    RETRY,
    /** Repeating could do harm or cannot help: a business error, a 4xx, a submit that may have been sent. */
    NOT_RETRYABLE,
    /** The policy's maxAttempts were all used. */
    ATTEMPTS_SPENT,
    /** The next attempt would start after the policy's maxElapsed. */
    PAST_MAX_ELAPSED
  }

  /** A verdict and, for {@link Verdict#RETRY} and {@link Verdict#PAST_MAX_ELAPSED}, the pause it needs. */
  public record Decision(Verdict verdict, long delayNanos) {
    static final Decision NOT_RETRYABLE = new Decision(Verdict.NOT_RETRYABLE, -1);
    static final Decision ATTEMPTS_SPENT = new Decision(Verdict.ATTEMPTS_SPENT, -1);

    public boolean retry() {
      return verdict == Verdict.RETRY;
    }
  }

  private final Clock clock;

  public RetryDecider(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The decision after attempt number {@code attempt} failed with {@code error}.
   *
   * @param retryAfter the answer's {@code Retry-After} value, or {@code null}; it counts only for
   *     an HTTP error answer
   * @param elapsedNanos time since the first attempt was sent
   */
  public Decision decide(IvhException error, Idempotency idempotency, String retryAfter, RetryPolicy policy,
      int attempt, long elapsedNanos) {
    if (!retryable(error, idempotency)) {
      return Decision.NOT_RETRYABLE;
    }
    if (attempt >= policy.maxAttempts()) {
      return Decision.ATTEMPTS_SPENT;
    }
    long asked = error instanceof IvhHttpException ? retryAfterNanos(retryAfter) : -1;
    long delay = asked >= 0 ? asked : policy.backoff().delay(attempt - 1).toNanos();
    // Compared as a difference: a Retry-After of Long.MAX_VALUE nanoseconds must not overflow into a retry.
    if (delay > policy.maxElapsed().toNanos() - elapsedNanos) {
      return new Decision(Verdict.PAST_MAX_ELAPSED, delay);
    }
    return new Decision(Verdict.RETRY, delay);
  }

  /**
   * The deadline of the next attempt when it must be shorter than its own ({@code perAttemptNanos},
   * the client's call timeout, 0 for none), or -1 to keep its own. The whole call gets
   * {@code max(maxElapsed, call timeout)} from its first attempt, so a call that is retried ends
   * within that bound too, give or take the {@linkplain #MIN_ATTEMPT_NANOS shortest deadline} an attempt is given.
   */
  public static long attemptTimeoutNanos(RetryPolicy policy, long perAttemptNanos, long elapsedNanos) {
    long budget = Math.max(policy.maxElapsed().toNanos(), perAttemptNanos);
    if (budget == 0) {
      return -1;
    }
    long left = Math.max(budget - elapsedNanos, MIN_ATTEMPT_NANOS);
    return perAttemptNanos == 0 || left < perAttemptNanos ? left : -1;
  }

  /**
   * Whether a failure may be repeated at all. A read-only call: after transport failures, HTTP 429
   * and 5xx, and unreadable bodies. A submit: only when the request provably never left.
   */
  public static boolean retryable(IvhException error, Idempotency idempotency) {
    boolean readOnly = idempotency == Idempotency.READ_ONLY;
    if (error instanceof IvhHttpException http) {
      return readOnly && (http.statusCode() == 429 || http.statusCode() >= 500);
    }
    if (error instanceof IvhMalformedResponseException) {
      return readOnly;
    }
    if (error instanceof IvhTransportException transport) {
      return readOnly || !transport.mayHaveReachedServer();
    }
    return false;
  }

  /**
   * {@code Retry-After} in nanoseconds: delta seconds (an absurdly long one saturates, so it is past
   * any maxElapsed) or an HTTP date (one already past is 0); -1 when absent or unreadable.
   */
  public long retryAfterNanos(String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String text = value.trim();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return text.length() > MAX_SECONDS_DIGITS ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(Long.parseLong(text));
    }
    Instant at;
    try {
      at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return -1;
    }
    Duration wait = Duration.between(clock.instant(), at);
    if (wait.isNegative()) {
      return 0;
    }
    try {
      return wait.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE; // centuries away
    }
  }
}
