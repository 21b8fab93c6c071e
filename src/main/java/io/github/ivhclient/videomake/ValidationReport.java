package io.github.ivhclient.videomake;

import java.util.List;
import java.util.stream.Stream;

/** What {@link IvhClient#validate} found: errors (the request would be refused) and warnings. */
public final class ValidationReport {
  private final List<ValidationIssue> errors;
  private final List<ValidationIssue> warnings;

  public ValidationReport(List<ValidationIssue> issues) {
    this.errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
    this.warnings = issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList();
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<ValidationIssue> errors() {
    return errors;
  }

  public List<ValidationIssue> warnings() {
    return warnings;
  }

  /** Errors first, then warnings. */
  public List<ValidationIssue> all() {
    return Stream.concat(errors.stream(), warnings.stream()).toList();
  }

  @Override
  public String toString() {
    return "ValidationReport{errors=" + errors + ", warnings=" + warnings + "}";
  }
}
