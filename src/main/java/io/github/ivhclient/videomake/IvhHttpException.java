package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Idempotency;
import io.github.ivhclient.videomake.internal.MessageText;

/**
 * The gateway (or something in front of it) answered with a non-2xx HTTP status. The message is
 * one line: {@code HTTP 429, Header.Code=40001: <Message>} when the body is the gateway's envelope,
 * else {@code HTTP 502: <the body, whitespace collapsed, at most 200 characters>}; the body itself
 * is in {@link #bodyExcerpt()}.
 */
public final class IvhHttpException extends IvhException {
  /** The most of a body this exception keeps. */
  public static final int MAX_BODY_EXCERPT = 1024;

  private final int statusCode;
  private final String bodyExcerpt;

  /** An answer of {@code operation}, an OpenAPI operationId; its idempotency is that operation's. */
  public IvhHttpException(String operation, int statusCode, String bodyExcerpt, String requestId, int attempts) {
    this(operation, Idempotency.of(operation), statusCode, bodyExcerpt, requestId, attempts);
  }

  // The idempotency type is internal, so this constructor is not public: the public one looks it up.
  private IvhHttpException(String operation, Idempotency idempotency, int statusCode, String bodyExcerpt,
      String requestId, int attempts) {
    super(operation, requestId, attempts, MessageText.httpError(statusCode, bodyExcerpt)
        // A 5xx may come after the gateway created the task, e.g. from a proxy that timed out.
        + (statusCode >= 500 && idempotency == Idempotency.NOT_IDEMPOTENT
            ? idempotency.uncertainty() + " (not retried: a submit is not idempotent)" : ""),
        null);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * A 3xx answer. Redirects are never followed (one could carry a submit, its signature and its
   * callback token to another host, or turn it into a GET): the message names where it pointed.
   *
   * @param locationHost the host (and port, when not the scheme's default) of {@code Location},
   *     or {@code null} when the answer had none or it was unreadable
   */
  public static IvhHttpException redirect(String operation, int statusCode, String locationHost, String requestId,
      int attempts) {
    return new IvhHttpException(operation, statusCode, "", requestId, attempts, "HTTP " + statusCode + ": redirect "
        + (locationHost == null ? "without a readable Location" : "to " + MessageText.oneLine(locationHost, 100))
        + " not followed (the client never follows redirects)");
  }

  private IvhHttpException(String operation, int statusCode, String bodyExcerpt, String requestId, int attempts,
      String detail) {
    super(operation, requestId, attempts, detail, null);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  public int statusCode() {
    return statusCode;
  }

  /** At most {@link #MAX_BODY_EXCERPT} characters of the body; empty when there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
