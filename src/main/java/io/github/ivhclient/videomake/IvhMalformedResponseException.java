package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Idempotency;
import io.github.ivhclient.videomake.internal.MessageText;

/** A 2xx answer whose body is not the gateway's {@code {"Header":…,"Payload":…}} envelope. */
public final class IvhMalformedResponseException extends IvhException {
  private final String bodyExcerpt;

  /** An answer of {@code operation}, an OpenAPI operationId; its idempotency is that operation's. */
  public IvhMalformedResponseException(
      String operation, String detail, String bodyExcerpt, String requestId, int attempts, Throwable cause) {
    this(operation, Idempotency.of(operation), detail, bodyExcerpt, requestId, attempts, cause);
  }

  // The idempotency type is internal, so this constructor is not public: the public one looks it up.
  private IvhMalformedResponseException(String operation, Idempotency idempotency, String detail, String bodyExcerpt,
      String requestId, int attempts, Throwable cause) {
    super(operation, requestId, attempts, "malformed response: " + MessageText.oneLine(detail, MessageText.MAX_QUOTED)
        + idempotency.uncertainty(), cause);
    this.bodyExcerpt = bodyExcerpt;
  }

  /** At most 1 KB of the body, for diagnosis; empty when it could not be kept. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
