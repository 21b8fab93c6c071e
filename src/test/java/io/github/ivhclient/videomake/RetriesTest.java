package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how often, after what delay, and what the exceptions report. */
class RetriesTest extends StubbedGatewayTest {



  @Test
  void progressIsRetriedAfter5xxAndReportsTheAttemptsItTook() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.status(500));
    server.enqueue(Stub.progress("MAKING", 40, 0));

    TaskSnapshot snapshot = client.getProgress(Stub.TASK_ID);

    assertThat(snapshot.state()).isEqualTo(TaskState.MAKING);
    assertThat(snapshot.requestId()).isEqualTo("req-MAKING-40");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void progressGivesUpAfterThreeAttemptsByDefault() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Stub.status(502));
    }

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.getMessage()).contains("after 3 attempts");
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void progressIsRetriedAfter429AndAnUnreadableBody() {
    server.enqueue(Stub.status(429));
    server.enqueue(Stub.json("<html>not json</html>"));
    server.enqueue(Stub.progress("COMMIT", 0, 3));

    assertThat(client.getProgress(Stub.TASK_ID).queuePosition()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void unreadableBodiesThatNeverStopEndAsMalformedWithTheAttemptCount() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Stub.json("{\"Header\":"));
    }

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhMalformedResponseException.class, e -> assertThat(e.attempts()).isEqualTo(3));
  }

  @Test
  void businessErrorsAndOther4xxAreNotRetried() {
    server.enqueue(Stub.serviceError(100014, "AssetConcurrencyQuotaNotFound"));
    server.enqueue(Stub.status(400));

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhServiceException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void timbreListingIsRetriedLikeProgress() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.json(Stub.envelope("r", "{\"TimbreAssets\":[],\"Total\":0}")));

    assertThat(client.listTimbres(1, 10, TimbreFilter.none()).total()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterInSecondsReplacesTheBackoff() {
    server.enqueue(Stub.status(429).setHeader("Retry-After", "1"));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    long started = System.nanoTime();
    client.getProgress(Stub.TASK_ID);

    // The policy's own backoff is 10 ms: only Retry-After explains a pause of a second.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsReadAgainstTheClientsClock() throws IOException {
    Instant now = Instant.parse("2026-01-05T10:00:00Z");
    client.close();
    client = Stub.client(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(now.plusSeconds(1), ZoneId.of("GMT")));
    server.enqueue(Stub.status(503).setHeader("Retry-After", inOneSecond));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    long started = System.nanoTime();
    client.getProgress(Stub.TASK_ID);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryAfterBeyondTheTotalTimeEndsTheCallAtOnce() {
    server.enqueue(Stub.status(503).setHeader("Retry-After", "3600"));

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterTooLongToCountEndsTheCallAtOnceToo() {
    // Seconds past a long of nanoseconds, more digits than a long holds, and a date centuries away.
    String[] values = {"9999999999", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"};
    for (String value : values) {
      server.enqueue(Stub.status(503).setHeader("Retry-After", value));
    }
    server.enqueue(Stub.progress("MAKING", 1, 0));

    long started = System.nanoTime();
    for (String value : values) {
      assertThatThrownBy(() -> client.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS)).as(value)
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void maxElapsedStopsRetriesBeforeMaxAttempts() {
    client.close();
    client = Stub.client(server).retryPolicy(RetryPolicy.builder().maxAttempts(10)
        .initialBackoff(Duration.ofMillis(300)).maxBackoff(Duration.ofMillis(300)).jitter(0)
        .maxElapsed(Duration.ofMillis(1_000)).build()).build();
    for (int i = 0; i < 10; i++) {
      server.enqueue(Stub.status(503));
    }

    // Retries start at about 300, 600 and 900 ms; one at 1200 ms would pass maxElapsed.
    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isBetween(2, 4));
    assertThat(server.getRequestCount()).isBetween(2, 4);
  }

  @Test
  void everyRetryIsSignedAfreshWithANewTimestamp() throws InterruptedException {
    AtomicLong seconds = new AtomicLong(1_700_000_000L);
    Clock ticking = new Clock() {
      @Override public ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochSecond(seconds.getAndAdd(7)); }
    };
    client.close();
    client = Stub.client(server).clock(ticking).build();
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    client.getProgress(Stub.TASK_ID);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getRequestUrl().queryParameter("timestamp"))
        .isNotEqualTo(second.getRequestUrl().queryParameter("timestamp"));
    assertThat(first.getRequestUrl().queryParameter("signature"))
        .isNotEqualTo(second.getRequestUrl().queryParameter("signature"));
    assertThat(second.getRequestUrl().queryParameterValues("signature")).hasSize(1);
  }

  @Test
  void aSubmitAnswered503IsSentExactlyOnceAndSaysTheTaskMayExist() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).contains("may or may not have been created");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSubmitAnswered429IsNotRetriedEither() {
    server.enqueue(Stub.status(429).setHeader("Retry-After", "0"));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit())).isInstanceOf(IvhHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSubmitCutAfterTheRequestIsSentExactlyOnce() {
    server.enqueue(Stub.submitted("t").setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> {
          assertThat(e.mayHaveReachedServer()).isTrue();
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).contains("may or may not have been created");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSubmitCutDuringItsBodyIsSentExactlyOnce() throws InterruptedException {
    server.enqueue(Stub.submitted("t").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_REQUEST_BODY));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    // The stub counts a cut request on its own thread, possibly after the client gave up: wait for it.
    awaitRequestCount(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private void awaitRequestCount(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.getRequestCount() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(100); // and give a second attempt, which must not come, the time to show up
  }

  @Test
  void aSubmitAnsweredWithAnUnreadableBodyIsNotRetried() {
    server.enqueue(Stub.json("{\"Header\":{\"Code\":0},\"Payload\":"));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhMalformedResponseException.class,
            e -> assertThat(e.getMessage()).contains("may or may not have been created"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSubmitToARefusedPortIsRetried() throws IOException {
    int port = freePort();
    try (IvhClient refused = Stub.client(server).endpoint("http://127.0.0.1:" + port + "/").build()) {
      assertThatThrownBy(() -> refused.submit(Stub.validSubmit()))
          .isInstanceOfSatisfying(IvhTransportException.class, e -> {
            assertThat(e.mayHaveReachedServer()).isFalse();
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage()).contains("never reached the server");
          });
    }
  }

  @Test
  void aSubmitRefusedOnceSucceedsWhenTheServerComesUpAndIsSentOnce() throws Exception {
    int port = freePort();
    try (MockWebServer late = new MockWebServer();
        IvhClient refusedFirst = Stub.client(server).endpoint("http://127.0.0.1:" + port + "/")
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1500)).jitter(0).build()).build()) {
      late.enqueue(Stub.submitted("task-after-refusal"));
      CompletableFuture<String> taskId = refusedFirst.submitAsync(Stub.validSubmit());
      Thread.sleep(300);
      late.start(port);

      assertThat(taskId.get(10, TimeUnit.SECONDS)).isEqualTo("task-after-refusal");
      assertThat(late.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aSubmitAnswerWithoutATaskIdNamesItsRequestIdAndAttempts() throws Exception {
    int port = freePort();
    try (MockWebServer late = new MockWebServer();
        IvhClient refusedFirst = Stub.client(server).endpoint("http://127.0.0.1:" + port + "/")
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1500)).jitter(0).build()).build()) {
      late.enqueue(Stub.json(Stub.envelope("req-no-task-id", "{\"TaskId\":\"\"}")));
      CompletableFuture<String> taskId = refusedFirst.submitAsync(Stub.validSubmit());
      Thread.sleep(300);
      late.start(port);

      assertThatThrownBy(() -> taskId.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
          .isInstanceOfSatisfying(IvhMalformedResponseException.class, e -> {
            assertThat(e.requestId()).isEqualTo("req-no-task-id");
            // The refused attempt, then the answered one.
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.getMessage()).contains("Payload.TaskId").contains("req-no-task-id");
          });
    }
  }

  @Test
  void aSubmitWhoseHostDoesNotResolveIsRetried() {
    AtomicInteger lookups = new AtomicInteger();
    OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
      lookups.incrementAndGet();
      throw new UnknownHostException(host);
    }).build();
    try (IvhClient unresolved = Stub.client(server).endpoint("https://gw.example.invalid/").okHttpClient(noDns).build()) {
      assertThatThrownBy(() -> unresolved.submit(Stub.validSubmit()))
          .isInstanceOfSatisfying(IvhTransportException.class, e -> {
            assertThat(e.mayHaveReachedServer()).isFalse();
            assertThat(e.attempts()).isEqualTo(3);
          });
    }
    assertThat(lookups).hasValue(3);
  }

  @Test
  void aSubmitWhoseTlsHandshakeFailsIsRetried() throws Exception {
    // A server that answers every ClientHello with a fatal handshake_failure alert.
    try (ServerSocket tls = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!tls.isClosed()) {
          try (Socket socket = tls.accept()) {
            connections.incrementAndGet();
            socket.getInputStream().read(new byte[512]);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      try (IvhClient handshakeFails = Stub.client(server)
          .endpoint("https://127.0.0.1:" + tls.getLocalPort() + "/").build()) {
        assertThatThrownBy(() -> handshakeFails.submit(Stub.validSubmit()))
            .isInstanceOfSatisfying(IvhTransportException.class, e -> {
              assertThat(e.mayHaveReachedServer()).isFalse();
              assertThat(e.attempts()).isEqualTo(3);
            });
      }
      assertThat(connections).hasValue(3);
    }
  }

  @Test
  void asyncCallsRetryOnTheSchedulerToo() throws Exception {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("SUCCESS", 100, 0));

    assertThat(client.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.SUCCESS);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anAsyncSubmitAnswered503IsSentOnce() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submitAsync(Stub.validSubmit()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingAnAsyncCallDropsTheRetryStillToCome() throws InterruptedException {
    server.enqueue(Stub.status(503).setHeader("Retry-After", "1"));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    CompletableFuture<TaskSnapshot> call = client.getProgressAsync(Stub.TASK_ID);
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(100);
    call.cancel(true);
    Thread.sleep(1_300);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptDuringABlockingBackoffEndsTheCallAndKeepsTheFlag() throws InterruptedException {
    server.enqueue(Stub.status(503).setHeader("Retry-After", "10"));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.getProgress(Stub.TASK_ID);
      } catch (RuntimeException e) {
        thrown.set(e);
        interrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(100);
    caller.interrupt();
    caller.join(5_000);

    assertThat(thrown.get()).isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(interrupted).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptBeforeTheAnswerEndsABlockingSubmitSayingTheTaskMayExist() throws InterruptedException {
    server.enqueue(Stub.submitted("late").setHeadersDelay(2, TimeUnit.SECONDS));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.submit(Stub.validSubmit());
      } catch (RuntimeException e) {
        thrown.set(e);
        interrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    caller.interrupt();
    caller.join(5_000);

    assertThat(thrown.get()).isInstanceOfSatisfying(IvhTransportException.class, e -> {
      assertThat(e.mayHaveReachedServer()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage()).contains("may or may not have been created");
    });
    assertThat(interrupted).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aClientWhoseBlockingCallWasInterruptedMidExchangeServesTheNextOne() throws InterruptedException {
    server.enqueue(Stub.progress("MAKING", 1, 0).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(Stub.progress("MAKING", 2, 0));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        client.getProgress(Stub.TASK_ID);
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    caller.interrupt();
    caller.join(5_000);

    // Ended by the interrupt, not by the late answer; its connection is dropped, not reused.
    assertThat(thrown.get()).isInstanceOfSatisfying(IvhTransportException.class,
        e -> assertThat(e.mayHaveReachedServer()).isTrue());
    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(2);
  }

  @Test
  void aBlockingCallOnTheClientsOwnThreadRunsThereInsteadOfWaitingForThePool() throws Exception {
    client.close();
    client = Stub.client(server).schedulerThreads(1).build();
    // Late, so the continuation below is attached before it completes and runs on the pool's thread.
    server.enqueue(Stub.progress("MAKING", 1, 0).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("MAKING", 2, 0));
    String testThread = Thread.currentThread().getName();
    AtomicReference<String> ranOn = new AtomicReference<>();

    // The pool's one thread makes a blocking call, which is retried once: were it waiting for the
    // pool, it would wait forever.
    TaskSnapshot inner = client.getProgressAsync(Stub.TASK_ID).thenApply(first -> {
      ranOn.set(Thread.currentThread().getName());
      return client.getProgress(Stub.TASK_ID);
    }).get(10, TimeUnit.SECONDS);

    assertThat(ranOn.get()).isNotEqualTo(testThread);
    assertThat(inner.progress()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBlockingWaitOnTheClientsOwnThreadFailsAtOnceInsteadOfHoldingIt() throws Exception {
    client.close();
    client = Stub.client(server).schedulerThreads(1).build();
    // Late, so the continuation below is attached before it completes and runs on the pool's thread.
    server.enqueue(Stub.progress("MAKING", 1, 0).setHeadersDelay(300, TimeUnit.MILLISECONDS));

    // The pool's one thread would wait for polls that need that very thread: without the check it hangs.
    CompletableFuture<TaskResult> nested = client.getProgressAsync(Stub.TASK_ID)
        .thenApply(first -> client.waitFor(Stub.TASK_ID, Stub.FAST_WAIT));

    assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client's own threads").hasMessageContaining("waitForAsync");
    assertThat(server.getRequestCount()).isEqualTo(1);

    // The same wait from the caller's thread, and composed on the pool's, polls as usual.
    server.enqueue(Stub.success("https://127.0.0.1/v.mp4", "", 1000));
    assertThat(client.waitFor(Stub.TASK_ID, Stub.FAST_WAIT).state()).isEqualTo(TaskState.SUCCESS);
    server.enqueue(Stub.progress("MAKING", 1, 0).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    server.enqueue(Stub.success("https://127.0.0.1/v.mp4", "", 1000));
    assertThat(client.getProgressAsync(Stub.TASK_ID)
        .thenCompose(first -> client.waitForAsync(Stub.TASK_ID, Stub.FAST_WAIT)).get(10, TimeUnit.SECONDS).state())
        .isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void aBlockingCallsFailureShowsWhereItWasCalled() {
    server.enqueue(Stub.serviceError(10010, "bad"));

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID)).isInstanceOfSatisfying(IvhServiceException.class,
        e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("getProgress was called here"));
  }

  @Test
  void aClosedClientFailsNewWaitsInsteadOfHanging() {
    client.close();

    assertThatThrownBy(() -> client.waitForAsync(Stub.TASK_ID, Stub.FAST_WAIT).get(5, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class).hasMessageContaining("the client was closed");
    assertThatThrownBy(() -> client.getProgressAsync(Stub.TASK_ID).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CancellationException.class)
        .hasMessageContaining("the client was closed before getProgress completed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aPerCallPolicyOverridesTheClients() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("MAKING", 1, 0));

    IvhClient once = client.withRetryPolicy(RetryPolicy.none());
    assertThatThrownBy(() -> once.getProgress(Stub.TASK_ID)).isInstanceOf(IvhHttpException.class);
    once.close();
    // The view's close leaves the client working, with its own policy.
    assertThat(client.getProgress(Stub.TASK_ID).state()).isEqualTo(TaskState.MAKING);
    assertThat(client.retryPolicy()).isEqualTo(Stub.FAST_RETRIES);
  }

  @Test
  void policiesRejectNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(-1)))
        .hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(20)).build())
        .hasMessageContaining("maxBackoff");
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults().toBuilder().maxAttempts(5).build().maxAttempts()).isEqualTo(5);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
