package io.github.ivhclient.videomake;

/**
 * The root of every failure this client reports. Unchecked, like Retrofit's and the AWS SDK's.
 *
 * <p>Subclasses say what happened: {@link IvhValidationException} (nothing was sent),
 * {@link IvhServiceException} (the gateway answered with a non-zero {@code Header.Code}),
 * {@link IvhHttpException} (a non-2xx status), {@link IvhTransportException} (I/O or timeout) and
 * {@link IvhMalformedResponseException} (a 2xx body that is not the envelope). Messages name the
 * operation and the gateway's RequestID when there is one, and never contain a secret.
 */
public class IvhException extends RuntimeException {
  private final String operation;
  private final String requestId;
  private final int attempts;

  protected IvhException(String operation, String requestId, int attempts, String detail, Throwable cause) {
    super(compose(operation, requestId, attempts, detail), cause);
    this.operation = operation;
    this.requestId = requestId;
    this.attempts = attempts;
  }

  private static String compose(String operation, String requestId, int attempts, String detail) {
    StringBuilder message = new StringBuilder(operation).append(": ").append(detail);
    if (requestId != null && !requestId.isEmpty()) {
      message.append(" (RequestID ").append(requestId).append(')');
    }
    if (attempts > 1) {
      message.append(" after ").append(attempts).append(" attempts");
    }
    return message.toString();
  }

  /** The operation that failed, by its OpenAPI operationId, e.g. {@code videoMakeNoTrain}. */
  public String operation() {
    return operation;
  }

  /** The gateway's RequestID, or {@code null} when no response carried one. */
  public String requestId() {
    return requestId;
  }

  /** How many attempts were sent (0 when nothing was sent). */
  public int attempts() {
    return attempts;
  }
}
