package io.github.ivhclient.videomake.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.MessageText;
import io.github.ivhclient.videomake.internal.Operation;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.internal.PayloadReader;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.internal.RequestBodies;
import io.github.ivhclient.videomake.model.DescribeTimbrePayload;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.ResponseHeader;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.TimbrePage;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the sandbox answers to each {@link Operations operation}: the request body read and
 * checked as the gateway would, the answer's JSON, or a {@link Refusal}. An operation of
 * {@link Operations#ALL} must have an entry in {@link #ANSWERS}.
 */
final class SandboxCalls {
  private static final Moshi MOSHI = JsonSupport.moshi();
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);
  private static final JsonAdapter<VideoMakeNoTrainResponse> SUBMIT_RESPONSE = MOSHI.adapter(VideoMakeNoTrainResponse.class);
  private static final JsonAdapter<GetProgressRequest> PROGRESS_REQUEST = MOSHI.adapter(GetProgressRequest.class);
  private static final JsonAdapter<GetProgressResponse> PROGRESS_RESPONSE = MOSHI.adapter(GetProgressResponse.class);
  private static final JsonAdapter<DescribeTimbreRequest> TIMBRE_REQUEST = MOSHI.adapter(DescribeTimbreRequest.class);
  private static final JsonAdapter<DescribeTimbreResponse> TIMBRE_RESPONSE = MOSHI.adapter(DescribeTimbreResponse.class);
  /** PayloadReader's rules for a value of the wrong JSON type or outside its enum. */
  private static final Set<String> TYPE_RULES = Set.of("type", "enum");
  private static final int MAX_DETAIL_CHARS = 2000;

  /** One operation's answer to a request body. */
  @FunctionalInterface
  private interface Answer {
    String answer(SandboxCalls calls, String body) throws Refusal;
  }

  /** The sandbox's answer of every operation, by operationId. */
  private static final Map<String, Answer> ANSWERS = Map.of(
      Operations.SUBMIT.id(), SandboxCalls::submit,
      Operations.GET_PROGRESS.id(), SandboxCalls::progress,
      Operations.DESCRIBE_TIMBRE.id(), SandboxCalls::timbres);

  private final SandboxGateway gateway;
  private final Supplier<ResponseHeader> okHeader;

  SandboxCalls(SandboxGateway gateway, Supplier<ResponseHeader> okHeader) {
    this.gateway = gateway;
    this.okHeader = okHeader;
  }

  /** The operations the sandbox serves that have no answer here: none, or the sandbox is incomplete. */
  static List<String> unanswered() {
    return Operations.ALL.stream().map(Operation::id).filter(id -> !ANSWERS.containsKey(id)).toList();
  }

  /** The JSON answer of {@code op} to {@code body}. */
  String answer(Operation<?, ?, ?, ?> op, String body) throws Refusal {
    Answer answer = ANSWERS.get(op.id());
    if (answer == null) {
      throw new Refusal(404, GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidAction: the sandbox does not serve " + op.id()));
    }
    return answer.answer(this, body);
  }

  private String submit(String body) throws Refusal {
    if (!(parse(ANY, body) instanceof Map<?, ?> envelope)
        || !(envelope.get("Header") instanceof Map<?, ?>) || !envelope.containsKey("Payload")) {
      throw envelopeRequired();
    }
    // The strict reader, as the CLI's validate: wrong JSON types are errors, never coerced.
    PayloadReader.Result read;
    try {
      read = PayloadReader.read(body);
    } catch (PayloadReader.MalformedJsonException e) {
      throw Refusal.invalidParameter("the body is not JSON: " + cut(e.getMessage()));
    }
    List<ValidationIssue> errors = read.report().errors();
    List<ValidationIssue> typeErrors = errors.stream().filter(i -> TYPE_RULES.contains(i.rule())).toList();
    if (!typeErrors.isEmpty()) {
      throw Refusal.invalidParameter(describe(typeErrors));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER_VALUE, "InvalidParameterValue: " + describe(errors)));
    }
    VideoMakeNoTrainPayload payload = read.payload();
    String taskId = newId();
    gateway.createTask(taskId, payload.getCallbackUrl(), subtitleText(payload));
    return SUBMIT_RESPONSE.toJson(new VideoMakeNoTrainResponse()
        .header(okHeader.get())
        .payload(new VideoMakeNoTrainResult().taskId(taskId)));
  }

  private String progress(String body) throws Refusal {
    GetProgressRequest request = parse(PROGRESS_REQUEST, body);
    if (request == null || request.getHeader() == null || request.getPayload() == null) {
      throw envelopeRequired();
    }
    String taskId = request.getPayload().getTaskId();
    if (taskId == null || taskId.isBlank()) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "MissingParameter: Payload.TaskId is required"));
    }
    SandboxTask task = gateway.task(taskId);
    if (task == null) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_TASK_NOT_FOUND,
          "ResourceNotFound.TaskNotFound: no task with this TaskId"));
    }
    return PROGRESS_RESPONSE.toJson(new GetProgressResponse()
        .header(okHeader.get())
        .payload(task.progressAt(System.nanoTime(), gateway.mediaUrl(taskId, ".mp4"),
            gateway.mediaUrl(taskId, ".srt"))));
  }

  private String timbres(String body) throws Refusal {
    DescribeTimbreRequest request = parse(TIMBRE_REQUEST, body);
    if (request == null || request.getHeader() == null || request.getPayload() == null) {
      throw envelopeRequired();
    }
    DescribeTimbrePayload filter = request.getPayload();
    Integer pageIndex = filter.getPageIndex();
    Integer pageSize = filter.getPageSize();
    if (pageIndex == null || pageIndex < 1) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER_VALUE,
          "InvalidParameterValue: Payload.PageIndex must be at least 1 (rejected value: " + pageIndex + ")"));
    }
    if (pageSize == null || pageSize < 1 || pageSize > RequestBodies.MAX_PAGE_SIZE) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER_VALUE,
          "InvalidParameterValue: Payload.PageSize must be between 1 and " + RequestBodies.MAX_PAGE_SIZE
              + " (rejected value: " + pageSize + ")"));
    }
    List<TimbreAssetDetail> matching = SandboxTimbres.matching(filter);
    long from = (long) (pageIndex - 1) * pageSize;
    List<TimbreAssetDetail> page = from >= matching.size()
        ? List.of()
        : matching.subList((int) from, (int) Math.min(matching.size(), from + pageSize));
    return TIMBRE_RESPONSE.toJson(new DescribeTimbreResponse()
        .header(okHeader.get())
        .payload(new TimbrePage().timbreAssets(page).total(matching.size())));
  }

  /** A fresh id, as the gateway's TaskIds and RequestIDs look: 32 hex digits. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static String cut(String detail) {
    return MessageText.cut(detail == null ? "" : detail, MAX_DETAIL_CHARS);
  }

  private static String describe(List<ValidationIssue> issues) {
    return cut(Redaction.maskQuery(issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("; "))));
  }

  private static String subtitleText(VideoMakeNoTrainPayload payload) {
    String text = SandboxMedia.plainText(payload.getInputSsml());
    return text.isEmpty() ? "[audio-driven task: the sandbox has no transcript]" : text;
  }

  private static <T> T parse(JsonAdapter<T> adapter, String body) throws Refusal {
    try {
      return adapter.fromJson(body);
    } catch (JsonDataException e) {
      throw Refusal.invalidParameter("the body does not match the request: " + cut(e.getMessage()));
    } catch (IOException e) { // JsonEncodingException and EOFException included
      throw Refusal.invalidParameter("the body is not JSON: " + cut(e.getMessage()));
    }
  }

  private static Refusal envelopeRequired() {
    return Refusal.invalidParameter("the body must be {\"Header\":{},\"Payload\":{...}}");
  }
}
