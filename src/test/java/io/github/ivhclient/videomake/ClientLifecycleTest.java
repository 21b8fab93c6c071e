package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
      assertThat(created).extracting(Thread::getName)
          .anyMatch(n -> n.startsWith("ivh-scheduler-")).anyMatch(n -> n.startsWith("ivh-http-"));
      assertThat(created).allMatch(Thread::isDaemon);

      own.close();

      for (Thread thread : created) {
        thread.join(5_000);
        assertThat(thread.isAlive()).as(thread.getName()).isFalse();
      }
    }
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
