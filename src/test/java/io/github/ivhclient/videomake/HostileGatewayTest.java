package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Fault injection against the facade: a gateway that asks OkHttp to re-send (503 with
 * {@code Retry-After: 0}), redirects to another host, or drips its answer. Requests are counted
 * on the servers: one call's attempts are exactly the requests sent, and no redirect is followed.
 */
class HostileGatewayTest extends StubbedGatewayTest {
  /** "Another host": a second server on another loopback address. */
  private MockWebServer elsewhere;

  @BeforeEach
  void startElsewhere() throws IOException {
    elsewhere = new MockWebServer();
    elsewhere.start(InetAddress.getByName("127.0.0.2"), 0);
  }

  @AfterEach
  void stopElsewhere() throws IOException {
    elsewhere.shutdown();
  }

  @Test
  void aSubmitAnswered503WithRetryAfterZeroIsSentOnce() {
    server.enqueue(Stub.status(503).setHeader("Retry-After", "0"));
    server.enqueue(Stub.submitted("second-billed-task"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAsyncSubmitAnswered503WithRetryAfterZeroIsSentOnce() {
    server.enqueue(Stub.status(503).setHeader("Retry-After", "0"));
    server.enqueue(Stub.submitted("second-billed-task"));

    CompletableFuture<String> submit = client.submitAsync(Stub.validSubmit());

    assertThatThrownBy(submit::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IvhHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReadsAttemptsAreTheRequestsSentEvenWithRetryAfterZero() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(Stub.status(503).setHeader("Retry-After", "0"));
    }

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryAfterZeroStillShortensTheRetryPolicysOwnPause() {
    client.close();
    client = Stub.client(server).retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(20))
        .maxBackoff(Duration.ofSeconds(20)).build()).build();
    server.enqueue(Stub.status(503).setHeader("Retry-After", "0"));
    server.enqueue(Stub.progress("MAKING", 5, 0));

    long started = System.nanoTime();
    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(5);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectedSubmitIsNotFollowedAndNamesTheOtherHost(int status) {
    server.enqueue(redirectElsewhere(status));
    elsewhere.enqueue(Stub.submitted("from-another-host"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).contains("redirect to 127.0.0.2:" + elsewhere.getPort()).contains("not followed");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 307})
  void aRedirectedProgressQueryIsNeitherFollowedNorRetried(int status) {
    server.enqueue(redirectElsewhere(status));
    elsewhere.enqueue(Stub.success("https://elsewhere.example/v.mp4", "", 1000));

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aRedirectLoopIsOneRequest() {
    for (int i = 0; i < 25; i++) {
      server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", server.url("/loop")));
    }

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.getMessage())
            .contains("redirect to " + server.getHostName() + ":" + server.getPort()));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectWithoutLocationSaysSo() {
    server.enqueue(new MockResponse().setResponseCode(302));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .hasMessageContaining("redirect without a readable Location");
  }

  @Test
  void aDrippingAnswerEndsAtTheCallTimeoutAndTheWholeCallAtItsTotalTime() {
    client.close();
    client = Stub.client(server).callTimeout(Duration.ofMillis(400))
        .retryPolicy(Stub.FAST_RETRIES.toBuilder().maxAttempts(50).maxElapsed(Duration.ofMillis(1500)).build())
        .build();
    for (int i = 0; i < 50; i++) {
      server.enqueue(Stub.progress("MAKING", 1, 0).throttleBody(1, 1, TimeUnit.SECONDS));
    }

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> assertThat(e.attempts()).isBetween(2, 10));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    // Per attempt 400 ms, in all 1.5 s: generous upper bound for a loaded machine, far below 50 drips.
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void aStalledSubmitEndsAtTheCallTimeoutAndIsNotRepeated() {
    client.close();
    client = Stub.client(server).callTimeout(Duration.ofMillis(400)).build();
    // (MockWebServer's throttle also slows its reading of the request, which would then never be counted.)
    server.enqueue(Stub.submitted("t").setHeadersDelay(3, TimeUnit.SECONDS));
    server.enqueue(Stub.submitted("second-billed-task"));

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theDefaultDeadlineOfAnAttemptIsAtMostAMinute() {
    assertThat(IvhClient.DEFAULT_CALL_TIMEOUT).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void durationsTooLongToRepresentAreRefusedWhereGiven() {
    assertThatThrownBy(() -> WaitOptions.builder().timeout(Duration.ofDays(365L * 1000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout is too long")
        .hasMessageContaining("at most 36500 days");
    assertThatThrownBy(() -> RetryPolicy.builder().maxElapsed(Duration.ofDays(365L * 1000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxElapsed is too long");
    assertThatThrownBy(() -> IvhClient.builder().callTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout is too long");
  }

  @Test
  void theLongestWaitAcceptedStartsAndIsCancelledWithoutOverflow() {
    server.enqueue(Stub.progress("MAKING", 1, 0));
    CompletableFuture<TaskResult> wait = client.waitForAsync(Stub.TASK_ID,
        Stub.FAST_WAIT.toBuilder().timeout(WaitOptions.MAX_DURATION).build());

    assertThat(wait.isCompletedExceptionally()).isFalse();
    wait.cancel(true);
    assertThat(wait).isCancelled();
  }

  @Test
  void aSignatureEchoedUnderAnotherNameIsMasked() {
    AtomicReference<String> sent = new AtomicReference<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String signature = request.getRequestUrl().queryParameter("signature");
        sent.set(signature);
        return Stub.serviceError(40003, "bad sig=" + signature + " raw " + request.getRequestUrl().encodedQuery());
      }
    });

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhServiceException.class, e -> {
          assertThat(sent.get()).hasSizeGreaterThan(16);
          assertThat(e.getMessage()).doesNotContain(sent.get())
              .doesNotContain(URLEncoder.encode(sent.get(), StandardCharsets.UTF_8)).contains("sig=");
        });
  }

  @Test
  void aFractionalProgressDoesNotEndAWait() {
    server.enqueue(Stub.json(Stub.envelope("r1", "{\"Status\":\"MAKING\",\"Progress\":42.5,\"ArrayCount\":0}")));
    server.enqueue(Stub.success("https://cdn.example.com/v.mp4", "", 1000));
    List<Integer> seen = new CopyOnWriteArrayList<>();

    TaskResult result = client.waitFor(Stub.TASK_ID,
        Stub.FAST_WAIT.toBuilder().listener(s -> seen.add(s.progress())).build());

    assertThat(result.mediaUrl()).isEqualTo("https://cdn.example.com/v.mp4");
    assertThat(seen).startsWith(42);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aResponseWithADuplicateKeyIsMalformedLikeACallback() {
    String twice = "{\"Header\":{\"Code\":0,\"RequestID\":\"r\"},\"Payload\":{\"Status\":\"MAKING\","
        + "\"Status\":\"SUCCESS\",\"Progress\":1}}";
    for (int i = 0; i < 3; i++) {
      server.enqueue(Stub.json(twice));
    }

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOf(IvhMalformedResponseException.class)
        .hasMessageContaining("a key appears twice in one object: 'Status' at $.Payload");
    assertThatThrownBy(() -> new CallbackParser().parse(twice.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IvhCallbackException.class)
        .hasMessageContaining("a key appears twice in one object: 'Status' at $.Payload");
  }

  @Test
  void aCallbackBodyWithAByteOrderMarkIsReadLikeAResponse() {
    byte[] body = ("\uFEFF{\"Payload\":{\"TaskId\":\"t\",\"Status\":\"SUCCESS\",\"Progress\":100,"
        + "\"MediaUrl\":\"https://cdn.example.com/v.mp4\"}}").getBytes(StandardCharsets.UTF_8);

    assertThat(new CallbackParser().parse(body).mediaUrl()).isEqualTo("https://cdn.example.com/v.mp4");
  }

  @Test
  void aCallersOkHttpClientCannotBringRedirectsOrReSendsBack() throws IOException {
    client.close();
    OkHttpClient eager = new OkHttpClient.Builder()
        .followRedirects(true)
        .retryOnConnectionFailure(true)
        .authenticator((route, response) -> response.request().newBuilder().header("Authorization", "x").build())
        .build();
    client = Stub.client(server).okHttpClient(eager).build();
    server.enqueue(redirectElsewhere(307));
    server.enqueue(Stub.status(401));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(307));
    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void anInterceptorThatSendsTwiceIsStoppedAtTheSecondSend() throws IOException {
    client.close();
    OkHttpClient twice = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          chain.proceed(chain.request()).close();
          return chain.proceed(chain.request());
        })
        .build();
    client = Stub.client(server).okHttpClient(twice).build();
    server.enqueue(Stub.submitted("first"));
    server.enqueue(Stub.submitted("second-billed-task"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> {
          assertThat(e.mayHaveReachedServer()).isTrue();
          assertThat(e.getMessage()).contains("refused to send the request a second time");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private MockResponse redirectElsewhere(int status) {
    return new MockResponse().setResponseCode(status).setHeader("Location", elsewhere.url("/v1/stolen"));
  }
}
