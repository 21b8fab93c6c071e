package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Per-call options: a {@link IvhClient#withOptions} view's timeouts and extra headers. */
class CallOptionsTest extends StubbedGatewayTest {
  private static final CallOptions BATCH = CallOptions.builder()
      .header("X-Request-Source", "batch")
      .header("X-Tenant", "t-42")
      .build();

  @Test
  void extraHeadersReachTheServerOnSubmitAndGetProgressAndTheBaseClientSendsNone() throws Exception {
    IvhClient batch = client.withOptions(BATCH);
    server.enqueue(Stub.submitted("t"));
    server.enqueue(Stub.progress("MAKING", 1, 0));
    server.enqueue(Stub.progress("MAKING", 2, 0));

    assertThat(batch.submit(Stub.validSubmit())).isEqualTo("t");
    assertThat(batch.getProgress(Stub.TASK_ID).progress()).isEqualTo(1);
    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(2);

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request.getHeader("X-Request-Source")).isEqualTo("batch");
      assertThat(request.getHeader("X-Tenant")).isEqualTo("t-42");
      // Still signed, and the body's Content-Type is Retrofit's.
      assertThat(request.getRequestUrl().queryParameter("signature")).isNotEmpty();
      assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }
    RecordedRequest plain = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(plain.getHeader("X-Request-Source")).isNull();
    assertThat(plain.getHeader("X-Tenant")).isNull();
  }

  @Test
  void aViewsWaitPollsWithItsHeaders() throws Exception {
    server.enqueue(Stub.progress("MAKING", 50, 0));
    server.enqueue(Stub.success("https://cdn.example.com/v.mp4", "", 1000));

    client.withOptions(BATCH).waitFor(Stub.TASK_ID, Stub.FAST_WAIT);

    assertThat(server.getRequestCount()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Request-Source")).isEqualTo("batch");
    }
  }

  @Test
  void headersTheClientSetsItselfAreRefusedByName() {
    for (String name : new String[] {"Content-Type", "content-length", "HOST", "Transfer-Encoding", "Accept-Encoding"}) {
      assertThatThrownBy(() -> CallOptions.builder().header(name, "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("header " + name)
          .hasMessageContaining("set by the client itself");
    }
  }

  @Test
  void namesAndValuesOkHttpRefusesAreRefusedWithoutShowingTheValue() {
    assertThatThrownBy(() -> CallOptions.builder().header("X Bad", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"X Bad\"").hasMessageContaining("U+0020");
    assertThatThrownBy(() -> CallOptions.builder().header("X-Bad\n", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"X-Bad\\u000A\"");
    assertThatThrownBy(() -> CallOptions.builder().header("X-é", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
    assertThatThrownBy(() -> CallOptions.builder().header("", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name is empty");
    assertThatThrownBy(() -> CallOptions.builder().header("X-Secret", "s3cr3t\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header X-Secret").hasMessageContaining("U+000D")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    assertThatThrownBy(() -> CallOptions.builder().header("X-Long", "a".repeat(CallOptions.MAX_HEADER_VALUE_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header X-Long is too long");
    assertThatThrownBy(() -> CallOptions.builder().header(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CallOptions.builder().header("X-Null", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("X-Null");
    // A tab and visible ASCII pass, as OkHttp accepts them.
    assertThat(CallOptions.builder().header("X-Ok", "a\tb ~").build().headers()).containsEntry("X-Ok", "a\tb ~");
  }

  @Test
  void headerCountIsBoundedAndASameNameInAnyCaseReplaces() {
    CallOptions.Builder b = CallOptions.builder();
    for (int i = 0; i < CallOptions.MAX_HEADERS; i++) {
      b.header("X-H" + i, "v");
    }
    b.header("x-h0", "again");
    assertThatThrownBy(() -> b.header("X-One-Too-Many", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + CallOptions.MAX_HEADERS);
    CallOptions built = b.build();
    assertThat(built.headers()).hasSize(CallOptions.MAX_HEADERS).containsEntry("x-h0", "again").doesNotContainKey("X-H0");
    assertThatThrownBy(() -> built.headers().put("X-More", "v")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void timeoutsArePositiveAndBounded() {
    assertThatThrownBy(() -> CallOptions.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout must be positive");
    assertThatThrownBy(() -> CallOptions.builder().readTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> CallOptions.builder().connectTimeout(WaitOptions.MAX_DURATION.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout is too long");
    assertThatThrownBy(() -> CallOptions.builder().callTimeout(null)).isInstanceOf(NullPointerException.class);
    CallOptions set = CallOptions.builder().callTimeout(Duration.ofSeconds(5)).connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2)).build();
    assertThat(set.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(set.toBuilder().build().readTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(CallOptions.none().callTimeout()).isNull();
    assertThat(CallOptions.none().headers()).isEmpty();
  }

  @Test
  void toStringShowsHeaderNamesNeverValues() {
    CallOptions options = CallOptions.builder().callTimeout(Duration.ofSeconds(5))
        .header("X-Proxy-Token", "very-secret-value").build();

    assertThat(options.toString()).contains("X-Proxy-Token").contains("PT5S").doesNotContain("very-secret-value");
    assertThat(client.withOptions(options).toString()).doesNotContain("very-secret-value");
  }

  @Test
  void aViewsShortCallTimeoutEndsASlowAnswerWhileTheBaseClientWaitsForIt() {
    IvhClient impatient = client.withOptions(CallOptions.builder().callTimeout(Duration.ofMillis(200)).build())
        .withRetryPolicy(RetryPolicy.none());
    // A first call (the views share the connection pool) opens the connection and runs the code path
    // once, so the 200 ms below go to the slow answer, not to a cold start (under load it once took them all).
    server.enqueue(Stub.progress("MAKING", 0, 0));
    client.getProgress(Stub.TASK_ID);
    server.enqueue(Stub.progress("MAKING", 1, 0).setBodyDelay(2, TimeUnit.SECONDS));
    server.enqueue(Stub.progress("MAKING", 2, 0).setBodyDelay(2, TimeUnit.SECONDS));

    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    // Ended by its 200 ms deadline, well before the body's 2 s delay.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));

    // The base client's 30 s default lets the same slow answer arrive.
    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(2);
  }

  @Test
  void aRetriedCallOfAViewEndsByTheLongerOfMaxElapsedAndItsCallTimeout() {
    IvhClient view = client.withOptions(CallOptions.builder().callTimeout(Duration.ofMillis(200)).build())
        .withRetryPolicy(Stub.FAST_RETRIES.toBuilder().maxAttempts(10).maxElapsed(Duration.ofMillis(300)).build());
    for (int i = 0; i < 10; i++) {
      server.enqueue(Stub.progress("MAKING", 1, 0).setBodyDelay(2, TimeUnit.SECONDS));
    }

    long start = System.nanoTime();
    assertThatThrownBy(() -> view.getProgress(Stub.TASK_ID)).isInstanceOf(IvhTransportException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    assertThat(server.getRequestCount()).isBetween(1, 3);
  }

  @Test
  void viewsComposeWithRetryPolicyAndValidationModeInEitherOrder() throws Exception {
    IvhClient optionsThenPolicy = client.withOptions(BATCH).withRetryPolicy(RetryPolicy.none());
    IvhClient policyThenOptions = client.withRetryPolicy(RetryPolicy.none()).withOptions(BATCH)
        .withValidationMode(ValidationMode.WARN_ONLY);

    for (IvhClient view : new IvhClient[] {optionsThenPolicy, policyThenOptions}) {
      assertThat(view.callOptions()).isSameAs(BATCH);
      assertThat(view.retryPolicy()).isSameAs(RetryPolicy.none());
      server.enqueue(Stub.status(503));
      server.enqueue(Stub.progress("MAKING", 9, 0));
      int before = server.getRequestCount();

      assertThatThrownBy(() -> view.getProgress(Stub.TASK_ID)).isInstanceOf(IvhHttpException.class);
      assertThat(server.getRequestCount() - before).isEqualTo(1);
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Request-Source")).isEqualTo("batch");
      assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(9);
      server.takeRequest(5, TimeUnit.SECONDS);
    }
    assertThat(policyThenOptions.validationMode()).isEqualTo(ValidationMode.WARN_ONLY);
    assertThat(client.callOptions()).isSameAs(CallOptions.none());
  }

  @Test
  void aViewsOptionsReplaceThoseOfTheViewItWasMadeFrom() throws Exception {
    CallOptions other = CallOptions.builder().header("X-Other", "o").build();
    server.enqueue(Stub.progress("MAKING", 1, 0));

    client.withOptions(BATCH).withOptions(other).getProgress(Stub.TASK_ID);

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeader("X-Other")).isEqualTo("o");
    assertThat(request.getHeader("X-Request-Source")).isNull();
  }

  @Test
  void closingAViewLeavesTheClientAndTheViewUsable() throws Exception {
    IvhClient view = client.withOptions(BATCH);
    view.close();
    server.enqueue(Stub.progress("MAKING", 1, 0));
    server.enqueue(Stub.progress("MAKING", 2, 0));

    assertThat(client.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS).progress()).isEqualTo(1);
    assertThat(view.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS).progress()).isEqualTo(2);
  }

  @Test
  void closingTheClientEndsAViewsWait() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("MAKING", 10, 0);
      }
    });
    CompletableFuture<TaskResult> wait = client.withOptions(BATCH).waitForAsync(Stub.TASK_ID, Stub.FAST_WAIT);
    server.takeRequest(5, TimeUnit.SECONDS);

    client.close();

    assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class).hasMessageStartingWith("the client was closed: stopped waiting");
  }
}
