package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.PayloadValidator;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.util.ArrayList;
import java.util.List;

/** The facade's judgement of a request without a client (so without credentials): the contract's rules. */
final class Requests {
  private static final PayloadValidator VALIDATOR = new PayloadValidator();

  private Requests() {}

  /** The reader's findings about the file (if any) plus every validation rule on the request. */
  static ValidationReport check(VideoMakeNoTrainPayload payload, List<ValidationIssue> readerIssues) {
    return check(payload, readerIssues, ValidationMode.ENFORCE);
  }

  /**
   * The same in {@code mode}. The reader's errors (a value of the wrong JSON type, an enum value
   * the client does not know) stay errors in every mode: such a request cannot be sent as written.
   */
  static ValidationReport check(VideoMakeNoTrainPayload payload, List<ValidationIssue> readerIssues,
      ValidationMode mode) {
    List<ValidationIssue> issues = new ArrayList<>(readerIssues);
    issues.addAll(VALIDATOR.validate(payload, mode).all());
    return new ValidationReport(issues);
  }

  /** @throws IvhValidationException when the request would be refused; nothing is sent then */
  static void requireValid(ValidationReport report) {
    if (!report.isValid()) {
      throw new IvhValidationException(Operations.SUBMIT.id(), report);
    }
  }
}
