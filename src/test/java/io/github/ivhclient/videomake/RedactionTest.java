package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ivhclient.videomake.testlog.CapturedLogs;
import io.github.ivhclient.videomake.testlog.LeakScanner;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Secrets stay out of log lines, exception messages and toString, even when the server echoes them. */
class RedactionTest extends StubbedGatewayTest {
  private final LeakScanner scanner = LeakScanner.forTestSecrets();



  /** A hostile or careless server that repeats the signed URL it was called with. */
  private void echoTheSignedUrl(int status) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setResponseCode(status)
            .setBody("{\"Header\":{\"Code\":0,\"RequestID\":\"req-echo\"},\"error\":\"bad call " + request.getRequestUrl() + "\"}");
      }
    });
  }

  @Test
  void theSignedUrlReallyHoldsTheSecretsTheScannerLooksFor() throws Exception {
    server.enqueue(Stub.progress("MAKING", 1, 0));
    client.getProgress(Stub.TASK_ID);

    String url = server.takeRequest().getRequestUrl().toString();
    assertThat(url).contains("appkey=" + TestSecrets.APP_KEY);
    assertThat(scanner.find(url)).isNotEmpty();
  }

  @Test
  void anErrorBodyEchoingTheUrlIsMaskedInTheMessageAndExcerpt() {
    echoTheSignedUrl(500);

    IvhHttpException e = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(scanner.find(e.getMessage())).isEmpty();
    assertThat(scanner.find(e.bodyExcerpt())).isEmpty();
    assertThat(scanner.find(e.toString())).isEmpty();
    assertThat(scanner.find(stackTrace(e))).isEmpty();
    assertThat(e.getMessage()).contains("appkey=****").contains("signature=****");
  }

  @Test
  void anUnreadableBodyEchoingTheUrlIsMaskedToo() {
    echoTheSignedUrl(200);

    Throwable e = catchThrowable(() -> client.submit(Stub.validSubmit()));

    assertThat(e).isInstanceOf(IvhMalformedResponseException.class);
    assertThat(scanner.find(stackTrace(e))).isEmpty();
    assertThat(scanner.find(((IvhMalformedResponseException) e).bodyExcerpt())).isEmpty();
  }

  @Test
  void aBusinessErrorRepeatingTheAppKeyIsMasked() {
    server.enqueue(Stub.serviceError(4001, "UnauthorizedOperation: No project was created for this appkey "
        + TestSecrets.APP_KEY));

    IvhServiceException e = (IvhServiceException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    assertThat(e.serviceMessage()).endsWith("this appkey " + TestSecrets.APP_KEY.substring(0, 2) + "****");
    assertThat(scanner.find(stackTrace(e))).isEmpty();
  }

  @Test
  void answersWithoutTheAppKeyAreUntouched() {
    server.enqueue(Stub.success("https://cdn.example.com/x.mp4?sign=abc", "", 5));

    assertThat(client.getProgress(Stub.TASK_ID).mediaUrl()).isEqualTo("https://cdn.example.com/x.mp4?sign=abc");
  }

  @Test
  void everyAttemptIsLoggedAtDebugWithoutItsQuery() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    client.getProgress("task-debug-log");

    List<String> attempts = CapturedLogs.recent().stream()
        .filter(line -> line.startsWith("DEBUG") && line.contains("/getprogress ->")).toList();
    assertThat(attempts).isNotEmpty();
    assertThat(attempts).anyMatch(line -> line.contains("POST /v2/ivh/videomaker/broadcastservice/getprogress -> 503")
        && line.contains("(attempt 1 of 3)"));
    assertThat(attempts).anyMatch(line -> line.contains("-> 200 ok RequestID=req-MAKING-1")
        && line.contains("(attempt 2 of 3)") && line.matches(".* in \\d+ ms .*"));
    assertThat(attempts).noneMatch(line -> line.contains("?"));
  }

  @Test
  void toStringsNeverShowTheCredentials() {
    for (Object o : List.of(client, IvhClient.builder().appKey(TestSecrets.APP_KEY).accessToken(TestSecrets.ACCESS_TOKEN),
        client.withRetryPolicy(RetryPolicy.none()), WaitOptions.defaults(), RetryPolicy.defaults())) {
      assertThat(scanner.find(o.toString())).as(o.getClass().getName()).isEmpty();
    }
  }

  @Test
  void failedConnectionsDoNotLeakTheUrlQuery() throws IOException {
    int port = RetriesTest.freePort();
    try (IvhClient refused = Stub.client(server).endpoint("http://127.0.0.1:" + port + "/").build()) {
      Throwable e = catchThrowable(() -> refused.getProgress(Stub.TASK_ID));
      assertThat(e).isInstanceOf(IvhTransportException.class);
      assertThat(scanner.find(stackTrace(e))).isEmpty();
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
