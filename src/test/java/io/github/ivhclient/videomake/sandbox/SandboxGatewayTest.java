package io.github.ivhclient.videomake.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import com.sun.net.httpserver.HttpServer;
import io.github.ivhclient.videomake.CallbackParser;
import io.github.ivhclient.videomake.CallbackUrls;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhServiceException;
import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.IvhTransportException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import io.github.ivhclient.videomake.TimbreFilter;
import io.github.ivhclient.videomake.TimbreListing;
import io.github.ivhclient.videomake.VideoMakeRequests;
import io.github.ivhclient.videomake.WaitOptions;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.RequestSigner;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxGatewayTest {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Map<String, Object>> MAP =
      JsonSupport.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final String TEMPLATE = "https://cdn.example.com/template.mp4";

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(toClose);
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private SandboxGateway sandbox(Duration taskDuration) {
    SandboxGateway sandbox = SandboxGateway.builder().taskDuration(taskDuration).start();
    toClose.add(sandbox);
    return sandbox;
  }

  private IvhClient client(IvhClient.Builder builder) {
    IvhClient client = builder.build();
    toClose.add(client);
    return client;
  }

  private static VideoMakeNoTrainPayload textRequest() {
    return VideoMakeRequests.textDriven(TEMPLATE, "Hello from the sandbox", "female_1", 1.0);
  }

  private static TaskSnapshot pollUntilDone(IvhClient client, String taskId, List<TaskSnapshot> seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      TaskSnapshot snapshot = client.getProgress(taskId);
      seen.add(snapshot);
      if (snapshot.state().isTerminal()) {
        return snapshot;
      }
      Thread.sleep(40);
    }
    throw new AssertionError("task did not finish: " + seen.get(seen.size() - 1));
  }

  /** A signed POST to the sandbox with any body, for what the client itself refuses to send. */
  private static Map<String, Object> rawCall(SandboxGateway sandbox, String path, String body, RequestSigner signer)
      throws IOException {
    try (Response response = rawResponse(sandbox, path, body, signer)) {
      assertThat(response.code()).as("HTTP status").isEqualTo(200);
      return MAP.fromJson(response.body().string());
    }
  }

  private static Response rawResponse(SandboxGateway sandbox, String path, String body, RequestSigner signer)
      throws IOException {
    OkHttpClient.Builder http = new OkHttpClient.Builder();
    if (signer != null) {
      http.addInterceptor(signer);
    }
    Request request = new Request.Builder()
        .url(sandbox.endpoint().baseUri().resolve(path.substring(1)).toString())
        .post(RequestBody.create(body, JSON))
        .build();
    return http.build().newCall(request).execute();
  }

  private static RequestSigner sandboxSigner() {
    return new RequestSigner(SandboxGateway.DEFAULT_APP_KEY, SandboxGateway.DEFAULT_ACCESS_TOKEN, Clock.systemUTC());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> header(Map<String, Object> envelope) {
    return (Map<String, Object>) envelope.get("Header");
  }

  private static int code(Map<String, Object> envelope) {
    return ((Number) header(envelope).get("Code")).intValue();
  }

  private static String message(Map<String, Object> envelope) {
    return (String) header(envelope).get("Message");
  }

  @Test
  void taskMovesFromQueuedThroughMakingToSuccessWithServedResultFiles() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ofMillis(1500));
    IvhClient client = client(sandbox.clientBuilder());

    String taskId = client.submit(textRequest());
    List<TaskSnapshot> seen = new ArrayList<>();
    TaskSnapshot done = pollUntilDone(client, taskId, seen);

    assertThat(taskId).matches("[0-9a-f]{32}");
    assertThat(seen.get(0).state()).isEqualTo(TaskState.QUEUED);
    assertThat(seen.get(0).queuePosition()).isPositive();
    assertThat(seen).extracting(TaskSnapshot::state).contains(TaskState.MAKING);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).progress()).as("progress never falls").isGreaterThanOrEqualTo(seen.get(i - 1).progress());
      if (seen.get(i).state() == TaskState.QUEUED) {
        assertThat(seen.get(i).queuePosition()).as("queue position never rises")
            .isLessThanOrEqualTo(seen.get(i - 1).queuePosition());
      }
    }
    assertThat(seen).filteredOn(s -> s.state() == TaskState.MAKING)
        .allSatisfy(s -> assertThat(s.progress()).isBetween(0, 99));
    assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(done.progress()).isEqualTo(100);
    assertThat(done.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(done.mediaUrl()).startsWith(sandbox.endpoint().toString()).endsWith(taskId + ".mp4");
    assertThat(done.subtitlesUrl()).endsWith(taskId + ".srt");

    OkHttpClient http = new OkHttpClient();
    try (Response video = http.newCall(new Request.Builder().url(done.mediaUrl()).build()).execute()) {
      assertThat(video.code()).isEqualTo(200);
      assertThat(video.header("Content-Type")).isEqualTo("video/mp4");
      assertThat(video.body().bytes()).isEqualTo(SandboxMedia.mp4());
    }
    try (Response srt = http.newCall(new Request.Builder().url(done.subtitlesUrl()).build()).execute()) {
      assertThat(srt.code()).isEqualTo(200);
      assertThat(srt.body().string()).contains("Hello from the sandbox");
    }
  }

  @Test
  void waiterFollowsSandboxTasksToSuccessAndToFail() {
    // COMMIT lasts 30 % of the task: 900 ms leaves a loaded machine time for the first poll
    // (at 1.2 s a run under load once polled only after COMMIT had ended).
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(3));
    IvhClient client = client(sandbox.clientBuilder());
    List<TaskSnapshot> changes = Collections.synchronizedList(new ArrayList<>());
    WaitOptions options = WaitOptions.builder()
        .initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(100)).timeout(Duration.ofSeconds(20))
        .listener(changes::add)
        .build();

    TaskResult result = client.waitFor(client.submit(textRequest()), options);
    sandbox.failNextTasks(1, 40001, "face not found");
    String failing = client.submit(textRequest());

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.mediaUrl()).endsWith(".mp4");
    assertThat(changes).extracting(TaskSnapshot::state).contains(TaskState.QUEUED, TaskState.MAKING, TaskState.SUCCESS);
    assertThatThrownBy(() -> client.waitFor(failing, options))
        .isInstanceOfSatisfying(IvhTaskFailedException.class, e -> {
          assertThat(e.taskId()).isEqualTo(failing);
          assertThat(e.failCode()).isEqualTo(40001);
          assertThat(e.failMessage()).isEqualTo("face not found");
        });
  }

  @Test
  void resultFilesAreNotServedBeforeSuccessNorForUnknownTasks() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ofMinutes(5));
    String taskId = client(sandbox.clientBuilder()).submit(textRequest());
    OkHttpClient http = new OkHttpClient();

    for (String name : List.of(taskId + ".mp4", "nope.mp4", taskId + ".exe")) {
      String url = sandbox.endpoint().baseUri().resolve("sandbox/media/" + name).toString();
      try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(response.code()).as(name).isEqualTo(404);
      }
    }
  }

  @Test
  void timbresArePagedWithTotalAndFiltered() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient client = client(sandbox.clientBuilder());

    TimbreListing first = client.listTimbres(1, 4, TimbreFilter.none());
    TimbreListing second = client.listTimbres(2, 4, TimbreFilter.none());
    TimbreListing beyond = client.listTimbres(3, 4, TimbreFilter.none());
    List<String> streamed = client.timbres(TimbreFilter.none()).map(TimbreAssetDetail::getTimbreKey).toList();
    TimbreListing byKey = client.listTimbres(1, 10, TimbreFilter.builder().timbreKey("male_2").build());
    TimbreListing byName = client.listTimbres(1, 10, TimbreFilter.builder().timbreName("multi-emotion").build());

    assertThat(first.total()).isEqualTo(SandboxGateway.timbreKeys().size());
    assertThat(first.timbres()).hasSize(4);
    assertThat(first.hasNextPage()).isTrue();
    assertThat(second.timbres()).hasSize(SandboxGateway.timbreKeys().size() - 4);
    assertThat(second.hasNextPage()).isFalse();
    assertThat(beyond.timbres()).isEmpty();
    assertThat(streamed).containsExactlyElementsOf(SandboxGateway.timbreKeys());
    assertThat(streamed).anyMatch(k -> k.startsWith("male_")).anyMatch(k -> k.startsWith("female_"));
    assertThat(byKey.total()).isEqualTo(1);
    assertThat(byKey.timbres().get(0).getTimbreKey()).isEqualTo("male_2");
    assertThat(byName.timbres()).singleElement()
        .satisfies(t -> assertThat(t.getEmotionalCategories()).contains("happy", "sad"));
  }

  @Test
  void sandboxChecksPageIndexAndPageSizeItself() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    String path = SandboxGateway.TIMBRE_PATH;

    Map<String, Object> tooBig = rawCall(sandbox, path, "{\"Header\":{},\"Payload\":{\"PageIndex\":1,\"PageSize\":101}}", sandboxSigner());
    Map<String, Object> zeroIndex = rawCall(sandbox, path, "{\"Header\":{},\"Payload\":{\"PageIndex\":0,\"PageSize\":10}}", sandboxSigner());
    Map<String, Object> missing = rawCall(sandbox, path, "{\"Header\":{},\"Payload\":{\"PageIndex\":1}}", sandboxSigner());
    Map<String, Object> largest = rawCall(sandbox, path, "{\"Header\":{},\"Payload\":{\"PageIndex\":1,\"PageSize\":100}}", sandboxSigner());

    assertThat(code(tooBig)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER_VALUE);
    assertThat(message(tooBig)).contains("Payload.PageSize").contains("101");
    assertThat(code(zeroIndex)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER_VALUE);
    assertThat(message(zeroIndex)).contains("Payload.PageIndex");
    assertThat(code(missing)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER_VALUE);
    assertThat(code(largest)).isZero();
  }

  @Test
  void scriptedTasksFailWithTheirCodeAndLaterOnesSucceed() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ofMillis(300));
    IvhClient client = client(sandbox.clientBuilder());
    sandbox.failNextTasks(1, 40001, "face not found");

    TaskSnapshot failed = pollUntilDone(client, client.submit(textRequest()), new ArrayList<>());
    TaskSnapshot succeeded = pollUntilDone(client, client.submit(textRequest()), new ArrayList<>());

    assertThat(failed.state()).isEqualTo(TaskState.FAIL);
    assertThat(failed.failCode()).isEqualTo(40001);
    assertThat(failed.failMessage()).isEqualTo("face not found");
    assertThat(failed.mediaUrl()).isEmpty();
    assertThat(succeeded.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void scripted429CarriesRetryAfterThenServiceResumes() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient noRetries = client(sandbox.clientBuilder().retryPolicy(RetryPolicy.none()));
    sandbox.throttleNextRequests(2, Duration.ofMillis(1500));

    try (Response raw = rawResponse(sandbox, SandboxGateway.TIMBRE_PATH, "{}", sandboxSigner())) {
      assertThat(raw.code()).isEqualTo(429);
      assertThat(raw.header("Retry-After")).isEqualTo("2");
      assertThat(code(MAP.fromJson(raw.body().string()))).isEqualTo(SandboxGateway.CODE_REQUEST_LIMIT_EXCEEDED);
    }
    assertThatThrownBy(() -> noRetries.listTimbres(1, 10, TimbreFilter.none()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
    assertThat(noRetries.listTimbres(1, 10, TimbreFilter.none()).total()).isPositive();
    assertThat(sandbox.requestCount(SandboxGateway.TIMBRE_PATH)).isEqualTo(3);
  }

  @Test
  void defaultRetryPolicyHonoursTheSandboxsRetryAfter() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient client = client(sandbox.clientBuilder());
    sandbox.throttleNextRequests(1, Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThat(client.listTimbres(1, 10, TimbreFilter.none()).total()).isPositive();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(sandbox.requestCount(SandboxGateway.TIMBRE_PATH)).isEqualTo(2);
  }

  @Test
  void scripted5xxAnswersAreSentInsteadOfProcessingThenServiceResumes() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient noRetries = client(sandbox.clientBuilder().retryPolicy(RetryPolicy.none()));
    sandbox.failNextRequests(1, 503);
    sandbox.failNextRequests(1, 500);

    assertThatThrownBy(() -> noRetries.submit(textRequest()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.requestId()).isNotBlank();
        });
    assertThatThrownBy(() -> noRetries.getProgress("any"))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(noRetries.submit(textRequest())).isNotBlank();
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isEqualTo(2);
    assertThat(sandbox.requestCount(SandboxGateway.PROGRESS_PATH)).isEqualTo(1);
    assertThat(sandbox.requestCounts()).containsEntry(SandboxGateway.SUBMIT_PATH, 2);
  }

  @Test
  void defaultRetryPolicySendsA503SubmitOnceButRetriesAReadOnlyCall() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient client = client(sandbox.clientBuilder());
    String taskId = client.submit(textRequest());
    sandbox.failNextRequests(1, 503);

    assertThatThrownBy(() -> client.submit(textRequest()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isEqualTo(2);
    sandbox.failNextRequests(1, 503);
    assertThat(client.getProgress(taskId).taskId()).isEqualTo(taskId);
    assertThat(sandbox.requestCount(SandboxGateway.PROGRESS_PATH)).isEqualTo(2);
  }

  @Test
  void scriptingRejectsNonsense() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));

    assertThatThrownBy(() -> sandbox.failNextRequests(1, 404)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.failNextTasks(-1, 1, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.throttleNextRequests(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.latency(null)).isInstanceOf(NullPointerException.class).hasMessage("latency");
  }

  @Test
  void latencyDelaysEveryAnswerUntilReset() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient client = client(sandbox.clientBuilder());
    String taskId = client.submit(textRequest());

    sandbox.latency(Duration.ofMillis(400));
    long slowStart = System.nanoTime();
    client.getProgress(taskId);
    long slow = System.nanoTime() - slowStart;
    sandbox.latency(Duration.ZERO);
    // The fastest of a few calls: a loaded machine may stall any one call, but with the latency
    // still applied none could come back in under 400 ms.
    long fast = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long fastStart = System.nanoTime();
      client.getProgress(taskId);
      fast = Math.min(fast, System.nanoTime() - fastStart);
    }

    assertThat(Duration.ofNanos(slow)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(Duration.ofNanos(fast)).isLessThan(Duration.ofMillis(400));
  }

  @Test
  void wrongAccessTokenIsRefusedLikeTheGateway() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient forger = client(sandbox.clientBuilder().accessToken("not-the-sandbox-token"));

    assertThatThrownBy(() -> forger.submit(textRequest()))
        .isInstanceOfSatisfying(IvhServiceException.class, e -> {
          assertThat(e.code()).isEqualTo(SandboxGateway.CODE_SIGNATURE_FAILURE);
          assertThat(e.serviceMessage()).startsWith("AuthFailure.SignatureFailure:");
          assertThat(e.getMessage()).doesNotContain("not-the-sandbox-token").doesNotContain(SandboxGateway.DEFAULT_ACCESS_TOKEN);
        });
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isEqualTo(1);
  }

  @Test
  void wrongAppKeyAndMissingSignatureAreRefused() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient stranger = client(sandbox.clientBuilder().appKey("someone-else"));

    assertThatThrownBy(() -> stranger.listTimbres(1, 10, TimbreFilter.none()))
        .isInstanceOfSatisfying(IvhServiceException.class,
            e -> assertThat(e.code()).isEqualTo(SandboxGateway.CODE_UNKNOWN_APPKEY));
    Map<String, Object> unsigned = rawCall(sandbox, SandboxGateway.TIMBRE_PATH,
        "{\"Header\":{},\"Payload\":{\"PageIndex\":1,\"PageSize\":10}}", null);
    assertThat(code(unsigned)).isEqualTo(SandboxGateway.CODE_MISSING_AUTH_PARAMETER);
    assertThat(message(unsigned)).startsWith("AuthFailure.MissingParameter:");
  }

  @Test
  void timestampsOutsideTheFiveMinuteWindowAreRefused() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    IvhClient late = client(sandbox.clientBuilder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))));
    IvhClient early = client(sandbox.clientBuilder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))));
    IvhClient slightlyOff = client(sandbox.clientBuilder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4))));

    for (IvhClient stale : List.of(late, early)) {
      assertThatThrownBy(() -> stale.listTimbres(1, 10, TimbreFilter.none()))
          .isInstanceOfSatisfying(IvhServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(SandboxGateway.CODE_SIGNATURE_EXPIRED);
            assertThat(e.serviceMessage()).startsWith("AuthFailure.SignatureExpire:");
          });
    }
    assertThat(slightlyOff.listTimbres(1, 10, TimbreFilter.none()).total()).isPositive();
  }

  @Test
  void timestampWindowFollowsTheConfiguredClock() {
    Clock past = Clock.fixed(Instant.parse("2024-06-06T02:08:19Z"), ZoneOffset.UTC);
    SandboxGateway sandbox = SandboxGateway.builder().clock(past).start();
    toClose.add(sandbox);

    assertThat(client(sandbox.clientBuilder().clock(past)).listTimbres(1, 1, TimbreFilter.none()).total()).isPositive();
    assertThatThrownBy(() -> client(sandbox.clientBuilder()).listTimbres(1, 1, TimbreFilter.none()))
        .isInstanceOfSatisfying(IvhServiceException.class,
            e -> assertThat(e.code()).isEqualTo(SandboxGateway.CODE_SIGNATURE_EXPIRED));
  }

  @Test
  void invalidSubmitIsRefusedWithTheFacadesRule() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    String textWithoutSsml = "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + TEMPLATE + "\",\"DriverType\":\"Text\","
        + "\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.0}}}";

    Map<String, Object> refused = rawCall(sandbox, SandboxGateway.SUBMIT_PATH, textWithoutSsml, sandboxSigner());

    assertThat(code(refused)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER_VALUE);
    assertThat(message(refused)).startsWith("InvalidParameterValue:").contains("Payload.InputSsml");
    assertThat(refused).doesNotContainKey("Payload");
  }

  @Test
  void validSubmitSentRawIsAccepted() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    String valid = "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + TEMPLATE + "\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello there\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.0}}}";

    Map<String, Object> accepted = rawCall(sandbox, SandboxGateway.SUBMIT_PATH, valid, sandboxSigner());

    assertThat(code(accepted)).isZero();
    assertThat(header(accepted)).containsKeys("Message", "RequestID", "SessionID", "DialogID");
    assertThat(accepted.get("Payload")).asString().contains("TaskId");
  }

  @Test
  void unreadableOrWronglyTypedBodiesGetANonZeroCodeNeverA500() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    Map<String, String> bodies = Map.of(
        "{not json", "InvalidParameter: the body is not JSON",
        "", "InvalidParameter: the body is not JSON",
        "[1,2]", "InvalidParameter: the body must be",
        "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"x\",\"SpeechParam\":{\"Speed\":true}}}", "Payload.SpeechParam.Speed",
        "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + TEMPLATE + "\",\"DriverType\":\"Text\",\"InputSsml\":\"Hello there\","
            + "\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":\"1.0\"}}}", "Payload.SpeechParam.Speed",
        "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":[]}}", "Payload.RefVideoUrl",
        "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + TEMPLATE + "\",\"DriverType\":\"Telepathy\"}}", "Telepathy",
        "{\"Payload\":{\"RefVideoUrl\":\"x\"}}", "InvalidParameter: the body must be",
        "{\"Header\":{}}", "InvalidParameter: the body must be",
        "null", "InvalidParameter: the body must be");

    for (Map.Entry<String, String> entry : bodies.entrySet()) {
      Map<String, Object> refused = rawCall(sandbox, SandboxGateway.SUBMIT_PATH, entry.getKey(), sandboxSigner());
      assertThat(code(refused)).as(entry.getKey()).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER);
      assertThat(message(refused)).as(entry.getKey()).contains(entry.getValue()).doesNotContain("\tat ");
    }
    Map<String, Object> badTaskId = rawCall(sandbox, SandboxGateway.PROGRESS_PATH, "{\"Header\":{},\"Payload\":{\"TaskId\":{}}}", sandboxSigner());
    assertThat(code(badTaskId)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER);
  }

  @Test
  void oversizedBodiesAreRefused() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    String huge = "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + "x".repeat(SandboxGateway.MAX_BODY_BYTES) + "\"}}";

    Map<String, Object> refused = rawCall(sandbox, SandboxGateway.SUBMIT_PATH, huge, sandboxSigner());

    assertThat(code(refused)).isEqualTo(SandboxGateway.CODE_INVALID_PARAMETER);
    assertThat(message(refused)).contains("larger than");
  }

  @Test
  void unknownTaskIsAServiceError() {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));

    assertThatThrownBy(() -> client(sandbox.clientBuilder()).getProgress("0123456789abcdef"))
        .isInstanceOfSatisfying(IvhServiceException.class, e -> {
          assertThat(e.code()).isEqualTo(SandboxGateway.CODE_TASK_NOT_FOUND);
          assertThat(e.requestId()).matches("[0-9a-f]{32}");
        });
  }

  @Test
  void unknownPathsAndOtherMethodsAreRefused() throws IOException {
    SandboxGateway sandbox = sandbox(Duration.ofSeconds(1));
    OkHttpClient http = new OkHttpClient();

    try (Response response = rawResponse(sandbox, "/v2/ivh/nothing/here", "{}", sandboxSigner())) {
      assertThat(response.code()).isEqualTo(404);
      assertThat(code(MAP.fromJson(response.body().string()))).isNotZero();
    }
    String progressUrl = sandbox.endpoint().baseUri().resolve(SandboxGateway.PROGRESS_PATH.substring(1)).toString();
    try (Response response = http.newCall(new Request.Builder().url(progressUrl).build()).execute()) {
      assertThat(response.code()).isEqualTo(405);
      assertThat(response.header("Allow")).isEqualTo("POST");
    }
  }

  @Test
  void callbackIsPostedOnceAndPassesVerificationAndParsing() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ofMillis(300));
    CallbackUrls urls = CallbackUrls.withSecret("test-secret-of-sixteen-bytes-or-more");
    CallbackParser parser = new CallbackParser();
    List<String> received = Collections.synchronizedList(new ArrayList<>());
    List<String> refs = Collections.synchronizedList(new ArrayList<>());
    List<TaskResult> results = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch first = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/ivh/callback", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
          + " " + new String(body, StandardCharsets.UTF_8));
      refs.add(urls.verify(exchange.getRequestURI().toString()));
      results.add(parser.parse(body));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      first.countDown();
    });
    receiver.start();
    toClose.add(() -> receiver.stop(0));
    IvhClient client = client(sandbox.clientBuilder());
    VideoMakeNoTrainPayload request = textRequest();
    request.setCallbackUrl(urls.mint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/ivh/callback", "order-7"));

    String taskId = client.submit(request);

    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(500); // a second POST, if there were one, would arrive here
    assertThat(received).singleElement().asString()
        .startsWith("POST application/json;charset=utf-8 {\"Payload\":{")
        .doesNotContain("Header");
    assertThat(refs).containsExactly("order-7");
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.taskId()).isEqualTo(taskId);
      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(r.mediaUrl()).endsWith(taskId + ".mp4");
      assertThat(r.subtitlesUrl()).endsWith(taskId + ".srt");
    });
    List<SandboxGateway.SentCallback> sent = sandbox.awaitCallbacks(1, Duration.ofSeconds(5));
    assertThat(sent).singleElement().satisfies(c -> {
      assertThat(c.taskId()).isEqualTo(taskId);
      assertThat(c.responseStatus()).isEqualTo(204);
      assertThat(c.delivered()).isTrue();
      assertThat(c.body()).contains("\"Progress\":100", "\"Status\":\"SUCCESS\"");
      assertThat(c.toString()).doesNotContain(c.url().substring(c.url().indexOf("ivh_token=") + 10));
    });
  }

  @Test
  void failedTaskCallbackCarriesFailAndIsNeverRetried() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ofMillis(200));
    List<String> received = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(500, -1); // the receiver fails: the gateway does not resend
      exchange.close();
    });
    receiver.start();
    toClose.add(() -> receiver.stop(0));
    sandbox.failNextTasks(1, 50002, "audio too long");
    VideoMakeNoTrainPayload request = textRequest();
    request.setCallbackUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb");

    String taskId = client(sandbox.clientBuilder()).submit(request);
    List<SandboxGateway.SentCallback> sent = sandbox.awaitCallbacks(1, Duration.ofSeconds(10));
    Thread.sleep(500);

    assertThat(received).hasSize(1);
    assertThat(received.get(0)).contains("\"Status\":\"FAIL\"", "\"FailMessage\":\"audio too long\"", taskId);
    assertThat(sent).singleElement().satisfies(c -> {
      assertThat(c.responseStatus()).isEqualTo(500);
      assertThat(c.delivered()).isFalse();
    });
    assertThat(sandbox.sentCallbacks()).hasSize(1);
  }

  @Test
  void callbacksOutsideTheMachineAreRecordedButNeverSent() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ZERO);
    VideoMakeNoTrainPayload request = textRequest();
    request.setCallbackUrl("https://example.com/ivh/callback?ivh_token=abcdef");

    client(sandbox.clientBuilder()).submit(request);
    List<SandboxGateway.SentCallback> sent = sandbox.awaitCallbacks(1, Duration.ofSeconds(5));

    assertThat(sent).singleElement().satisfies(c -> {
      assertThat(c.responseStatus()).isEqualTo(-1);
      assertThat(c.error()).startsWith("not sent");
      assertThat(c.toString()).doesNotContain("abcdef");
    });
  }

  @Test
  void tasksWithoutCallbackUrlSendNone() throws Exception {
    SandboxGateway sandbox = sandbox(Duration.ZERO);

    client(sandbox.clientBuilder()).submit(textRequest());

    assertThat(sandbox.awaitCallbacks(1, Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void lifecycleBindsLoopbackAndStopsServing() {
    SandboxGateway sandbox = SandboxGateway.builder().build();

    assertThatThrownBy(sandbox::endpoint).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    sandbox.start();
    IvhClient client = client(sandbox.clientBuilder().retryPolicy(RetryPolicy.none()));
    assertThat(sandbox.port()).isPositive();
    assertThat(sandbox.endpoint().baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(sandbox.toString()).contains("127.0.0.1").doesNotContain(SandboxGateway.DEFAULT_APP_KEY);
    assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    sandbox.close();
    sandbox.close();

    assertThatThrownBy(() -> client.listTimbres(1, 1, TimbreFilter.none())).isInstanceOf(IvhTransportException.class);
    assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void builderRejectsBadSettings() {
    SandboxGateway.Builder builder = SandboxGateway.builder();

    assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    assertThatThrownBy(() -> builder.taskDuration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.appKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.accessToken(null)).isInstanceOf(NullPointerException.class).hasMessage("accessToken");
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThat(builder.accessToken("my-own-token").toString()).doesNotContain("my-own-token");
  }

  @Test
  void customCredentialsAreTheOnlyOnesAccepted() {
    SandboxGateway sandbox = SandboxGateway.builder().appKey(TestSecrets.APP_KEY).accessToken(TestSecrets.ACCESS_TOKEN).start();
    toClose.add(sandbox);

    IvhClient team = client(sandbox.clientBuilder());
    IvhClient defaults = client(IvhClient.builder().appKey(SandboxGateway.DEFAULT_APP_KEY)
        .accessToken(SandboxGateway.DEFAULT_ACCESS_TOKEN).endpoint(sandbox.endpoint()));

    assertThat(team.listTimbres(1, 1, TimbreFilter.none()).total()).isPositive();
    assertThatThrownBy(() -> defaults.listTimbres(1, 1, TimbreFilter.none())).isInstanceOf(IvhServiceException.class);
  }
}
