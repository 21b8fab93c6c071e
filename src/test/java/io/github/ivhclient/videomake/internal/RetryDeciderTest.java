package io.github.ivhclient.videomake.internal;

import static io.github.ivhclient.videomake.internal.Idempotency.NOT_IDEMPOTENT;
import static io.github.ivhclient.videomake.internal.Idempotency.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.IvhServiceException;
import io.github.ivhclient.videomake.IvhTransportException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.internal.RetryDecider.Decision;
import io.github.ivhclient.videomake.internal.RetryDecider.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The retry decision alone: no server, no sleeping, a fixed clock. */
class RetryDeciderTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final RetryDecider DECIDER = new RetryDecider(Clock.fixed(NOW, ZoneOffset.UTC));
  /** 1 s, 2 s, 4 s… exactly, 5 attempts, 10 s in all. */
  private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1))
      .multiplier(2).maxBackoff(Duration.ofSeconds(8)).jitter(0).maxElapsed(Duration.ofSeconds(10)).build();
  private static final long SECOND = 1_000_000_000L;

  private static IvhHttpException http(int status) {
    return new IvhHttpException("op", status, "", "req-1", 1);
  }

  private static IvhTransportException transport(boolean mayHaveReachedServer) {
    IOException cause = mayHaveReachedServer ? new IOException("reset") : new ConnectException("refused");
    return new IvhTransportException("op", mayHaveReachedServer, 1, cause);
  }

  private static IvhMalformedResponseException malformed() {
    return new IvhMalformedResponseException("op", "no Header.Code in the body", "", null, 1, null);
  }

  private static IvhServiceException business() {
    return new IvhServiceException("op", 4001, "bad TimbreKey", "req-1", "s-1", 1);
  }

  private static Decision first(IvhException error, Idempotency idempotency) {
    return DECIDER.decide(error, idempotency, null, POLICY, 1, 0);
  }

  @Test
  void aReadOnlyCallRetriesTransientFailuresOnly() {
    assertThat(RetryDecider.retryable(http(429), READ_ONLY)).isTrue();
    assertThat(RetryDecider.retryable(http(500), READ_ONLY)).isTrue();
    assertThat(RetryDecider.retryable(http(503), READ_ONLY)).isTrue();
    assertThat(RetryDecider.retryable(malformed(), READ_ONLY)).isTrue();
    assertThat(RetryDecider.retryable(transport(true), READ_ONLY)).isTrue();
    assertThat(RetryDecider.retryable(transport(false), READ_ONLY)).isTrue();

    assertThat(RetryDecider.retryable(http(400), READ_ONLY)).isFalse();
    assertThat(RetryDecider.retryable(http(404), READ_ONLY)).isFalse();
    assertThat(RetryDecider.retryable(http(499), READ_ONLY)).isFalse();
    assertThat(RetryDecider.retryable(IvhHttpException.redirect("op", 302, "127.0.0.2", null, 1), READ_ONLY))
        .isFalse();
    assertThat(RetryDecider.retryable(business(), READ_ONLY)).isFalse();
  }

  @Test
  void aSubmitIsRetriedOnlyWhenItProvablyNeverLeft() {
    assertThat(RetryDecider.retryable(transport(false), NOT_IDEMPOTENT)).isTrue();

    assertThat(RetryDecider.retryable(transport(true), NOT_IDEMPOTENT)).isFalse();
    assertThat(RetryDecider.retryable(http(429), NOT_IDEMPOTENT)).isFalse();
    assertThat(RetryDecider.retryable(http(503), NOT_IDEMPOTENT)).isFalse();
    assertThat(RetryDecider.retryable(malformed(), NOT_IDEMPOTENT)).isFalse();
    assertThat(RetryDecider.retryable(business(), NOT_IDEMPOTENT)).isFalse();
  }

  @Test
  void theBackoffGrowsWithEachAttemptUntilTheAttemptsAreSpent() {
    assertThat(first(http(503), READ_ONLY)).isEqualTo(new Decision(Verdict.RETRY, SECOND));
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, POLICY, 2, 0).delayNanos()).isEqualTo(2 * SECOND);
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, POLICY, 3, 0).delayNanos()).isEqualTo(4 * SECOND);
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, POLICY, 4, 0).delayNanos()).isEqualTo(8 * SECOND);
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, POLICY, 5, 0).verdict()).isEqualTo(Verdict.ATTEMPTS_SPENT);
    assertThat(first(http(503), NOT_IDEMPOTENT)).isEqualTo(new Decision(Verdict.NOT_RETRYABLE, -1));
    assertThat(first(transport(false), NOT_IDEMPOTENT).retry()).isTrue();
  }

  @Test
  void noRetryStartsPastMaxElapsed() {
    // 9 s spent, 1 s to wait: the retry starts exactly at maxElapsed, still allowed.
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, POLICY, 1, 9 * SECOND).retry()).isTrue();
    Decision late = DECIDER.decide(http(503), READ_ONLY, null, POLICY, 1, 9 * SECOND + 1);
    assertThat(late.verdict()).isEqualTo(Verdict.PAST_MAX_ELAPSED);
    assertThat(late.retry()).isFalse();
    assertThat(DECIDER.decide(http(503), READ_ONLY, "11", POLICY, 1, 0).verdict())
        .isEqualTo(Verdict.PAST_MAX_ELAPSED);
    RetryPolicy noTime = POLICY.toBuilder().maxElapsed(Duration.ZERO).build();
    assertThat(DECIDER.decide(http(503), READ_ONLY, null, noTime, 1, 0).verdict()).isEqualTo(Verdict.PAST_MAX_ELAPSED);
  }

  @Test
  void retryAfterReplacesTheBackoffForAnHttpErrorOnly() {
    assertThat(DECIDER.decide(http(429), READ_ONLY, "3", POLICY, 1, 0)).isEqualTo(new Decision(Verdict.RETRY, 3 * SECOND));
    assertThat(DECIDER.decide(http(429), READ_ONLY, "0", POLICY, 1, 0)).isEqualTo(new Decision(Verdict.RETRY, 0));
    // A transport failure has no answer, so a stray value is not read.
    assertThat(DECIDER.decide(transport(true), READ_ONLY, "3", POLICY, 1, 0).delayNanos()).isEqualTo(SECOND);
    // Retry-After never makes a submit's 429 retryable.
    assertThat(DECIDER.decide(http(429), NOT_IDEMPOTENT, "0", POLICY, 1, 0).verdict())
        .isEqualTo(Verdict.NOT_RETRYABLE);
    // Unreadable: the policy's own backoff.
    assertThat(DECIDER.decide(http(503), READ_ONLY, "soon", POLICY, 1, 0).delayNanos()).isEqualTo(SECOND);
  }

  @Test
  void retryAfterReadsDeltaSecondsAndHttpDates() {
    assertThat(DECIDER.retryAfterNanos("120")).isEqualTo(120 * SECOND);
    assertThat(DECIDER.retryAfterNanos(" 7 ")).isEqualTo(7 * SECOND);
    assertThat(DECIDER.retryAfterNanos("0")).isZero();
    assertThat(DECIDER.retryAfterNanos("Sun, 29 Nov 2026 12:00:30 GMT")).isEqualTo(30 * SECOND);
    assertThat(DECIDER.retryAfterNanos("Sun, 29 Nov 2026 11:00:00 GMT")).as("a date already past").isZero();
  }

  @Test
  void retryAfterGarbageIsIgnored() {
    assertThat(DECIDER.retryAfterNanos(null)).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("   ")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("-5")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("1.5")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("+5")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("5s")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("tomorrow")).isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("2026-11-29T12:00:30Z")).as("ISO, not an HTTP date").isEqualTo(-1);
    assertThat(DECIDER.retryAfterNanos("٣")).as("a digit, not an ASCII one").isEqualTo(-1);
  }

  @Test
  void aHugeRetryAfterMeansGivingUpNotOverflowingIntoARetry() {
    assertThat(DECIDER.retryAfterNanos("9223372036")).isEqualTo(9_223_372_036L * SECOND);
    assertThat(DECIDER.retryAfterNanos("9999999999")).isEqualTo(Long.MAX_VALUE);
    assertThat(DECIDER.retryAfterNanos("99999999999999999999999")).isEqualTo(Long.MAX_VALUE);
    assertThat(DECIDER.retryAfterNanos("Fri, 31 Dec 9999 23:59:59 GMT")).isEqualTo(Long.MAX_VALUE);
    RetryPolicy longest = POLICY.toBuilder().maxElapsed(Duration.ofDays(36_500)).build();
    for (String huge : new String[] {"9999999999", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
      assertThat(DECIDER.decide(http(503), READ_ONLY, huge, longest, 1, SECOND).verdict()).as(huge)
          .isEqualTo(Verdict.PAST_MAX_ELAPSED);
    }
  }

  @Test
  void anAttemptGetsNoMoreTimeThanTheWholeCallHasLeft() {
    long tenSeconds = 10 * SECOND;
    // The first attempt, a 30 s call timeout above a 10 s maxElapsed: its own deadline stands.
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 30 * SECOND, 0)).isEqualTo(-1);
    // 25 s later only 5 s of the 30 s remain.
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 30 * SECOND, 25 * SECOND)).isEqualTo(5 * SECOND);
    // No call timeout: maxElapsed bounds the call.
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 0, 4 * SECOND)).isEqualTo(6 * SECOND);
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 2 * SECOND, 4 * SECOND)).isEqualTo(-1);
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 2 * SECOND, 9 * SECOND)).isEqualTo(SECOND);
    // Spent: still one short real try.
    assertThat(RetryDecider.attemptTimeoutNanos(POLICY, 0, tenSeconds + SECOND))
        .isEqualTo(RetryDecider.MIN_ATTEMPT_NANOS);
    // Neither a call timeout nor maxElapsed: nothing to bound.
    RetryPolicy unbounded = POLICY.toBuilder().maxElapsed(Duration.ZERO).build();
    assertThat(RetryDecider.attemptTimeoutNanos(unbounded, 0, 4 * SECOND)).isEqualTo(-1);
  }
}
