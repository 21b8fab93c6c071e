package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * 10,000 waits at once against a local stub gateway (JDK HttpServer): every wait completes, the
 * client's threads stay bounded (none per task), and the stub never sees more polls in any
 * sliding second than the client's ceiling. The numbers go to {@code target/waiter-scale.txt}.
 */
class WaiterScaleTest {
  private static final int TASKS = 10_000;
  private static final int POLLS_PER_TASK = 2;
  private static final int CEILING = 2_000;
  private static final Pattern TASK_ID = Pattern.compile("\"TaskId\"\\s*:\\s*\"([^\"]+)\"");

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
    // for a delayed ACK (about 40 ms) and the stub, not the client, sets the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @Test
  void tenThousandConcurrentWaitsStayWithinTheThreadAndRateBounds() throws Exception {
    long[] arrivals = new long[TASKS * POLLS_PER_TASK * 2];
    AtomicInteger arrivalCount = new AtomicInteger();
    Map<String, AtomicInteger> pollsByTask = new ConcurrentHashMap<>();
    for (int i = 0; i < TASKS; i++) {
      pollsByTask.put("scale-" + i, new AtomicInteger());
    }
    ExecutorService stubThreads = Executors.newFixedThreadPool(4);
    HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_000);
    stub.setExecutor(stubThreads);
    stub.createContext("/", exchange -> answer(exchange, arrivals, arrivalCount, pollsByTask));
    stub.start();

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Sampler sampler = new Sampler(threads, memory);
    try (IvhClient client = IvhClient.builder()
        .appKey(TestSecrets.APP_KEY)
        .accessToken(TestSecrets.ACCESS_TOKEN)
        .endpoint("http://127.0.0.1:" + stub.getAddress().getPort() + "/")
        .maxPollsPerSecond(CEILING)
        .build()) {
      // The pause after the first poll outlasts the time all first polls take (10,000 at the
      // ceiling), so at one moment every wait is pending between polls: that is when memory is read.
      WaitOptions options = WaitOptions.builder()
          .initialDelay(Duration.ofSeconds(8)).maxDelay(Duration.ofSeconds(8)).timeout(Duration.ofMinutes(5))
          .build();
      int threadsBefore = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long heapBefore = usedHeapAfterGc(memory);
      sampler.start();

      long started = System.nanoTime();
      List<CompletableFuture<TaskResult>> waits = new ArrayList<>(TASKS);
      for (int i = 0; i < TASKS; i++) {
        waits.add(client.waitForAsync("scale-" + i, options));
      }
      while (arrivalCount.get() < TASKS) {
        Thread.sleep(10);
      }
      int pendingAtMeasurement = TASKS - (int) waits.stream().filter(CompletableFuture::isDone).count();
      long heapWithAllPending = usedHeapAfterGc(memory);
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      long elapsedNanos = System.nanoTime() - started;
      sampler.stop();

      for (CompletableFuture<TaskResult> wait : waits) {
        assertThat(wait.join().isSuccess()).isTrue();
      }
      int polls = arrivalCount.get();
      long[] times = Arrays.copyOf(arrivals, polls);
      Arrays.sort(times);
      int maxInAnySecond = maxInWindow(times, TimeUnit.SECONDS.toNanos(1));
      double averageRate = polls / (elapsedNanos / 1e9);
      long perTaskBytes = (heapWithAllPending - heapBefore) / pendingAtMeasurement;
      String report = String.format(
          "tasks=%d polls=%d elapsed=%.1fs avgPolls/s=%.0f maxPollsInAnySlidingSecond=%d ceiling=%d%n"
              + "clientOwnedThreadsPeak=%d (bound %d; idle %d / running an exchange %d) okHttpSharedThreadsPeak=%d"
              + " jvmThreadsBefore=%d jvmPeakThreads=%d (stub server and test harness included)%n"
              + "heapBefore=%dMB heapWithPendingWaits=%dMB pendingWaits=%d perPendingWait=%dB"
              + " peakUsedHeapSampled=%dMB (garbage included) maxHeap=%dMB%n",
          TASKS, polls, elapsedNanos / 1e9, averageRate, maxInAnySecond, CEILING,
          sampler.ownedPeak(), IvhClient.DEFAULT_SCHEDULER_THREADS, sampler.peak(Sampler.CLIENT_IDLE),
          sampler.peak(Sampler.CLIENT_BUSY), sampler.okHttpInternalPeak(),
          threadsBefore, threads.getPeakThreadCount(), heapBefore >> 20, heapWithAllPending >> 20, pendingAtMeasurement,
          perTaskBytes, sampler.peakHeap() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
      System.out.print(report);
      Files.writeString(Path.of("target", "waiter-scale.txt"), report);

      assertThat(polls).isEqualTo(TASKS * POLLS_PER_TASK);
      assertThat(maxInAnySecond).isLessThanOrEqualTo(CEILING);
      // Every thread the client made, idle or running an exchange: the configured bound, 4 by default.
      assertThat(sampler.ownedPeak()).isPositive().isLessThanOrEqualTo(IvhClient.DEFAULT_SCHEDULER_THREADS);
      // OkHttp's process-wide TaskRunner (connection pool cleanup, shared with every other client
      // and test in this JVM) and Okio Watchdog: a handful however many tasks, none per task.
      assertThat(sampler.okHttpInternalPeak()).isLessThanOrEqualTo(16);
      assertThat(threads.getPeakThreadCount() - threadsBefore).isLessThan(40);
      assertThat(pendingAtMeasurement).isGreaterThan(TASKS * 9 / 10);
      assertThat(perTaskBytes).isLessThan(4_096);
    } finally {
      sampler.stop();
      stub.stop(0);
      stubThreads.shutdownNow();
    }
  }

  private static void answer(HttpExchange exchange, long[] arrivals, AtomicInteger count,
      Map<String, AtomicInteger> pollsByTask) throws IOException {
    int slot = count.getAndIncrement();
    if (slot < arrivals.length) {
      arrivals[slot] = System.nanoTime();
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = TASK_ID.matcher(body);
    String taskId = m.find() ? m.group(1) : "";
    int poll = pollsByTask.getOrDefault(taskId, new AtomicInteger()).incrementAndGet();
    String payload = poll < POLLS_PER_TASK
        ? "{\"Status\":\"MAKING\",\"Progress\":50,\"ArrayCount\":0}"
        : "{\"Status\":\"SUCCESS\",\"Progress\":100,\"ArrayCount\":0,\"MediaUrl\":\"https://cdn.example.com/"
            + taskId + ".mp4\",\"Duration\":1000}";
    byte[] out = Stub.envelope("req-" + slot, payload).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  /** The most timestamps (sorted) that fall in any window of the given length. */
  static int maxInWindow(long[] sorted, long windowNanos) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < sorted.length; end++) {
      while (sorted[end] - sorted[start] >= windowNanos) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Samples thread names and heap every 20 ms. */
  private static final class Sampler {
    private final ThreadMXBean threads;
    private final MemoryMXBean memory;
    private final Map<String, AtomicInteger> peaks = new ConcurrentHashMap<>();
    // One pool runs timers and exchanges; OkHttp renames a thread "OkHttp <redacted url>" while it runs a call.
    static final String CLIENT_IDLE = "ivh-client-";
    static final String CLIENT_BUSY = "OkHttp http";
    static final String TASK_RUNNER = "OkHttp TaskRunner";
    static final String WATCHDOG = "Okio Watchdog";
    static final List<String> PREFIXES = List.of(CLIENT_IDLE, CLIENT_BUSY, TASK_RUNNER, WATCHDOG);
    private final AtomicInteger ownedPeak = new AtomicInteger();
    private final AtomicInteger okHttpInternalPeak = new AtomicInteger();
    private final AtomicLong peakHeap = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    Sampler(ThreadMXBean threads, MemoryMXBean memory) {
      this.threads = threads;
      this.memory = memory;
    }

    void start() {
      running = true;
      thread = new Thread(() -> {
        while (running) {
          sample();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "scale-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      if (thread != null) {
        thread.join();
      }
    }

    private void sample() {
      Map<String, Integer> counts = new ConcurrentHashMap<>();
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null) {
          String name = info.getThreadName();
          for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
              counts.merge(prefix, 1, Integer::sum);
            }
          }
        }
      }
      counts.forEach((prefix, n) -> peaks.computeIfAbsent(prefix, p -> new AtomicInteger()).accumulateAndGet(n, Math::max));
      int owned = counts.getOrDefault(CLIENT_IDLE, 0) + counts.getOrDefault(CLIENT_BUSY, 0);
      ownedPeak.accumulateAndGet(owned, Math::max);
      okHttpInternalPeak.accumulateAndGet(
          counts.getOrDefault(TASK_RUNNER, 0) + counts.getOrDefault(WATCHDOG, 0), Math::max);
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    int peak(String prefix) {
      AtomicInteger peak = peaks.get(prefix);
      return peak == null ? 0 : peak.get();
    }

    /** The client's own threads, idle or busy. */
    int ownedPeak() {
      return ownedPeak.get();
    }

    /** OkHttp's process-wide helpers (connection pool cleanup, timeout watchdog). */
    int okHttpInternalPeak() {
      return okHttpInternalPeak.get();
    }

    long peakHeap() {
      return peakHeap.get();
    }
  }
}
