package io.github.ivhclient.videomake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** What {@link IvhClient#validate} found: errors (the request would be refused) and warnings. */
public final class ValidationReport {
  private final List<ValidationIssue> errors;
  private final List<ValidationIssue> warnings;

  public ValidationReport(List<ValidationIssue> issues) {
    // A loop, not two streams: validate() builds a report on every call.
    List<ValidationIssue> errorList = new ArrayList<>(issues.size());
    List<ValidationIssue> warningList = new ArrayList<>(issues.size());
    for (ValidationIssue issue : issues) {
      (issue.severity() == ValidationIssue.Severity.ERROR ? errorList : warningList).add(issue);
    }
    this.errors = Collections.unmodifiableList(errorList);
    this.warnings = Collections.unmodifiableList(warningList);
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
