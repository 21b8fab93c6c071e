package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.MessageText;

/** A 2xx answer whose body is not the gateway's {@code {"Header":…,"Payload":…}} envelope. */
public final class IvhMalformedResponseException extends IvhException {
  private final String bodyExcerpt;

  public IvhMalformedResponseException(
      String operation, String detail, String bodyExcerpt, String requestId, int attempts, Throwable cause) {
    super(operation, requestId, attempts, "malformed response: " + MessageText.oneLine(detail, MessageText.MAX_QUOTED)
        + (IvhClient.SUBMIT.equals(operation) ? "; the task may or may not have been created" : ""), cause);
    this.bodyExcerpt = bodyExcerpt;
  }

  /** At most 1 KB of the body, for diagnosis; empty when it could not be kept. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
