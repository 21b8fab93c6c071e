package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Redaction;

/**
 * The exchange failed below HTTP: connection, DNS, TLS, reset or timeout.
 *
 * <p>{@link #mayHaveReachedServer()} matters for VideoMakeNoTrain, which is not idempotent: when
 * it is {@code true} the task may or may not exist, so check before submitting again.
 */
public final class IvhTransportException extends IvhException {
  private final boolean mayHaveReachedServer;

  public IvhTransportException(String operation, boolean mayHaveReachedServer, int attempts, Throwable cause) {
    super(operation, null, attempts, describe(operation, mayHaveReachedServer, cause), cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  private static String describe(String operation, boolean reached, Throwable cause) {
    String what = cause.getClass().getSimpleName()
        // OkHttp may quote the signed URL (appkey, signature) in its messages.
        + (cause.getMessage() == null ? "" : " (" + Redaction.maskQuery(cause.getMessage()) + ")");
    if (!reached) {
      return "the request never reached the server: " + what;
    }
    String consequence = IvhClient.SUBMIT.equals(operation)
        ? "; the task may or may not have been created"
        : "";
    return "the request may have reached the server: " + what + consequence;
  }

  /** {@code false} only when the request provably never left this machine (refused, DNS, TLS handshake). */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
