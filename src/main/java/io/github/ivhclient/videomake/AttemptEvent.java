package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP attempt of a call, as an {@link AttemptListener} sees it. It never holds a secret: no
 * query (the signature is in it), no body.
 */
public final class AttemptEvent {
  /** {@link #statusCode()} of an attempt that got no HTTP answer (I/O error, timeout, cancellation). */
  public static final int NO_RESPONSE = -1;

  private final String operation;
  private final String method;
  private final String path;
  private final int attempt;
  private final int maxAttempts;
  private final int statusCode;
  private final String outcome;
  private final Duration duration;
  private final String requestId;

  /**
   * Made by the client; public so that tests of a listener can make events too.
   *
   * @param requestId the gateway's RequestID, or null when the answer had none
   */
  public AttemptEvent(String operation, String method, String path, int attempt, int maxAttempts, int statusCode,
      String outcome, Duration duration, String requestId) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
    this.statusCode = statusCode;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.duration = Objects.requireNonNull(duration, "duration");
    this.requestId = requestId;
  }

  /** The operation, as exceptions name it: {@code videoMakeNoTrain}, {@code getProgress} or {@code describeTimbre}. */
  public String operation() {
    return operation;
  }

  /** The HTTP method, {@code POST}. */
  public String method() {
    return method;
  }

  /** The URL path without the query (which holds the signature). */
  public String path() {
    return path;
  }

  /** This attempt's number, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The retry policy's ceiling on attempts for this call. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * {@code ok} for a successful answer; else {@code http error}, {@code gateway error} (a non-zero
   * {@code Header.Code}), {@code unreadable body}, or the simple name of the I/O exception.
   */
  public String outcome() {
    return outcome;
  }

  /** Whether the attempt got a successful answer. */
  public boolean succeeded() {
    return outcome.equals("ok");
  }

  /** From sending the request to the end of reading the answer (or the failure). */
  public Duration duration() {
    return duration;
  }

  /** The gateway's RequestID, when its answer had one (a successful answer always does). */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "AttemptEvent{" + operation + " " + method + " " + path + " attempt " + attempt + "/" + maxAttempts
        + " -> " + (statusCode == NO_RESPONSE ? "no response" : Integer.toString(statusCode)) + " " + outcome
        + " in " + duration.toMillis() + " ms, RequestID=" + requestId + "}";
  }
}
