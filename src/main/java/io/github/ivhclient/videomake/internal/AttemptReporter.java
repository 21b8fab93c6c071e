package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.AttemptEvent;
import io.github.ivhclient.videomake.AttemptListener;
import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.internal.RetryDecider.Decision;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * Tells each attempt of a {@link RetryingCaller} call, and each retry decision, to the debug log
 * and to the client's {@link AttemptListener}: method, path (never the query: it holds the
 * signature), status, RequestID, duration and attempt number.
 */
final class AttemptReporter {
  /** The retrying caller's name, which logging configurations already select. */
  private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

  private final AttemptListener listener;

  AttemptReporter(AttemptListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** One attempt ended: {@code status} is -1 when no response came; {@code sent} is its {@code nanoTime}. */
  void attempt(Call<?> call, int status, String requestId, long sent, int attempt, RetryPolicy policy,
      String outcome) {
    long elapsed = System.nanoTime() - sent;
    Request request = call.request();
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} {} RequestID={} in {} ms (attempt {} of {})", request.method(),
          request.url().encodedPath(), status < 0 ? "no response" : Integer.toString(status), outcome,
          requestId, TimeUnit.NANOSECONDS.toMillis(elapsed), attempt, policy.maxAttempts());
    }
    if (listener != AttemptListener.NONE) {
      tellListener(request, status, requestId, elapsed, attempt, policy, outcome);
    }
  }

  /** An attempt answered with an error: an HTTP error, an unreadable body or a gateway (business) error. */
  void refused(Call<?> call, int responseCode, IvhException error, long sent, int attempt, RetryPolicy policy) {
    String kind = error instanceof IvhHttpException ? "http error"
        : error instanceof IvhMalformedResponseException ? "unreadable body" : "gateway error";
    int status = error instanceof IvhHttpException http ? http.statusCode() : responseCode;
    attempt(call, status, error.requestId(), sent, attempt, policy, kind);
  }

  /** What was decided after a failed attempt, when it is more than "this cannot be retried". */
  void decided(Call<?> call, Decision decision, int attempt, RetryPolicy policy) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    Request request = call.request();
    switch (decision.verdict()) {
      case RETRY -> LOG.debug("{} {}: retrying in {} ms (attempt {} of {})", request.method(),
          request.url().encodedPath(), TimeUnit.NANOSECONDS.toMillis(decision.delayNanos()), attempt + 1,
          policy.maxAttempts());
      case PAST_MAX_ELAPSED -> LOG.debug("{} {}: not retrying, the next attempt would start after maxElapsed {}",
          request.method(), request.url().encodedPath(), policy.maxElapsed());
      default -> { } // not retryable, or attempts spent: the attempt's own line says enough
    }
  }

  private void tellListener(Request request, int status, String requestId, long elapsed, int attempt,
      RetryPolicy policy, String outcome) {
    // The generated Retrofit method is the operation: videoMakeNoTrain, getProgress, describeTimbre.
    Invocation invocation = request.tag(Invocation.class);
    String operation = invocation == null ? request.url().encodedPath() : invocation.method().getName();
    try {
      listener.onAttempt(new AttemptEvent(operation, request.method(), request.url().encodedPath(), attempt,
          policy.maxAttempts(), status < 0 ? AttemptEvent.NO_RESPONSE : status, outcome, Duration.ofNanos(elapsed),
          requestId));
    } catch (RuntimeException e) {
      LOG.warn("the attempt listener threw; the call goes on", e);
    }
  }
}
