package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoParam;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validation happens before any network I/O: an invalid request never reaches the server. */
class IvhClientValidationTest {
  private static final String VIDEO = "https://cdn.example.com/templates/anchor.mp4";

  private MockWebServer server;
  private IvhClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = IvhClient.builder()
        .appKey("test_appkey_123")
        .accessToken("test_access_token_456")
        .endpoint(server.url("/").toString())
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static VideoMakeNoTrainPayload invalid() {
    VideoMakeNoTrainPayload request = VideoMakeRequests.textDriven(VIDEO, "Hi", "female_1", 2.0)
        .callbackUrl("https://cb example.com/done?ivh_token=callback-secret&x=1");
    request.videoParam(new VideoParam().disableIntervals(List.of(
        new DisableInterval().startTime(1.0).endTime(2.0),
        new DisableInterval().startTime(3.0).endTime(2.5))));
    return request;
  }

  @Test
  void validateReturnsEveryErrorWithoutSending() {
    ValidationReport report = client.validate(invalid());

    assertThat(report.isValid()).isFalse();
    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactlyInAnyOrder(
            tuple("Payload.InputSsml", "minLength"),
            tuple("Payload.SpeechParam.Speed", "maximum"),
            tuple("Payload.CallbackUrl", "urlSyntax"),
            tuple("Payload.VideoParam.DisableIntervals[1].EndTime", "startBeforeEnd"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void submitOfAnInvalidRequestThrowsListingAllErrorsAndSendsNothing() {
    assertThatThrownBy(() -> client.submit(invalid()))
        .isInstanceOfSatisfying(IvhValidationException.class, e -> {
          assertThat(e.report().errors()).hasSize(4);
          assertThat(e.getMessage())
              .contains("Payload.InputSsml", "Payload.SpeechParam.Speed", "Payload.CallbackUrl",
                  "Payload.VideoParam.DisableIntervals[1].EndTime", "minLength", "maximum", "urlSyntax")
              .doesNotContain("callback-secret");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void submitAsyncOfAnInvalidRequestFailsTheFutureAndSendsNothing() {
    CompletableFuture<String> future = client.submitAsync(invalid());
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IvhValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRequestWithOnlyWarningsIsSent() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"r1\"},\"Payload\":{\"TaskId\":\"t-1\"}}"));
    VideoMakeNoTrainPayload request = VideoMakeRequests.textDriven(VIDEO, "Hello there", "female_1", 1.0);
    request.getSpeechParam().volume(5);

    assertThat(client.validate(request).warnings())
        .extracting(ValidationIssue::rule).containsExactly("volumeIgnoredByTimbre");
    assertThat(client.submit(request)).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"Volume\":5");
  }

  @Test
  void aClientInWarnOnlyModeSendsWhatItWouldRefuseAndReportsTheErrorsAsWarnings() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"r1\"},\"Payload\":{\"TaskId\":\"t-2\"}}"));
    VideoMakeNoTrainPayload tooFast = VideoMakeRequests.textDriven(VIDEO, "Hello there", "voice_a", 1.7);
    try (IvhClient lenient = IvhClient.builder().appKey("test_appkey_123").accessToken("test_access_token_456")
        .endpoint(server.url("/").toString()).validationMode(ValidationMode.WARN_ONLY).build()) {
      assertThat(lenient.validate(tooFast).warnings()).extracting(ValidationIssue::rule).containsExactly("maximum");
      assertThat(lenient.submit(tooFast)).isEqualTo("t-2");
    }
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"Speed\":1.7");
  }

  @Test
  void aPerCallViewInOffModeSendsTheRequestButNeverOneThatCannotBeSerialised() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"r1\"},\"Payload\":{\"TaskId\":\"t-3\"}}"));
    VideoMakeNoTrainPayload tooFast = VideoMakeRequests.textDriven(VIDEO, "Hello there", "voice_a", 1.7);
    assertThatThrownBy(() -> client.submit(tooFast)).isInstanceOf(IvhValidationException.class);
    assertThat(client.validationMode()).isEqualTo(ValidationMode.ENFORCE);

    IvhClient off = client.withValidationMode(ValidationMode.OFF);
    assertThat(off.submit(tooFast)).isEqualTo("t-3");
    assertThat(server.getRequestCount()).isEqualTo(1);

    VideoMakeNoTrainPayload notANumber = VideoMakeRequests.textDriven(VIDEO, "Hello there", "voice_a", Double.NaN);
    assertThatThrownBy(() -> off.submit(notANumber))
        .isInstanceOfSatisfying(IvhValidationException.class,
            e -> assertThat(e.report().errors()).extracting(ValidationIssue::rule).containsExactly("type"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
