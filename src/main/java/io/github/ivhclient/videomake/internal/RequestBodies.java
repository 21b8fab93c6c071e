package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.TimbreFilter;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.model.DescribeTimbrePayload;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.GetProgressPayload;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request envelope of each {@link Operations operation}, built only from a payload that
 * passes the client's checks: else an {@link IvhValidationException} and nothing is sent.
 */
public final class RequestBodies {
  /** The largest page describetimbre serves. */
  public static final int MAX_PAGE_SIZE = 100;

  private RequestBodies() {}

  public static VideoMakeNoTrainRequest submit(
      VideoMakeNoTrainPayload request, PayloadValidator validator, ValidationMode mode) {
    ValidationReport report = validator.validate(request, mode);
    if (!report.isValid()) {
      throw new IvhValidationException(Operations.SUBMIT.id(), report);
    }
    return new VideoMakeNoTrainRequest().header(Map.of()).payload(request);
  }

  public static GetProgressRequest progress(String taskId) {
    if (taskId == null || taskId.isBlank()) {
      throw new IvhValidationException(Operations.GET_PROGRESS.id(), new ValidationReport(List.of(
          ValidationRules.TASK_ID_REQUIRED.issue("Payload.TaskId", "a TaskId is required", taskId))));
    }
    return new GetProgressRequest().header(Map.of()).payload(new GetProgressPayload().taskId(taskId));
  }

  public static DescribeTimbreRequest timbres(int pageIndex, int pageSize, TimbreFilter filter) {
    Objects.requireNonNull(filter, "filter");
    List<ValidationIssue> issues = new ArrayList<>();
    if (pageIndex < 1) {
      issues.add(ValidationRules.PAGE_INDEX_MIN.issue("Payload.PageIndex", "must be at least 1",
          Integer.toString(pageIndex)));
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      issues.add((pageSize < 1 ? ValidationRules.PAGE_SIZE_MIN : ValidationRules.PAGE_SIZE_MAX).issue("Payload.PageSize",
          "must be between 1 and " + MAX_PAGE_SIZE, Integer.toString(pageSize)));
    }
    if (!issues.isEmpty()) {
      throw new IvhValidationException(Operations.DESCRIBE_TIMBRE.id(), new ValidationReport(issues));
    }
    return new DescribeTimbreRequest().header(Map.of()).payload(new DescribeTimbrePayload()
        .pageIndex(pageIndex)
        .pageSize(pageSize)
        .timbreKey(filter.timbreKey())
        .timbreName(filter.timbreName())
        .purchaseType(filter.purchaseType()));
  }
}
