package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.time.Clock;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Canned gateway answers and a client wired to a local stub, for the facade's tests. */
final class Stub {
  static final String TASK_ID = "task-1";
  /** Retries fast enough for unit tests, still three attempts. */
  static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
      .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).jitter(0).build();
  /** Polls every few milliseconds. */
  static final WaitOptions FAST_WAIT = WaitOptions.builder()
      .initialDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20)).timeout(Duration.ofSeconds(20)).build();

  private Stub() {}

  static IvhClient.Builder client(MockWebServer server) {
    return IvhClient.builder()
        .appKey(TestSecrets.APP_KEY)
        .accessToken(TestSecrets.ACCESS_TOKEN)
        .endpoint(server.url("/").toString())
        .retryPolicy(FAST_RETRIES)
        .clock(Clock.systemUTC());
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse submitted(String taskId) {
    return json(envelope("req-submit", "{\"TaskId\":\"" + taskId + "\"}"));
  }

  static MockResponse progress(String status, int progress, int queuePosition) {
    return json(envelope("req-" + status + "-" + progress,
        "{\"Status\":\"" + status + "\",\"Progress\":" + progress + ",\"ArrayCount\":" + queuePosition
            + ",\"MediaUrl\":\"\",\"SubtitlesUrl\":\"\",\"Duration\":0}"));
  }

  static MockResponse success(String mediaUrl, String subtitlesUrl, long durationMillis) {
    return json(envelope("req-success", "{\"Status\":\"SUCCESS\",\"Progress\":100,\"ArrayCount\":0,\"MediaUrl\":\""
        + mediaUrl + "\",\"SubtitlesUrl\":\"" + subtitlesUrl + "\",\"Duration\":" + durationMillis + "}"));
  }

  static MockResponse failed(int failCode, String failMessage) {
    return json(envelope("req-fail", "{\"Status\":\"FAIL\",\"Progress\":-1,\"ArrayCount\":0,\"FailCode\":"
        + failCode + ",\"FailMessage\":\"" + failMessage + "\"}"));
  }

  static MockResponse serviceError(int code, String message) {
    return json("{\"Header\":{\"Code\":" + code + ",\"Message\":\"" + message
        + "\",\"RequestID\":\"req-error\"},\"Payload\":{}}");
  }

  static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setBody("{\"error\":\"status " + code + "\"}");
  }

  static String envelope(String requestId, String payload) {
    return "{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"" + requestId
        + "\",\"SessionID\":\"s\",\"DialogID\":\"\"},\"Payload\":" + payload + "}";
  }

  static io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload validSubmit() {
    return VideoMakeRequests.textDriven("https://cdn.example.com/template.mp4", "Hello, world", "female_1", 1.0);
  }
}
