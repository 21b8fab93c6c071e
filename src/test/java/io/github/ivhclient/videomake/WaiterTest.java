package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.testlog.CapturedLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting for a task: its end, its failure, the listener, transient errors, cancellation. */
class WaiterTest extends StubbedGatewayTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private final List<TaskSnapshot> heard = new CopyOnWriteArrayList<>();
  private WaitOptions options;

  @Override
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder.clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @BeforeEach
  void listen() {
    options = Stub.FAST_WAIT.toBuilder().listener(heard::add).build();
  }


  @Test
  void succeedsAfterQueueingAndTellsTheListenerEachChange() throws InterruptedException {
    server.enqueue(Stub.progress("COMMIT", 0, 2));
    server.enqueue(Stub.progress("COMMIT", 0, 2));
    server.enqueue(Stub.progress("COMMIT", 0, 1));
    server.enqueue(Stub.progress("MAKING", 10, 0));
    server.enqueue(Stub.progress("MAKING", 60, 0));
    server.enqueue(Stub.success("https://cdn.example.com/out.mp4", "https://cdn.example.com/out.srt", 12_500));

    TaskResult result = client.waitFor(Stub.TASK_ID, options);

    assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(result.taskId()).isEqualTo(Stub.TASK_ID);
    assertThat(result.mediaUrl()).isEqualTo("https://cdn.example.com/out.mp4");
    assertThat(result.subtitlesUrl()).isEqualTo("https://cdn.example.com/out.srt");
    assertThat(result.duration()).isEqualTo(Duration.ofMillis(12_500));
    assertThat(result.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(server.getRequestCount()).isEqualTo(6);
    // The repeated COMMIT/2 answer is not a change.
    assertThat(heard).extracting(s -> s.rawStatus() + "/" + s.queuePosition() + "/" + s.progress())
        .containsExactly("COMMIT/2/0", "COMMIT/1/0", "MAKING/0/10", "MAKING/0/60", "SUCCESS/0/100");
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"TaskId\":\"" + Stub.TASK_ID + "\"");
  }

  @Test
  void statusChangesAreLoggedAtInfo() {
    server.enqueue(Stub.progress("COMMIT", 0, 1));
    server.enqueue(Stub.progress("MAKING", 50, 0));
    server.enqueue(Stub.success("https://cdn.example.com/a.mp4", "", 1000));

    client.waitFor("task-logged", options);

    assertThat(CapturedLogs.recent()).filteredOn(line -> line.startsWith("INFO") && line.contains("task-logged"))
        .anyMatch(line -> line.contains("status COMMIT"))
        .anyMatch(line -> line.contains("status MAKING"))
        .anyMatch(line -> line.contains("status SUCCESS"));
  }

  @Test
  void aFailedTaskEndsTheWaitWithItsCodeAndMessage() {
    server.enqueue(Stub.progress("MAKING", 20, 0));
    server.enqueue(Stub.failed(4003, "template video unreadable"));

    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, options))
        .isInstanceOfSatisfying(IvhTaskFailedException.class, e -> {
          assertThat(e.taskId()).isEqualTo(Stub.TASK_ID);
          assertThat(e.failCode()).isEqualTo(4003);
          assertThat(e.failMessage()).isEqualTo("template video unreadable");
          assertThat(e.result().state()).isEqualTo(TaskState.FAIL);
          assertThat(e.requestId()).isEqualTo("req-fail");
          assertThat(e.getMessage()).contains("FailCode=4003").contains("template video unreadable");
          // Two polls: the MAKING one and the FAIL one.
          assertThat(e.attempts()).isEqualTo(2);
          assertThat(e.getMessage()).endsWith("after 2 progress queries").doesNotContain("attempts");
        });
  }

  @Test
  void aBlockingWaitsFailureShowsTheCallersFrame() {
    server.enqueue(Stub.failed(4003, "template video unreadable"));

    assertThatThrownBy(this::waitHere).isInstanceOfSatisfying(IvhTaskFailedException.class, e -> {
      // The failure is made on a client thread; the suppressed CallerFrame carries the caller's frames.
      assertThat(e.getStackTrace()).noneMatch(frame -> frame.getMethodName().equals("waitHere"));
      assertThat(e.getSuppressed()).singleElement().satisfies(frame -> {
        assertThat(frame).hasMessage("waitFor(" + Stub.TASK_ID + ") was called here");
        assertThat(frame.getStackTrace()).anyMatch(f -> f.getMethodName().equals("waitHere"));
      });
    });
  }

  private void waitHere() {
    client.waitFor(Stub.TASK_ID, options);
  }

  @Test
  void aCancelledWaitSaysSoThroughEveryWayOfReadingTheFuture() {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("COMMIT", 0, 9);
      }
    });
    CompletableFuture<TaskResult> wait = client.waitForAsync("task-read", options);
    wait.cancel(false);
    String message = "stopped waiting for task task-read; the task on the server goes on";

    // JDK 23+ replace a cancellation's message with "get"/"join" in CompletableFuture; the wait's does not.
    assertThatThrownBy(wait::get).isInstanceOf(CancellationException.class).hasMessage(message);
    assertThatThrownBy(() -> wait.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
        .hasMessage(message);
    assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class).hasMessage(message);
    assertThatThrownBy(() -> wait.getNow(null)).isInstanceOf(CancellationException.class).hasMessage(message);
    assertThat(wait.isCancelled()).isTrue();
  }

  @Test
  void transientPollErrorsDoNotEndTheWait() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("COMMIT", 0, 1));
    server.enqueue(Stub.status(500));
    server.enqueue(Stub.json("garbage"));
    // OkHttp no longer re-sends after a dropped connection by itself: the third attempt answers.
    server.enqueue(Stub.progress("MAKING", 40, 0));
    server.enqueue(Stub.progress("MAKING", 50, 0).setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(Stub.success("https://cdn.example.com/b.mp4", "", 1));

    assertThat(client.waitFor(Stub.TASK_ID, options).mediaUrl()).isEqualTo("https://cdn.example.com/b.mp4");
  }

  @Test
  void aPollThatFailsBeyondTheRetryPolicyEndsTheWait() {
    server.enqueue(Stub.progress("MAKING", 5, 0));
    for (int i = 0; i < 3; i++) {
      server.enqueue(Stub.status(503));
    }
    server.enqueue(Stub.success("https://never", "", 1));

    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, options))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aWaitsOwnRetryPolicyWins() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.success("https://never", "", 1));

    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, options.toBuilder().retryPolicy(RetryPolicy.none()).build()))
        .isInstanceOfSatisfying(IvhHttpException.class, e -> assertThat(e.attempts()).isEqualTo(1));
  }

  @Test
  void aGatewayErrorOnAPollEndsTheWaitAtOnce() {
    server.enqueue(Stub.serviceError(20001, "task not found"));

    assertThatThrownBy(() -> client.waitFor("no-such-task", options)).isInstanceOf(IvhServiceException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownStatusKeepsTheWaitGoing() {
    server.enqueue(Stub.progress("PAUSED", 10, 0));
    server.enqueue(Stub.progress("RENDERING_HD", 70, 0));
    server.enqueue(Stub.success("https://cdn.example.com/c.mp4", "", 1));

    assertThat(client.waitFor(Stub.TASK_ID, options).isSuccess()).isTrue();
    assertThat(heard).hasSize(3);
    assertThat(heard.get(0).state()).isEqualTo(TaskState.UNKNOWN);
  }

  @Test
  void aThrowingListenerDoesNotEndTheWait() {
    server.enqueue(Stub.progress("MAKING", 10, 0));
    server.enqueue(Stub.success("https://cdn.example.com/d.mp4", "", 1));

    TaskResult result = client.waitFor(Stub.TASK_ID, options.toBuilder().listener(s -> {
      throw new IllegalStateException("listener bug");
    }).build());

    assertThat(result.isSuccess()).isTrue();
  }

  @Test
  void cancellingStopsPollingAbandonsTheCallInFlightAndSaysTheTaskGoesOn() throws Exception {
    server.enqueue(Stub.progress("MAKING", 10, 0));
    // The second poll hangs: cancelling must abandon it.
    server.enqueue(Stub.progress("MAKING", 20, 0).setSocketPolicy(SocketPolicy.NO_RESPONSE));

    CompletableFuture<TaskResult> wait = client.waitForAsync("task-cancelled", options);
    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest hanging = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hanging).isNotNull();

    assertThat(wait.cancel(true)).isTrue();
    Thread.sleep(200);

    assertThat(wait.isCancelled()).isTrue();
    assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class)
        .hasMessage("stopped waiting for task task-cancelled; the task on the server goes on");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(CapturedLogs.recent()).anyMatch(line -> line.startsWith("INFO")
        && line.contains("stopped waiting for task task-cancelled; the task on the server goes on"));
  }

  @Test
  void interruptingABlockingWaitStopsPollingAndKeepsTheInterrupt() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("MAKING", 10, 0);
      }
    });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread waiting = new Thread(() -> {
      try {
        client.waitFor("task-interrupted", options);
      } catch (RuntimeException e) {
        thrown.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    waiting.start();
    assertThat(server.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS)).as("a first poll").isNotNull();
    waiting.interrupt();
    waiting.join(5_000);

    assertThat(thrown.get()).isInstanceOf(CancellationException.class)
        .hasMessageContaining("the task on the server goes on");
    assertThat(stillInterrupted.get()).isTrue();
    int polls = server.getRequestCount();
    // Polls come every 5-20 ms: a waiter still polling would show ten more in this window. One
    // poll already on the wire when the interrupt came may be counted late, so it is allowed.
    Thread.sleep(200);
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(polls + 1);
  }

  @Test
  void closingTheClientCancelsPendingWaits() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("COMMIT", 0, 9);
      }
    });
    CompletableFuture<TaskResult> wait = client.waitForAsync(Stub.TASK_ID, options);
    server.takeRequest(5, TimeUnit.SECONDS);

    client.close();

    assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
        .hasMessage("the client was closed: stopped waiting for task " + Stub.TASK_ID
            + "; the task on the server goes on");
  }

  @Test
  void closingTheClientEndsABlockingWaitWithTheSameMessage() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("COMMIT", 0, 9);
      }
    });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread waiting = new Thread(() -> {
      try {
        client.waitFor("task-blocked", options);
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    waiting.start();
    server.takeRequest(5, TimeUnit.SECONDS);

    client.close();
    waiting.join(5_000);

    assertThat(thrown.get()).isInstanceOf(CancellationException.class)
        .hasMessage("the client was closed: stopped waiting for task task-blocked; the task on the server goes on");
    // Thrown again on the waiting thread, so the trace shows where the caller waited.
    assertThat(thrown.get().getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("waitFor"));
  }

  @Test
  void cancelledQueuedWaitsTakeNoPollSlotFromALiveWait() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("MAKING", 1, 0);
      }
    });
    // Two polls per second: a start every 0.55 s.
    try (IvhClient slow = Stub.client(server).maxPollsPerSecond(2).build()) {
      WaitOptions slowPolls = options.toBuilder().initialDelay(Duration.ofSeconds(30)).maxDelay(Duration.ofSeconds(30))
          .build();
      slow.waitForAsync("first", slowPolls);
      server.takeRequest(5, TimeUnit.SECONDS);
      List<CompletableFuture<TaskResult>> cancelled = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        cancelled.add(slow.waitForAsync("cancelled-" + i, slowPolls));
      }
      cancelled.forEach(wait -> wait.cancel(false));
      long start = System.nanoTime();
      slow.waitForAsync("live", slowPolls);

      RecordedRequest next = server.takeRequest(5, TimeUnit.SECONDS);
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(next.getBody().readUtf8()).contains("\"TaskId\":\"live\"");
      // Its slot comes 0.55 s after the first poll; six cancelled waits holding slots would add 3.3 s.
      assertThat(waitedMillis).isLessThan(1_500);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void asyncWaitsFailTheirFutureWithTheSameExceptions() {
    server.enqueue(Stub.failed(1, "bad"));

    assertThatThrownBy(() -> client.waitForAsync(Stub.TASK_ID, options).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IvhTaskFailedException.class);
  }

  @Test
  void aBlankTaskIdIsRejectedWithoutSendingAnything() {
    assertThatThrownBy(() -> client.waitFor(" ", options))
        .isInstanceOfSatisfying(IvhValidationException.class,
            e -> assertThat(e.getMessage()).contains("Payload.TaskId"));
    assertThat(server.getRequestCount()).isZero();
    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("options");
  }

  @Test
  void waitOptionsRejectNonsense() {
    assertThatThrownBy(() -> WaitOptions.builder().initialDelay(Duration.ZERO)).hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> WaitOptions.builder().timeout(Duration.ofSeconds(-1))).hasMessageContaining("timeout");
    assertThatThrownBy(() -> WaitOptions.builder().jitter(-0.1)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> WaitOptions.builder().maxDelay(Duration.ofMillis(1)).build())
        .hasMessageContaining("maxDelay");
    assertThat(WaitOptions.defaults().initialDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(WaitOptions.defaults().listener()).isSameAs(TaskListener.NONE);
  }
}
