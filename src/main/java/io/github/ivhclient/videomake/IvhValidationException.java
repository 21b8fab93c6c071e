package io.github.ivhclient.videomake;

import java.util.stream.Collectors;

/**
 * The request breaks the contract; nothing was sent. {@link #report()} lists every violation at
 * once, each with its wire path (e.g. {@code Payload.SpeechParam.Speed}), rule and rejected value.
 */
public final class IvhValidationException extends IvhException {
  private final ValidationReport report;

  public IvhValidationException(String operation, ValidationReport report) {
    super(operation, null, 0, describe(report), null);
    this.report = report;
  }

  private static String describe(ValidationReport report) {
    return "invalid request, nothing was sent: " + report.errors().stream()
        .map(ValidationIssue::toString)
        .collect(Collectors.joining("; "));
  }

  public ValidationReport report() {
    return report;
  }
}
