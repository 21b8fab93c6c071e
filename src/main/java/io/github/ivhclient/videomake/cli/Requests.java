package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.PayloadValidator;
import java.util.ArrayList;
import java.util.List;

/** The facade's judgement of a request, without a client: type errors from the file, then the contract's rules. */
final class Requests {
  private static final PayloadValidator VALIDATOR = new PayloadValidator();

  private Requests() {}

  static ValidationReport check(RequestFile request) {
    List<ValidationIssue> issues = new ArrayList<>(request.typeErrors());
    if (request.payload() != null) {
      issues.addAll(VALIDATOR.validate(request.payload()).all());
    }
    return new ValidationReport(issues);
  }

  /** @throws IvhValidationException when the request would be refused; nothing is sent then */
  static void requireValid(RequestFile request) {
    ValidationReport report = check(request);
    if (!report.isValid()) {
      throw new IvhValidationException("videoMakeNoTrain", report);
    }
  }
}
