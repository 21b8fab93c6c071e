package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Idempotency;
import io.github.ivhclient.videomake.internal.Redaction;

/**
 * The exchange failed below HTTP: connection, DNS, TLS, reset or timeout.
 *
 * <p>{@link #mayHaveReachedServer()} matters for VideoMakeNoTrain, which is not idempotent: when
 * it is {@code true} the task may or may not exist, so check before submitting again.
 */
public final class IvhTransportException extends IvhException {
  private final boolean mayHaveReachedServer;

  /** A failure of {@code operation}, an OpenAPI operationId; its idempotency is that operation's. */
  public IvhTransportException(String operation, boolean mayHaveReachedServer, int attempts, Throwable cause) {
    this(operation, Idempotency.of(operation), mayHaveReachedServer, attempts, cause);
  }

  // The idempotency type is internal, so this constructor is not public: the public one looks it up.
  private IvhTransportException(String operation, Idempotency idempotency, boolean mayHaveReachedServer, int attempts,
      Throwable cause) {
    super(operation, null, attempts, describe(idempotency, mayHaveReachedServer, cause), cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  private static String describe(Idempotency idempotency, boolean reached, Throwable cause) {
    String what = cause.getClass().getSimpleName()
        // OkHttp may quote the signed URL (appkey, signature) in its messages.
        + (cause.getMessage() == null ? "" : " (" + Redaction.maskQuery(cause.getMessage()) + ")");
    if (!reached) {
      return "the request never reached the server: " + what;
    }
    return "the request may have reached the server: " + what + idempotency.uncertainty();
  }

  /** {@code false} only when the request provably never left this machine (refused, DNS, TLS handshake). */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
