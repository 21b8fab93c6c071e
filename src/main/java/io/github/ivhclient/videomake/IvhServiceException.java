package io.github.ivhclient.videomake;

/** The gateway answered, but with a non-zero {@code Header.Code}: a business error. */
public final class IvhServiceException extends IvhException {
  private final int code;
  private final String serviceMessage;
  private final String sessionId;

  public IvhServiceException(
      String operation, int code, String serviceMessage, String requestId, String sessionId, int attempts) {
    super(operation, requestId, attempts, "gateway error Header.Code=" + code
        + (serviceMessage == null || serviceMessage.isEmpty() ? "" : ": " + serviceMessage), null);
    this.code = code;
    this.serviceMessage = serviceMessage;
    this.sessionId = sessionId;
  }

  /** {@code Header.Code}, never 0. */
  public int code() {
    return code;
  }

  /** {@code Header.Message} as the gateway sent it (may be empty). */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** {@code Header.SessionID}, or {@code null}. */
  public String sessionId() {
    return sessionId;
  }
}
