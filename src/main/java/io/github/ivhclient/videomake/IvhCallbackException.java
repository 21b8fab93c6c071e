package io.github.ivhclient.videomake;

import java.util.Objects;

/**
 * An incoming result callback was refused: its URL does not carry a valid token
 * ({@link CallbackUrls#verify}) or its body is not a result ({@link CallbackParser#parse}).
 * Answer the sender with {@link Reason#httpStatus()}; the gateway never resends a callback, so
 * a refused one means: poll the task's progress instead.
 */
public final class IvhCallbackException extends IvhException {
  /** The operation every callback failure reports. */
  public static final String OPERATION = "videoResultCallback";

  /** Why the callback was refused. */
  public enum Reason {
    /** The URL's token is missing, forged or does not match the URL (a forged callback). */
    INVALID_TOKEN(403),
    /** The body is not JSON, or not a result: no Payload, TaskId or Status, or a wrong type. */
    MALFORMED_BODY(400),
    /** The body is larger than the parser's limit. */
    TOO_LARGE(413);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status to answer the sender with. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  public IvhCallbackException(Reason reason, String detail, Throwable cause) {
    super(OPERATION, null, 0, Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
