package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.util.ArrayList;
import java.util.List;

/** Checks a VideoMakeNoTrain payload against the contract before anything is sent. Thread-safe. */
public final class PayloadValidator {

  public ValidationReport validate(VideoMakeNoTrainPayload payload) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (payload == null) {
      issues.add(ValidationIssue.error("Payload", "required", "the request is required", null));
    }
    return new ValidationReport(issues);
  }
}
