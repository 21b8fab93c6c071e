package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ivhclient.videomake.internal.ResponseBodies;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The client reads at most {@link ResponseBodies#MAX_BYTES} of any answer and keeps at most 1 KB of it. */
class ResponseLimitsTest extends StubbedGatewayTest {
  private static final int LIMIT = ResponseBodies.MAX_BYTES;
  private static final String PROGRESS = Stub.envelope("req-big", "{\"Status\":\"MAKING\",\"Progress\":5}");

  @Override
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(3));
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() {
    server.enqueue(Stub.json("").setBody(padded(PROGRESS, LIMIT)));

    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(5);
  }

  @Test
  void aSuccessfulBodyOneByteOverTheLimitIsMalformed() {
    server.enqueue(Stub.json("").setBody(padded(PROGRESS, LIMIT + 1)));

    IvhMalformedResponseException e =
        (IvhMalformedResponseException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.getMessage()).contains("body larger than " + LIMIT + " bytes");
    assertThat(e.requestId()).isEqualTo("req-big");
    assertThat(e.bodyExcerpt()).startsWith(PROGRESS).hasSize(IvhHttpException.MAX_BODY_EXCERPT);
  }

  @Test
  void aChunkedSuccessfulBodyOverTheLimitIsMalformedAsynchronouslyToo() {
    server.enqueue(Stub.json("").setChunkedBody(padded(PROGRESS, 3 * LIMIT), 64 * 1024));

    Throwable e = catchThrowable(() -> client.getProgressAsync(Stub.TASK_ID).join());

    assertThat(e).isInstanceOf(CompletionException.class);
    assertThat(e.getCause()).isInstanceOf(IvhMalformedResponseException.class)
        .hasMessageContaining("body larger than " + LIMIT + " bytes");
  }

  @Test
  void theClientStopsReadingAtTheLimitInsteadOfWaitingForTheRest() {
    // Announces 64 MiB, sends 2 MiB and then nothing: a client that reads to the end times out.
    server.enqueue(Stub.json("").setBody(padded(PROGRESS, 2 * LIMIT)).setHeader("Content-Length", 64L * LIMIT));
    server.enqueue(new MockResponse().setResponseCode(400).setBody(padded("{\"RequestID\":\"req-400\"}", 2 * LIMIT))
        .setHeader("Content-Length", 64L * LIMIT));

    Throwable success = catchThrowable(() -> client.getProgress(Stub.TASK_ID));
    Throwable error = catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(success).isInstanceOf(IvhMalformedResponseException.class).hasMessageContaining("body larger than");
    assertThat(error).isInstanceOfSatisfying(IvhHttpException.class, http -> {
      assertThat(http.statusCode()).isEqualTo(400);
      assertThat(http.requestId()).isEqualTo("req-400");
      assertThat(http.bodyExcerpt()).hasSize(IvhHttpException.MAX_BODY_EXCERPT);
    });
  }

  @Test
  void anOversizedErrorBodyIsCutToAnExcerpt() {
    server.enqueue(new MockResponse().setResponseCode(502)
        .setChunkedBody(padded("{\"RequestID\":\"req-502\",\"error\":\"upstream\"}", 3 * LIMIT), 64 * 1024));

    IvhHttpException e = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.requestId()).isEqualTo("req-502");
    assertThat(e.bodyExcerpt()).startsWith("{\"RequestID\":\"req-502\"").hasSize(IvhHttpException.MAX_BODY_EXCERPT);
  }

  @Test
  void theExcerptNeverEndsInHalfASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("x".repeat(IvhHttpException.MAX_BODY_EXCERPT - 1) + emoji + " and more"));
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("x".repeat(IvhHttpException.MAX_BODY_EXCERPT - 2) + emoji + " and more"));

    IvhHttpException split = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));
    IvhHttpException whole = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(split.bodyExcerpt()).hasSize(IvhHttpException.MAX_BODY_EXCERPT - 1).endsWith("x");
    assertThat(whole.bodyExcerpt()).hasSize(IvhHttpException.MAX_BODY_EXCERPT).endsWith(emoji);
  }

  @Test
  void oversizedBodiesEchoingTheAppKeyAreMaskedInTheExcerpt() {
    String echo = "{\"RequestID\":\"req-echo\",\"Message\":\"no project for appkey " + TestSecrets.APP_KEY + "\"}";
    server.enqueue(new MockResponse().setResponseCode(403).setBody(padded(echo, 2 * LIMIT)));
    server.enqueue(Stub.json("").setBody(padded(echo, 2 * LIMIT)));

    IvhHttpException http = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));
    IvhMalformedResponseException malformed =
        (IvhMalformedResponseException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    for (IvhException e : new IvhException[] {http, malformed}) {
      assertThat(e.getMessage()).doesNotContain(TestSecrets.APP_KEY);
    }
    assertThat(http.bodyExcerpt()).contains("appkey " + TestSecrets.APP_KEY.substring(0, 2) + "****")
        .doesNotContain(TestSecrets.APP_KEY);
    assertThat(malformed.bodyExcerpt()).contains("appkey " + TestSecrets.APP_KEY.substring(0, 2) + "****")
        .doesNotContain(TestSecrets.APP_KEY);
    assertThat(malformed.getMessage()).contains("body larger than");
  }

  private static Buffer padded(String json, long totalBytes) {
    Buffer body = new Buffer().writeUtf8(json);
    while (body.size() < totalBytes) {
      body.writeByte(' ');
    }
    return body;
  }
}
