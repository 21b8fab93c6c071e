package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ivhclient.videomake.testlog.LeakScanner;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.util.concurrent.CompletionException;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** A gateway answer that repeats the client's app key never carries it into an exception, on any path. */
class AppKeyEchoTest extends StubbedGatewayTest {
  private static final String ECHO = "UnauthorizedOperation: No project was created for this appkey " + TestSecrets.APP_KEY;
  private static final String MASKED = "this appkey " + TestSecrets.APP_KEY.substring(0, 2) + "****";

  private final LeakScanner scanner = LeakScanner.forTestSecrets();

  @Test
  void aBlockingCallsServiceErrorIsMasked() {
    server.enqueue(Stub.serviceError(4001, ECHO));

    IvhServiceException e = (IvhServiceException) catchThrowable(() -> client.submit(Stub.validSubmit()));

    assertMasked(e);
    assertThat(e.serviceMessage()).endsWith(MASKED);
  }

  @Test
  void anAsynchronousCallsServiceErrorIsMasked() {
    server.enqueue(Stub.serviceError(4001, ECHO));
    server.enqueue(Stub.serviceError(4001, ECHO));

    Throwable progress = catchThrowable(() -> client.getProgressAsync(Stub.TASK_ID).join());
    Throwable timbres = catchThrowable(() -> client.listTimbresAsync(1, 10, TimbreFilter.none()).join());

    for (Throwable wrapped : new Throwable[] {progress, timbres}) {
      assertThat(wrapped).isInstanceOf(CompletionException.class);
      IvhServiceException e = (IvhServiceException) wrapped.getCause();
      assertMasked(e);
      assertThat(e.serviceMessage()).endsWith(MASKED);
    }
  }

  @Test
  void anHttpErrorExcerptIsMaskedBlockingAndAsynchronously() {
    String body = "{\"Header\":{\"Code\":403,\"Message\":\"" + ECHO + "\",\"RequestID\":\"req-403\"}}";
    server.enqueue(new MockResponse().setResponseCode(403).setBody(body));
    server.enqueue(new MockResponse().setResponseCode(403).setBody(body));

    IvhHttpException blocking = (IvhHttpException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));
    IvhHttpException async = (IvhHttpException) catchThrowable(() -> client.submitAsync(Stub.validSubmit()).join())
        .getCause();

    for (IvhHttpException e : new IvhHttpException[] {blocking, async}) {
      assertMasked(e);
      assertThat(e.bodyExcerpt()).contains(MASKED).doesNotContain(TestSecrets.APP_KEY);
      assertThat(e.requestId()).isEqualTo("req-403");
    }
  }

  @Test
  void aShortKeyIsMaskedOnlyWhereItStandsAsAWholeToken() {
    try (IvhClient shortKey = Stub.client(server).appKey("a").build()) {
      server.enqueue(new MockResponse().setResponseCode(400)
          .setBody("<head>a bad request</head> for appkey a, (a) a_1 ?appkey=a&x=a"));

      IvhHttpException e = (IvhHttpException) catchThrowable(() -> shortKey.getProgress(Stub.TASK_ID));

      assertThat(e.bodyExcerpt()).isEqualTo("<head>**** bad request</head> for appkey ****, (****) ****_1 ?appkey=****&x=****");
      assertThat(e.getMessage()).contains("<head>**** bad request</head>");
    }
  }

  @Test
  void theKeyNextToChineseTextOrPunctuationIsStillMasked() {
    server.enqueue(Stub.serviceError(4001, "没有为" + TestSecrets.APP_KEY + "创建项目。key=" + TestSecrets.APP_KEY + "."));

    IvhServiceException e = (IvhServiceException) catchThrowable(() -> client.getProgress(Stub.TASK_ID));

    String masked = TestSecrets.APP_KEY.substring(0, 2) + "****";
    assertThat(e.serviceMessage()).isEqualTo("没有为" + masked + "创建项目。key=" + masked + ".");
    assertThat(scanner.find(e.getMessage())).isEmpty();
  }

  @Test
  void aLongerTokenThatMerelyContainsTheKeyIsLeftAlone() {
    try (IvhClient shortKey = Stub.client(server).appKey("ab12").build()) {
      server.enqueue(Stub.serviceError(4001, "tab123 xab12 ab12"));

      IvhServiceException e = (IvhServiceException) catchThrowable(() -> shortKey.getProgress(Stub.TASK_ID));

      assertThat(e.serviceMessage()).isEqualTo("tab123 xab12 ****");
    }
  }

  private void assertMasked(IvhException e) {
    assertThat(e.getMessage()).contains(MASKED);
    assertThat(scanner.find(e.getMessage())).isEmpty();
    assertThat(scanner.find(e.toString())).isEmpty();
  }
}
