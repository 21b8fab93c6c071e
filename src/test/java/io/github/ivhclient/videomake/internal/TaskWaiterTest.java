package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.WaitOptions;
import io.github.ivhclient.videomake.testlog.CapturedLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The waiter alone, with scripted answers and a clock that moves one minute per reading. */
class TaskWaiterTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final SteppingClock clock = new SteppingClock();
  private final Queue<TaskSnapshot> answers = new ConcurrentLinkedQueue<>();
  private final List<Instant> pollsAt = new CopyOnWriteArrayList<>();
  private final TaskWaiter waiter = new TaskWaiter(scheduler, AttemptGate.DIRECT, (taskId, policy, gate) -> {
    pollsAt.add(clock.peek());
    TaskSnapshot next = answers.poll();
    return next == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(next);
  }, clock);
  private final List<TaskSnapshot> heard = new CopyOnWriteArrayList<>();
  private final WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofMillis(5))
      .maxDelay(Duration.ofMillis(10)).timeout(Duration.ofSeconds(10)).listener(heard::add).build();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static TaskSnapshot snapshot(String taskId, String status, int progress) {
    return TaskSnapshot.builder(taskId).status(status).progress(progress).requestId("req-" + status).build();
  }

  @Test
  void theResultExpiresSevenDaysAfterThePollThatLastSawTheTaskRunning() throws Exception {
    answers.add(snapshot("t-expiry", "COMMIT", 0));
    answers.add(snapshot("t-expiry", "MAKING", 40));
    answers.add(snapshot("t-expiry", "SUCCESS", 100));

    TaskResult result = waiter.start("t-expiry", options, RetryPolicy.none()).get(5, TimeUnit.SECONDS);

    assertThat(pollsAt).hasSize(3);
    // The MAKING poll is the last one that saw the task running: it ended after that poll started.
    Instant lastRunning = pollsAt.get(1);
    assertThat(result.lastSeenRunningAt()).contains(lastRunning);
    assertThat(result.observedAt()).isAfter(pollsAt.get(2));
    assertThat(result.expiresAt()).isEqualTo(lastRunning.plus(Duration.ofDays(7)))
        .isBefore(result.observedAt().plus(Duration.ofDays(7)));
    assertThat(result.progress()).isEqualTo(100);
  }

  @Test
  void aFirstAnswerThatIsAlreadyTheEndHasNoRunningBound() throws Exception {
    answers.add(snapshot("t-done", "SUCCESS", 100));

    TaskResult result = waiter.start("t-done", options, RetryPolicy.none()).get(5, TimeUnit.SECONDS);

    assertThat(result.lastSeenRunningAt()).isEmpty();
    assertThat(result.expiresAt()).isEqualTo(result.observedAt().plus(Duration.ofDays(7)));
  }

  @Test
  void aChangeBetweenTwoUnknownStatusesIsHeardAndLogged() throws Exception {
    // Same progress and queue position: only the raw status differs.
    answers.add(snapshot("t-unknown", "PAUSED", 10));
    answers.add(snapshot("t-unknown", "PAUSED", 10));
    answers.add(snapshot("t-unknown", "THROTTLED", 10));
    answers.add(snapshot("t-unknown", "SUCCESS", 100));

    waiter.start("t-unknown", options, RetryPolicy.none()).get(5, TimeUnit.SECONDS);

    assertThat(heard).extracting(TaskSnapshot::rawStatus).containsExactly("PAUSED", "THROTTLED", "SUCCESS");
    assertThat(CapturedLogs.recent()).filteredOn(line -> line.startsWith("INFO") && line.contains("t-unknown"))
        .anyMatch(line -> line.contains("status PAUSED"))
        .anyMatch(line -> line.contains("status THROTTLED"));
  }

  @Test
  void aTimeoutReportsHowManyPollsWereSent() {
    for (int i = 0; i < 1_000; i++) {
      answers.add(snapshot("t-slow", "MAKING", i % 100));
    }

    assertThatThrownBy(() -> waiter.start("t-slow", options.toBuilder().timeout(Duration.ofMillis(300)).build(),
            RetryPolicy.none()).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(IvhWaitTimeoutException.class, e -> {
          assertThat(e.attempts()).isGreaterThan(5).isBetween(pollsAt.size() - 1, pollsAt.size());
          assertThat(e.getMessage()).endsWith("after " + e.attempts() + " progress queries").doesNotContain("attempts");
        });
  }

  @Test
  void aWaitStartedAfterCloseEndsAtOnceWithoutPolling() {
    waiter.close();

    assertThatThrownBy(() -> waiter.start("t-late", options, RetryPolicy.none()).join())
        .hasMessage("the client was closed: stopped waiting for task t-late; the task on the server goes on");
    assertThat(pollsAt).isEmpty();
    assertThat(waiter.pending()).isZero();
  }

  /** Each reading is one minute after the previous one. */
  private static final class SteppingClock extends Clock {
    private final AtomicInteger minutes = new AtomicInteger();

    Instant peek() {
      return T0.plus(Duration.ofMinutes(minutes.get()));
    }

    @Override
    public Instant instant() {
      return T0.plus(Duration.ofMinutes(minutes.incrementAndGet()));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
