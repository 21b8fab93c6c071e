package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.AttemptListener;
import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.internal.RetryDecider.Decision;
import io.github.ivhclient.videomake.model.ResponseHeader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
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
import java.util.concurrent.TimeoutException;
import okio.Timeout;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call under a {@link RetryPolicy}, blocking or not, unwrapping the
 * envelope with {@link EnvelopeUnwrapper}: the loop that sends, waits and sends again. Whether and
 * when to retry is the {@link RetryDecider}'s call; each attempt is told to the log and the
 * listener by the {@link AttemptReporter}. Each attempt is a fresh clone of the call, so the signer
 * stamps and signs it anew. An asynchronous call's retries wait on the shared scheduler, never on
 * a sleeping thread; a blocking call runs the same steps on the caller's thread, which sends the
 * attempts and waits out the delays itself.
 *
 * <p>Calls not yet ended are tracked, so {@link #close()} can end every one of them: an
 * asynchronous call waiting for a retry on a scheduler that is shut down would otherwise never
 * complete.
 */
public final class RetryingCaller {
  /** A successful answer: the payload, its RequestID and how many attempts it took. */
  public record Reply<P>(P payload, String requestId, int attempts) {}

  private final ScheduledExecutorService scheduler;
  private final RetryDecider decider;
  private final AttemptReporter reporter;
  private final Set<AsyncCall<?, ?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** {@code attemptListener} hears every attempt, as the debug log line does. */
  public RetryingCaller(ScheduledExecutorService scheduler, Clock clock, AttemptListener attemptListener) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.decider = new RetryDecider(clock);
    this.reporter = new AttemptReporter(Objects.requireNonNull(attemptListener, "attemptListener"));
  }

  /**
   * Runs the call as {@link #executeAsync} does, with the calling thread as its executor: it sends
   * each attempt and waits out the retry delays itself, so no other thread is woken on the way, and
   * {@link #close()} ends it as it ends the others. A failure is thrown with a {@link CallerFrame}.
   * An interrupt ends the call (the exchange in flight, cancelled by {@link InterruptibleExchange},
   * and any retry to come) with its last failure, or, before the first answer, with the transport
   * failure an interrupted exchange gives; the thread's interrupt flag is set again.
   */
  public <T, P> Reply<P> execute(Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy) {
    AsyncCall<T, P> here = new AsyncCall<>(op, call, policy, AttemptGate.DIRECT, true);
    try {
      here.start();
      while (!here.future.isDone()) {
        if (here.interrupted || Thread.interrupted()) {
          throw new InterruptedException();
        }
        try {
          return here.future.get(here.inlineDelay, TimeUnit.NANOSECONDS); // close() ends the wait early
        } catch (TimeoutException due) {
          here.submitAttempt();
        }
      }
      return here.future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IvhException last = here.lastError;
      here.future.cancel(false);
      if (last == null) {
        last = EnvelopeUnwrapper.failure(op, new InterruptedIOException("interrupted"), Math.max(here.attempt, 1));
      }
      throw last;
    } catch (ExecutionException e) {
      throw CallerFrame.rethrown(e, op.id() + " was called here", op.id() + " failed");
    } catch (CancellationException e) {
      // close(): since JDK 23 get() throws a new CancellationException("get"), the client's its cause.
      CancellationException closed = new CancellationException(
          (e.getCause() instanceof CancellationException cause ? cause : e).getMessage());
      closed.initCause(e);
      throw closed;
    }
  }

  /**
   * Runs the call without blocking. Each attempt is started through {@code gate} (the poll pacer,
   * or {@link AttemptGate#DIRECT}). Cancelling the returned future cancels the exchange in flight and
   * any retry still to come.
   */
  public <T, P> CompletableFuture<Reply<P>> executeAsync(
      Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy, AttemptGate gate) {
    AsyncCall<T, P> async = new AsyncCall<>(op, call, policy, gate, false);
    async.start();
    return async.future;
  }

  /** Calls not yet ended, blocking or not. */
  public int pending() {
    return live.size();
  }

  /**
   * Ends every call not yet ended, and every one started from now on, with a
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
    /** Exchanges run on the calling thread, which waits out the retry delays itself. */
    final boolean inline;
    /** With {@link #inline}: an interrupt cancelled the exchange; the caller ends the call. */
    boolean interrupted;
    /** With {@link #inline}: the delay before the retry that is due. */
    long inlineDelay;

    AsyncCall(Operation<?, T, P, ?> op, Call<T> call, RetryPolicy policy, AttemptGate gate, boolean inline) {
      this.inline = inline;
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
      if (inline) {
        exchangeHere(call);
        return;
      }
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
      settle(failed(op, call, io, attempt, sent, policy), call);
    }

    private void exchangeHere(Call<T> call) {
      Response<T> response;
      try {
        response = InterruptibleExchange.execute(call);
      } catch (ClosedByInterruptException e) {
        interrupted = true;
        gate.finished();
        failed(op, call, e, attempt, sent, policy); // told as an attempt; not settled: execute() ends the call
        return;
      } catch (IOException | RuntimeException e) {
        onFailure(call, e);
        return;
      }
      onResponse(call, response);
    }

    private void settle(Outcome<P> outcome, Call<T> call) {
      if (outcome.reply != null) {
        future.complete(outcome.reply);
        return;
      }
      // A cancelled call is not retried; not call.isCanceled(): OkHttp also cancels a call whose
      // callTimeout passed, and that one may be retried.
      long delay = future.isDone() ? -1 : retryDelay(outcome, op.idempotency(), policy, attempt, firstSent, call);
      if (delay < 0) {
        future.completeExceptionally(outcome.error);
        return;
      }
      lastError = outcome.error;
      if (inline) {
        inlineDelay = delay;
        return;
      }
      try {
        pendingRetry = scheduler.schedule(this::submitAttempt, delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        future.completeExceptionally(outcome.error);
      }
    }
  }

  /** The result of one attempt: a reply, or an error with the answer's {@code Retry-After} if any. */
  private record Outcome<P>(Reply<P> reply, IvhException error, String retryAfter) {}

  private <T, P> Outcome<P> answered(Operation<?, T, P, ?> op, Call<T> call, Response<T> response, int attempt,
      long sent, RetryPolicy policy) {
    try {
      P payload = EnvelopeUnwrapper.unwrap(op, response, attempt);
      ResponseHeader header = op.header(response.body());
      String requestId = header.getRequestID();
      reporter.attempt(call, response.code(), requestId, sent, attempt, policy, "ok");
      return new Outcome<>(new Reply<>(payload, requestId, attempt), null, null);
    } catch (IvhException e) {
      reporter.refused(call, response.code(), e, sent, attempt, policy);
      // SingleSend moved Retry-After out of sight of OkHttp's own follow-ups.
      return new Outcome<>(null, e, response.headers().get(SingleSend.RETRY_AFTER));
    }
  }

  private <T, P> Outcome<P> failed(Operation<?, T, P, ?> op, Call<T> call, IOException e, int attempt, long sent,
      RetryPolicy policy) {
    IvhException error = EnvelopeUnwrapper.failure(op, e, attempt);
    reporter.attempt(call, -1, error.requestId(), sent, attempt, policy, e.getClass().getSimpleName());
    return new Outcome<>(null, error, null);
  }

  /**
   * Gives the attempt no more time than the whole call has left: the (pure) decider says how long
   * ({@link RetryDecider#attemptTimeoutNanos}), the loop applies it to the call.
   */
  private static <T> Call<T> bounded(Call<T> call, RetryPolicy policy, long start) {
    Timeout timeout;
    try {
      timeout = call.timeout();
    } catch (RuntimeException e) {
      return call; // the request could not be built: execute() reports that
    }
    long shorter = RetryDecider.attemptTimeoutNanos(policy, timeout.timeoutNanos(), System.nanoTime() - start);
    if (shorter >= 0) {
      timeout.timeout(shorter, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /** Nanoseconds to wait before the next attempt, or -1 to give up with the outcome's error. */
  private long retryDelay(Outcome<?> outcome, Idempotency idempotency, RetryPolicy policy, int attempt, long start,
      Call<?> call) {
    Decision decision = decider.decide(outcome.error, idempotency, outcome.retryAfter, policy, attempt,
        System.nanoTime() - start);
    reporter.decided(call, decision, attempt, policy);
    return decision.retry() ? decision.delayNanos() : -1;
  }
}
