package io.github.ivhclient.videomake;

import java.util.Objects;

/**
 * One finding of {@link IvhClient#validate}: where (the wire path, e.g.
 * {@code Payload.VideoParam.DisableIntervals[1]}), which rule, and the rejected value as text.
 */
public final class ValidationIssue {
  /**
   * An error stops the request (under {@link ValidationMode#ENFORCE}); a warning names a parameter
   * the service will ignore, or says what the gateway may do where the API document is unclear.
   */
  public enum Severity { ERROR, WARNING }

  private final Severity severity;
  private final String path;
  private final String rule;
  private final String message;
  private final String rejectedValue;

  private ValidationIssue(Severity severity, String path, String rule, String message, String rejectedValue) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.path = Objects.requireNonNull(path, "path");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.message = Objects.requireNonNull(message, "message");
    this.rejectedValue = rejectedValue;
  }

  public static ValidationIssue error(String path, String rule, String message, String rejectedValue) {
    return new ValidationIssue(Severity.ERROR, path, rule, message, rejectedValue);
  }

  public static ValidationIssue warning(String path, String rule, String message, String rejectedValue) {
    return new ValidationIssue(Severity.WARNING, path, rule, message, rejectedValue);
  }

  public Severity severity() {
    return severity;
  }

  /** The wire path, rooted at {@code Payload}. */
  public String path() {
    return path;
  }

  /** A short, stable name of the rule, e.g. {@code maximum}, {@code requiredWhenText}. */
  public String rule() {
    return rule;
  }

  /** A sentence for people. */
  public String message() {
    return message;
  }

  /** The rejected value as text (secrets masked), or {@code null} when the value was absent. */
  public String rejectedValue() {
    return rejectedValue;
  }

  @Override
  public String toString() {
    return path + ": " + message + " [" + rule + "]"
        + (rejectedValue == null ? "" : " (rejected value: " + rejectedValue + ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationIssue other
        && severity == other.severity
        && path.equals(other.path)
        && rule.equals(other.rule)
        && message.equals(other.message)
        && Objects.equals(rejectedValue, other.rejectedValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, path, rule, message, rejectedValue);
  }
}
