package io.github.ivhclient.videomake.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.MessageText;
import io.github.ivhclient.videomake.internal.PayloadReader;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.model.DescribeTimbrePayload;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.ResponseHeader;
import io.github.ivhclient.videomake.model.TaskStatus;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.TimbrePage;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResult;
import io.github.ivhclient.videomake.sandbox.SandboxGateway.ScriptedAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Answers one exchange: counts it, applies the scripted latency and HTTP answers, checks the
 * signature, then serves the call. Every failure, including a bug here, becomes an envelope with a
 * non-zero {@code Header.Code}; no stack trace ever reaches the client.
 */
final class SandboxHandler implements HttpHandler {
  private static final Moshi MOSHI = JsonSupport.moshi();
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);
  private static final JsonAdapter<VideoMakeNoTrainResponse> SUBMIT_RESPONSE = MOSHI.adapter(VideoMakeNoTrainResponse.class);
  private static final JsonAdapter<GetProgressRequest> PROGRESS_REQUEST = MOSHI.adapter(GetProgressRequest.class);
  private static final JsonAdapter<GetProgressResponse> PROGRESS_RESPONSE = MOSHI.adapter(GetProgressResponse.class);
  private static final JsonAdapter<DescribeTimbreRequest> TIMBRE_REQUEST = MOSHI.adapter(DescribeTimbreRequest.class);
  private static final JsonAdapter<DescribeTimbreResponse> TIMBRE_RESPONSE = MOSHI.adapter(DescribeTimbreResponse.class);
  private static final JsonAdapter<Map<String, ResponseHeader>> ERROR_RESPONSE =
      MOSHI.adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, ResponseHeader.class));
  private static final List<String> API_PATHS =
      List.of(SandboxGateway.SUBMIT_PATH, SandboxGateway.PROGRESS_PATH, SandboxGateway.TIMBRE_PATH);
  /** PayloadReader's rules for a value of the wrong JSON type or outside its enum. */
  private static final Set<String> TYPE_RULES = Set.of("type", "enum");
  private static final int MAX_DETAIL_CHARS = 2000;

  private final SandboxGateway gateway;
  private final SignatureCheck signatures;
  private final AtomicLong sessions = new AtomicLong();

  SandboxHandler(SandboxGateway gateway, SignatureCheck signatures) {
    this.gateway = gateway;
    this.signatures = signatures;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (Refusal refusal) {
      sendQuietly(exchange, refusal.httpStatus, refusal.error);
    } catch (RuntimeException | IOException e) {
      sendQuietly(exchange, 500, GatewayError.of(SandboxGateway.CODE_INTERNAL_ERROR,
          "InternalError: the sandbox failed (" + e.getClass().getSimpleName() + ")"));
    } catch (InterruptedException e) {
      // The sandbox is closing; the exchange is dropped.
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException, InterruptedException, Refusal {
    String path = exchange.getRequestURI().getPath();
    gateway.countRequest(path);
    if (path.startsWith(SandboxGateway.MEDIA_PATH_PREFIX)) {
      serveMedia(exchange, path.substring(SandboxGateway.MEDIA_PATH_PREFIX.length()));
      return;
    }
    if (!API_PATHS.contains(path)) {
      throw new Refusal(404, GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidAction: the gateway has no API at this path"));
    }
    Duration latency = gateway.currentLatency();
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    }
    ScriptedAnswer scripted = gateway.takeScriptedAnswer();
    if (scripted != null) {
      sendScripted(exchange, scripted);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      throw new Refusal(405, GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidParameter: every call is a POST"));
    }
    GatewayError authFailure = signatures.check(exchange.getRequestURI().getRawQuery());
    if (authFailure != null) {
      throw new Refusal(authFailure);
    }
    String body = readBody(exchange);
    switch (path) {
      case SandboxGateway.SUBMIT_PATH -> submit(exchange, body);
      case SandboxGateway.PROGRESS_PATH -> progress(exchange, body);
      default -> timbres(exchange, body);
    }
  }

  private void submit(HttpExchange exchange, String body) throws IOException, Refusal {
    if (!(parse(ANY, body) instanceof Map<?, ?> envelope)
        || !(envelope.get("Header") instanceof Map<?, ?>) || !envelope.containsKey("Payload")) {
      throw envelopeRequired();
    }
    // The strict reader, as the CLI's validate: wrong JSON types are errors, never coerced.
    PayloadReader.Result read;
    try {
      read = PayloadReader.read(body);
    } catch (PayloadReader.MalformedJsonException e) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidParameter: the body is not JSON: " + cut(e.getMessage())));
    }
    List<ValidationIssue> errors = read.report().errors();
    List<ValidationIssue> typeErrors = errors.stream().filter(i -> TYPE_RULES.contains(i.rule())).toList();
    if (!typeErrors.isEmpty()) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER, "InvalidParameter: " + describe(typeErrors)));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER_VALUE, "InvalidParameterValue: " + describe(errors)));
    }
    VideoMakeNoTrainPayload payload = read.payload();
    String taskId = newId();
    gateway.createTask(taskId, payload.getCallbackUrl(), subtitleText(payload));
    sendJson(exchange, 200, SUBMIT_RESPONSE.toJson(new VideoMakeNoTrainResponse()
        .header(okHeader())
        .payload(new VideoMakeNoTrainResult().taskId(taskId))));
  }

  private static String describe(List<ValidationIssue> issues) {
    return cut(Redaction.maskQuery(issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("; "))));
  }

  private void progress(HttpExchange exchange, String body) throws IOException, Refusal {
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
    sendJson(exchange, 200, PROGRESS_RESPONSE.toJson(new GetProgressResponse()
        .header(okHeader())
        .payload(task.progressAt(System.nanoTime(), gateway.mediaUrl(taskId, ".mp4"),
            gateway.mediaUrl(taskId, ".srt")))));
  }

  private void timbres(HttpExchange exchange, String body) throws IOException, Refusal {
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
    if (pageSize == null || pageSize < 1 || pageSize > IvhClient.MAX_PAGE_SIZE) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER_VALUE,
          "InvalidParameterValue: Payload.PageSize must be between 1 and " + IvhClient.MAX_PAGE_SIZE
              + " (rejected value: " + pageSize + ")"));
    }
    List<TimbreAssetDetail> matching = SandboxTimbres.matching(filter);
    long from = (long) (pageIndex - 1) * pageSize;
    List<TimbreAssetDetail> page = from >= matching.size()
        ? List.of()
        : matching.subList((int) from, (int) Math.min(matching.size(), from + pageSize));
    sendJson(exchange, 200, TIMBRE_RESPONSE.toJson(new DescribeTimbreResponse()
        .header(okHeader())
        .payload(new TimbrePage().timbreAssets(page).total(matching.size()))));
  }

  private void serveMedia(HttpExchange exchange, String name) throws IOException {
    String method = exchange.getRequestMethod();
    boolean head = "HEAD".equals(method);
    byte[] sample = SandboxMedia.sample(name);
    if (sample != null && (head || "GET".equals(method))) {
      serveSample(exchange, sample, name.endsWith(".mp4") ? "video/mp4" : "audio/mpeg", head);
      return;
    }
    int dot = name.lastIndexOf('.');
    SandboxTask task = dot < 0 ? null : gateway.task(name.substring(0, dot));
    String extension = dot < 0 ? "" : name.substring(dot);
    if (!head && !"GET".equals(method)
        || task == null
        || task.statusAt(System.nanoTime()) != TaskStatus.SUCCESS
        || !extension.equals(".mp4") && !extension.equals(".srt")) {
      byte[] notFound = "no such result file\n".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(404, notFound.length);
      exchange.getResponseBody().write(notFound);
      return;
    }
    boolean video = extension.equals(".mp4");
    byte[] bytes = video ? SandboxMedia.mp4() : SandboxMedia.srt(task.subtitleText());
    exchange.getResponseHeaders().set("Content-Type", video ? "video/mp4" : "application/x-subrip; charset=utf-8");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** A sample file, with single-range support so preflight reads it as it reads a CDN. */
  private static void serveSample(HttpExchange exchange, byte[] bytes, String type, boolean head) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    java.util.regex.Matcher m = range == null ? null
        : java.util.regex.Pattern.compile("bytes=(\\d{1,9})-(\\d{1,9})?").matcher(range);
    if (m == null || !m.matches()) {
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      return;
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? bytes.length - 1 : Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
    if (from >= bytes.length || from > to) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
    exchange.sendResponseHeaders(206, to - from + 1);
    exchange.getResponseBody().write(bytes, from, to - from + 1);
  }

  private void sendScripted(HttpExchange exchange, ScriptedAnswer scripted) throws IOException {
    GatewayError error;
    if (scripted.httpStatus() == 429) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(scripted.retryAfterSeconds()));
      error = GatewayError.of(SandboxGateway.CODE_REQUEST_LIMIT_EXCEEDED,
          "RequestLimitExceeded: too many requests (scripted by the sandbox)");
    } else {
      error = GatewayError.of(SandboxGateway.CODE_INTERNAL_ERROR,
          "InternalError: HTTP " + scripted.httpStatus() + " scripted by the sandbox");
    }
    sendJson(exchange, scripted.httpStatus(), errorJson(error));
  }

  private static String subtitleText(VideoMakeNoTrainPayload payload) {
    String text = SandboxMedia.plainText(payload.getInputSsml());
    return text.isEmpty() ? "[audio-driven task: the sandbox has no transcript]" : text;
  }

  private static <T> T parse(JsonAdapter<T> adapter, String body) throws Refusal {
    try {
      return adapter.fromJson(body);
    } catch (JsonDataException e) {
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidParameter: the body does not match the request: " + cut(e.getMessage())));
    } catch (IOException e) { // JsonEncodingException and EOFException included
      throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidParameter: the body is not JSON: " + cut(e.getMessage())));
    }
  }

  private static Refusal envelopeRequired() {
    return new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
        "InvalidParameter: the body must be {\"Header\":{},\"Payload\":{...}}"));
  }

  private static String readBody(HttpExchange exchange) throws IOException, Refusal {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(SandboxGateway.MAX_BODY_BYTES + 1);
      if (bytes.length > SandboxGateway.MAX_BODY_BYTES) {
        throw new Refusal(GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
            "InvalidParameter: the body is larger than " + SandboxGateway.MAX_BODY_BYTES + " bytes"));
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private ResponseHeader okHeader() {
    return header(GatewayError.of(0, ""));
  }

  private ResponseHeader header(GatewayError error) {
    return new ResponseHeader()
        .code(error.code())
        .message(error.message())
        .requestID(newId())
        .sessionID("sandbox-session-" + sessions.incrementAndGet())
        .dialogID("");
  }

  private String errorJson(GatewayError error) {
    return ERROR_RESPONSE.toJson(Map.of("Header", header(error)));
  }

  private void sendQuietly(HttpExchange exchange, int status, GatewayError error) {
    if (exchange.getResponseCode() != -1) {
      return; // the answer has already started; nothing more can be said
    }
    try {
      sendJson(exchange, status, errorJson(error));
    } catch (IOException | RuntimeException ignored) {
      // The client went away; there is no one left to tell.
    }
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String cut(String detail) {
    return MessageText.cut(detail == null ? "" : detail, MAX_DETAIL_CHARS);
  }

  /** A refusal to answer with: HTTP 200 and a non-zero code, unless the status says otherwise. */
  private static final class Refusal extends Exception {
    private final int httpStatus;
    private final GatewayError error;

    Refusal(GatewayError error) {
      this(200, error);
    }

    Refusal(int httpStatus, GatewayError error) {
      super(error.message(), null, false, false);
      this.httpStatus = httpStatus;
      this.error = error;
    }
  }
}
