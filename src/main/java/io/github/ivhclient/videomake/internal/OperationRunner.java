package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.RetryPolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends {@link Operation}s through one set of Retrofit services (a client's, or a view's with its
 * own timeouts and headers) under the shared {@link RetryingCaller}. Blocking and asynchronous
 * calls take the same path: build the body (validation errors are thrown, or fail the future),
 * send it under the retry policy, map the payload to the operation's result.
 */
public final class OperationRunner {
  private final RetryingCaller caller;
  private final Map<Class<?>, Object> services;

  public OperationRunner(RetryingCaller caller, Map<Class<?>, Object> services) {
    this.caller = caller;
    this.services = services;
  }

  /** Blocks the calling thread until the call ends; see {@link RetryingCaller#execute}. */
  public <B, T, P, R> R call(Operation<B, T, P, R> op, B body, RetryPolicy policy) {
    return op.result(body, caller.execute(op, op.call(services.get(op.service()), body), policy));
  }

  /**
   * The call without blocking, each attempt started through {@code gate}; an
   * {@link IvhValidationException} from {@code body} fails the future, and nothing is sent.
   * Cancelling the future cancels the exchange and any retry to come.
   */
  public <B, T, P, R> CompletableFuture<R> callAsync(
      Operation<B, T, P, R> op, Supplier<B> body, RetryPolicy policy, AttemptGate gate) {
    B built;
    try {
      built = body.get();
    } catch (IvhValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<RetryingCaller.Reply<P>> sent =
        caller.executeAsync(op, op.call(services.get(op.service()), built), policy, gate);
    // A plain thenApply would not pass its cancellation on to the exchange.
    CompletableFuture<R> result = sent.thenApply(reply -> op.result(built, reply));
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        sent.cancel(false);
      }
    });
    return result;
  }
}
