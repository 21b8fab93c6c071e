package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.AttemptEvent;
import io.github.ivhclient.videomake.AttemptListener;
import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.IvhTransportException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.model.ResponseHeader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okio.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Invocation;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call under a {@link RetryPolicy}, blocking or not, unwrapping the
 * envelope with {@link EnvelopeUnwrapper}. Each attempt is a fresh clone of the call, so the signer
 * stamps and signs it anew. Asynchronous retries wait on the shared scheduler, never on a sleeping
 * thread. Each attempt is logged at debug: method, path (never the query: it holds the
 * signature), status, RequestID, duration and attempt number.
 *
 * <p>Asynchronous calls not yet ended are tracked, so {@link #close()} can end every one of them:
 * a call waiting for a retry on a scheduler that is shut down would otherwise never complete.
 */
public final class RetryingCaller {
  /** A successful answer: the payload, its RequestID and how many attempts it took. */
  public record Reply<P>(P payload, String requestId, int attempts) {}

  private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);
  /** The shortest deadline an attempt is given, so a nearly spent call still gets one real try. */
  private static final long MIN_ATTEMPT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final AttemptListener attemptListener;
  private final Set<AsyncCall<?, ?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public RetryingCaller(ScheduledExecutorService scheduler, Clock clock) {
    this(scheduler, clock, AttemptListener.NONE);
  }

  /** {@code attemptListener} hears every attempt, as the debug log line does. */
  public RetryingCaller(ScheduledExecutorService scheduler, Clock clock, AttemptListener attemptListener) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.attemptListener = Objects.requireNonNull(attemptListener, "attemptListener");
  }

  /**
   * Runs the call as {@link #executeAsync} does and waits for it on the calling thread. A failure
   * is thrown as made on a client thread, with a {@link CallerFrame} for the caller's stack. An
   * interrupt ends the call (the exchange in flight and any retry to come) with its last failure,
   * or, before the first answer, with the transport failure an interrupted exchange gives; the
   * thread's interrupt flag is set again.
   */
  public <T, P> Reply<P> execute(Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy) {
    AsyncCall<T, P> async = new AsyncCall<>(op, call, policy, AttemptGate.DIRECT);
    async.start();
    try {
      return async.future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IvhException last = async.lastError;
      async.future.cancel(false);
      if (last == null) {
        last = EnvelopeUnwrapper.failure(op, new InterruptedIOException("interrupted"), Math.max(async.attempt, 1));
      }
      throw last;
    } catch (ExecutionException e) {
      throw CallerFrame.rethrown(e, op.id() + " was called here", op.id() + " failed");
    }
  }

  /**
   * Runs the call without blocking. Each attempt is started through {@code gate} (the poll pacer,
   * or {@link AttemptGate#DIRECT}). Cancelling the returned future cancels the exchange in flight and
   * any retry still to come.
   */
  public <T, P> CompletableFuture<Reply<P>> executeAsync(
      Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy, AttemptGate gate) {
    AsyncCall<T, P> async = new AsyncCall<>(op, call, policy, gate);
    async.start();
    return async.future;
  }

  /** Asynchronous calls not yet ended. */
  public int pending() {
    return live.size();
  }

  /**
   * Ends every asynchronous call not yet ended, and every one started from now on, with a
   * {@link CancellationException} saying the client was closed; their exchanges are cancelled.
   */
  public void close() {
    closed = true;
    for (AsyncCall<?, ?> call : live) {
      call.closed();
    }
  }

  private static CancellationException closedError(Operation<?, ?, ?, ?> op) {
    return new CancellationException("the client was closed before " + op.id() + " completed"
        + op.idempotency().uncertainty());
  }

  private final class AsyncCall<T, P> implements Callback<T>, AttemptGate.Attempt {
    final CompletableFuture<Reply<P>> future = new CompletableFuture<>();
    final Operation<?, T, P, ?> op;
    final RetryPolicy policy;
    final AttemptGate gate;
    /** When the first attempt was sent: time spent waiting at the gate before it does not count. */
    long firstSent;
    int attempt;
    long sent;
    /** Dropped when the call ends, so an abandoned entry still queued in the gate holds no request. */
    volatile Call<T> original;
    volatile Call<T> current;
    volatile Future<?> pendingRetry;
    /** Given to the gate and not yet sent. */
    volatile boolean atGate;
    /** The failure a retry is scheduled after: what an interrupted blocking call throws. */
    volatile IvhException lastError;

    AsyncCall(Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy, AttemptGate gate) {
      this.op = op;
      this.original = call;
      this.policy = policy;
      this.gate = gate;
    }

    void start() {
      live.add(this);
      future.whenComplete((reply, error) -> ended());
      if (closed) {
        closed();
        return;
      }
      submitAttempt();
    }

    void closed() {
      future.completeExceptionally(closedError(op));
    }

    void ended() {
      live.remove(this);
      Future<?> retry = pendingRetry;
      if (retry != null) {
        retry.cancel(false);
      }
      Call<T> inFlight = current;
      if (future.isCancelled() && inFlight != null) {
        inFlight.cancel();
      }
      original = null;
      current = null;
      if (atGate) {
        gate.withdrawn();
      }
    }

    void submitAttempt() {
      atGate = true;
      try {
        gate.start(this);
      } catch (RejectedExecutionException e) {
        atGate = false;
        future.completeExceptionally(e);
      }
    }

    @Override
    public boolean abandoned() {
      return future.isDone();
    }

    @Override
    public void send() {
      atGate = false;
      Call<T> base = original;
      if (base == null || future.isDone()) {
        gate.finished();
        return;
      }
      attempt++;
      if (attempt == 1) {
        firstSent = System.nanoTime();
      }
      Call<T> call = bounded(attempt == 1 ? base : base.clone(), policy, firstSent);
      current = call;
      sent = System.nanoTime();
      call.enqueue(this);
      if (future.isCancelled()) {
        call.cancel();
      }
    }

    @Override
    public void onResponse(Call<T> call, Response<T> response) {
      gate.finished();
      Outcome<P> outcome;
      try {
        outcome = answered(op, call, response, attempt, sent, policy);
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
        return;
      }
      settle(outcome, call);
    }

    @Override
    public void onFailure(Call<T> call, Throwable t) {
      gate.finished();
      if (!(t instanceof IOException io)) {
        future.completeExceptionally(t);
        return;
      }
      settle(failed(op, call, io, attempt, sent, policy, future.isCancelled()), call);
    }

    private void settle(Outcome<P> outcome, Call<T> call) {
      if (outcome.reply != null) {
        future.complete(outcome.reply);
        return;
      }
      long delay = future.isDone() ? -1 : retryDelay(outcome, policy, attempt, firstSent, call);
      if (delay < 0) {
        future.completeExceptionally(outcome.error);
        return;
      }
      lastError = outcome.error;
      try {
        pendingRetry = scheduler.schedule(this::submitAttempt, delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        future.completeExceptionally(outcome.error);
      }
    }
  }

  /** The result of one attempt: a reply, or an error that may be retried after a delay. */
  private record Outcome<P>(Reply<P> reply, IvhException error, boolean retryable, long retryAfterNanos) {
    static <P> Outcome<P> success(Reply<P> reply) {
      return new Outcome<>(reply, null, false, -1);
    }
  }

  private <T, P> Outcome<P> answered(Operation<?, T, P, ?> op, Call<T> call, Response<T> response, int attempt,
      long sent, RetryPolicy policy) {
    boolean readOnly = op.idempotency() == Idempotency.READ_ONLY;
    try {
      P payload = EnvelopeUnwrapper.unwrap(op, response, attempt);
      ResponseHeader header = op.header(response.body());
      String requestId = header.getRequestID();
      logAttempt(call, response.code(), requestId, sent, attempt, policy, "ok");
      return Outcome.success(new Reply<>(payload, requestId, attempt));
    } catch (IvhHttpException e) {
      int status = e.statusCode();
      logAttempt(call, status, e.requestId(), sent, attempt, policy, "http error");
      boolean transientStatus = status == 429 || status >= 500;
      return new Outcome<>(null, e, readOnly && transientStatus, retryAfterNanos(response));
    } catch (IvhMalformedResponseException e) {
      logAttempt(call, response.code(), e.requestId(), sent, attempt, policy, "unreadable body");
      return new Outcome<>(null, e, readOnly, -1);
    } catch (IvhException e) {
      logAttempt(call, response.code(), e.requestId(), sent, attempt, policy, "gateway error");
      return new Outcome<>(null, e, false, -1);
    }
  }

  private <T, P> Outcome<P> failed(Operation<?, T, P, ?> op, Call<T> call, IOException e, int attempt,
      long sent, RetryPolicy policy, boolean abandoned) {
    IvhException error = EnvelopeUnwrapper.failure(op, e, attempt);
    logAttempt(call, -1, error.requestId(), sent, attempt, policy, e.getClass().getSimpleName());
    // Not call.isCanceled(): OkHttp also cancels a call whose callTimeout passed, and that one may be retried.
    if (abandoned) {
      return new Outcome<>(null, error, false, -1);
    }
    boolean retryable = op.idempotency() == Idempotency.READ_ONLY
        || error instanceof IvhTransportException transport && !transport.mayHaveReachedServer();
    return new Outcome<>(null, error, retryable, -1);
  }

  /**
   * Shortens the attempt's deadline (the client's call timeout) to what is left of the whole call's:
   * {@code max(maxElapsed, call timeout)} from the first attempt, so a call that is retried ends
   * within that bound too (give or take the shortest deadline an attempt is given).
   */
  private static <T> Call<T> bounded(Call<T> call, RetryPolicy policy, long start) {
    Timeout timeout;
    try {
      timeout = call.timeout();
    } catch (RuntimeException e) {
      return call; // the request could not be built: execute() reports that
    }
    long perAttempt = timeout.timeoutNanos();
    long budget = Math.max(policy.maxElapsed().toNanos(), perAttempt);
    if (budget == 0) {
      return call;
    }
    long left = Math.max(budget - (System.nanoTime() - start), MIN_ATTEMPT_NANOS);
    if (perAttempt == 0 || left < perAttempt) {
      timeout.timeout(left, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /** Nanoseconds to wait before the next attempt, or -1 to give up with the outcome's error. */
  private long retryDelay(Outcome<?> outcome, RetryPolicy policy, int attempt, long start, Call<?> call) {
    if (!outcome.retryable || attempt >= policy.maxAttempts()) {
      return -1;
    }
    long delay = outcome.retryAfterNanos >= 0
        ? outcome.retryAfterNanos
        : Backoff.delayNanos(policy.initialBackoff(), policy.multiplier(), policy.maxBackoff(), policy.jitter(),
            attempt - 1);
    if (System.nanoTime() + delay - start > policy.maxElapsed().toNanos()) {
      LOG.debug("{} {}: not retrying, the next attempt would start after maxElapsed {}",
          call.request().method(), call.request().url().encodedPath(), policy.maxElapsed());
      return -1;
    }
    LOG.debug("{} {}: retrying in {} ms (attempt {} of {})", call.request().method(),
        call.request().url().encodedPath(), TimeUnit.NANOSECONDS.toMillis(delay), attempt + 1, policy.maxAttempts());
    return delay;
  }

  /** {@code Retry-After} in nanoseconds (delta seconds or an HTTP date), or -1 when absent or unreadable. */
  long retryAfterNanos(Response<?> response) {
    // SingleSend moved it out of sight of OkHttp's own follow-ups.
    String value = response.headers().get(SingleSend.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return -1;
    }
    String text = value.trim();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return TimeUnit.SECONDS.toNanos(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0L, Duration.between(clock.instant(), at).toNanos());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  private void logAttempt(Call<?> call, int status, String requestId, long sent, int attempt,
      RetryPolicy policy, String outcome) {
    long elapsed = System.nanoTime() - sent;
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} {} RequestID={} in {} ms (attempt {} of {})", call.request().method(),
          call.request().url().encodedPath(), status < 0 ? "no response" : Integer.toString(status), outcome,
          requestId, TimeUnit.NANOSECONDS.toMillis(elapsed), attempt, policy.maxAttempts());
    }
    if (attemptListener != AttemptListener.NONE) {
      tellListener(call, status, requestId, elapsed, attempt, policy, outcome);
    }
  }

  private void tellListener(Call<?> call, int status, String requestId, long elapsed, int attempt,
      RetryPolicy policy, String outcome) {
    // The generated Retrofit method is the operation: videoMakeNoTrain, getProgress, describeTimbre.
    Invocation invocation = call.request().tag(Invocation.class);
    String operation = invocation == null ? call.request().url().encodedPath() : invocation.method().getName();
    try {
      attemptListener.onAttempt(new AttemptEvent(operation, call.request().method(),
          call.request().url().encodedPath(), attempt, policy.maxAttempts(),
          status < 0 ? AttemptEvent.NO_RESPONSE : status, outcome, Duration.ofNanos(elapsed), requestId));
    } catch (RuntimeException e) {
      LOG.warn("the attempt listener threw; the call goes on", e);
    }
  }
}
