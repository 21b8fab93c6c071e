package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** What close() stops, and what it leaves alone. */
class ClientLifecycleTest extends StubbedGatewayTest {

  @Test
  void closeStopsTheThreadsTheClientCreated() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    try (IvhClient own = Stub.client(server).build()) {
      server.enqueue(Stub.status(503));
      server.enqueue(Stub.progress("MAKING", 1, 0));
      // An async call with a retry wakes both the HTTP threads and the scheduler.
      own.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS);
      List<Thread> created = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.getName().startsWith("ivh-")).toList();
      assertThat(created).extracting(Thread::getName).allMatch(n -> n.startsWith("ivh-client-")).isNotEmpty();
      assertThat(created).allMatch(Thread::isDaemon);

      own.close();

      for (Thread thread : created) {
        thread.join(5_000);
        assertThat(thread.isAlive()).as(thread.getName()).isFalse();
      }
    }
  }

  /** What the Javadoc of close() promises, and what it no longer overclaims. */
  @Test
  void onlyOkHttpsSharedDaemonThreadsOutliveClose() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    Set<Thread> whileOpen;
    try (IvhClient own = Stub.client(server).build()) {
      server.enqueue(Stub.progress("MAKING", 1, 0));
      server.enqueue(Stub.progress("MAKING", 2, 0));
      own.getProgress(Stub.TASK_ID);
      own.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS);
      // Taken before close(): afterwards the client's threads may already be gone from a snapshot.
      whileOpen = new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    List<Thread> created = whileOpen.stream()
        .filter(t -> !before.contains(t) && !t.getName().startsWith("MockWebServer")).toList();
    List<Thread> shared = new ArrayList<>();
    for (Thread thread : created) {
      if (thread.getName().startsWith("OkHttp TaskRunner") || thread.getName().startsWith("Okio Watchdog")) {
        shared.add(thread);
      } else {
        thread.join(5_000);
        assertThat(thread.isAlive()).as("%s outlives close()", thread.getName()).isFalse();
      }
    }
    assertThat(created).extracting(Thread::getName).anyMatch(n -> n.startsWith("ivh-client-"));
    assertThat(shared).allMatch(Thread::isDaemon);
  }

  @Test
  void theClientNeverRunsMoreThreadsThanConfiguredHoweverManyCallsWait() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return Stub.progress("MAKING", 1, 0).setBodyDelay(100, TimeUnit.MILLISECONDS);
      }
    });
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    try (IvhClient bounded = Stub.client(server).schedulerThreads(2).maxConcurrentRequests(8).build()) {
      List<CompletableFuture<TaskSnapshot>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(bounded.getProgressAsync("task-" + i));
      }
      int peak = 0;
      while (!calls.stream().allMatch(CompletableFuture::isDone)) {
        peak = Math.max(peak, clientThreadsSince(before));
        Thread.sleep(10);
      }
      for (CompletableFuture<TaskSnapshot> call : calls) {
        assertThat(call.get().progress()).isEqualTo(1);
      }
      assertThat(peak).isBetween(1, 2);
    }
  }

  /** New client threads: idle ones keep their name, busy ones are renamed by OkHttp after the URL. */
  private static int clientThreadsSince(Set<Thread> before) {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
        .filter(n -> n.startsWith("ivh-client-") || n.startsWith("OkHttp http")).count();
  }

  @Test
  void closeEndsAnAsyncCallWaitingForARetry() throws Exception {
    IvhClient own = Stub.client(server).build();
    server.enqueue(Stub.status(503).setHeader("Retry-After", "30"));
    CompletableFuture<TaskSnapshot> call = own.getProgressAsync(Stub.TASK_ID);
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(100);
    assertThat(call).isNotDone();

    own.close();

    assertThatThrownBy(() -> call.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(CancellationException.class)
        .hasMessage("the client was closed before getProgress completed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeEndsABlockingCallWaitingForARetry() throws Exception {
    IvhClient own = Stub.client(server).build();
    server.enqueue(Stub.status(503).setHeader("Retry-After", "30"));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        own.getProgress(Stub.TASK_ID);
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(100);

    own.close();
    caller.join(5_000);

    assertThat(thrown.get()).isInstanceOf(CancellationException.class)
        .hasMessage("the client was closed before getProgress completed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeEndsAnAsyncSubmitInFlightAndSaysTheTaskMayExist() throws Exception {
    IvhClient own = Stub.client(server).build();
    server.enqueue(Stub.submitted("never-seen").setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CompletableFuture<String> call = own.submitAsync(Stub.validSubmit());
    server.takeRequest(5, TimeUnit.SECONDS);

    own.close();

    assertThatThrownBy(() -> call.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(CancellationException.class)
        .hasMessage("the client was closed before videoMakeNoTrain completed; the task may or may not have been created");
  }

  @Test
  void closeLeavesACallerSuppliedOkHttpClientWorking() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try (IvhClient borrowing = Stub.client(server).okHttpClient(shared).build()) {
      server.enqueue(Stub.progress("MAKING", 1, 0));
      borrowing.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS);
    }

    server.enqueue(Stub.json("{}"));
    try (Response response = shared.newCall(new Request.Builder().url(server.url("/after-close")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  @Test
  void closingAViewLeavesTheClientOpen() throws Exception {
    client.withRetryPolicy(RetryPolicy.none()).close();
    server.enqueue(Stub.progress("MAKING", 1, 0));

    assertThat(client.getProgressAsync(Stub.TASK_ID).get(10, TimeUnit.SECONDS).progress()).isEqualTo(1);
  }
}
