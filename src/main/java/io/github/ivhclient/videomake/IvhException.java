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
    this(operation, requestId, attempts, detail, attempts > 1 ? "after " + attempts + " attempts" : "", cause);
  }

  /**
   * For a count that is not one call's attempts (a wait's progress queries): {@code tally}, e.g.
   * {@code "after 12 progress queries"}, ends the message instead of "after N attempts".
   */
  protected IvhException(String operation, String requestId, int attempts, String detail, String tally,
      Throwable cause) {
    super(compose(operation, requestId, detail, tally), cause);
    this.operation = operation;
    this.requestId = requestId;
    this.attempts = attempts;
  }

  private static String compose(String operation, String requestId, String detail, String tally) {
    StringBuilder message = new StringBuilder(operation).append(": ").append(detail);
    if (requestId != null && !requestId.isEmpty()) {
      message.append(" (RequestID ").append(requestId).append(')');
    }
    if (!tally.isEmpty()) {
      message.append(' ').append(tally);
    }
    return message.toString();
  }

  /** {@code "after 1 progress query"}, {@code "after 12 progress queries"}; empty for none. */
  static String afterPolls(int polls) {
    return polls == 0 ? "" : "after " + polls + (polls == 1 ? " progress query" : " progress queries");
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
