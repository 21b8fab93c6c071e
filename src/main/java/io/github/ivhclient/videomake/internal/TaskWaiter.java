package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import io.github.ivhclient.videomake.WaitOptions;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for many tasks at once on one shared scheduler: a pending wait is a small object plus two
 * scheduled entries (its next poll and its deadline); no thread waits for it. Polls are started
 * through the client-wide {@link RequestPacer} and run as asynchronous HTTP calls.
 */
public final class TaskWaiter {
  /** Sends one progress query (with its retries) without blocking. */
  @FunctionalInterface
  public interface Poller {
    CompletableFuture<TaskSnapshot> poll(String taskId, RetryPolicy policy, AttemptGate gate);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

  private final ScheduledExecutorService scheduler;
  private final AttemptGate pacer;
  private final Poller poller;
  private final Clock clock;
  private final Set<Wait> active = ConcurrentHashMap.newKeySet();

  public TaskWaiter(ScheduledExecutorService scheduler, AttemptGate pacer, Poller poller, Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts waiting; the future ends with the SUCCESS result or the failure. */
  public CompletableFuture<TaskResult> start(String taskId, WaitOptions options, RetryPolicy policy) {
    Wait wait = new Wait(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(options, "options"),
        Objects.requireNonNull(policy, "policy"));
    wait.begin();
    return wait.result;
  }

  /** Waits not yet ended. */
  public int pending() {
    return active.size();
  }

  /** Cancels every pending wait (the tasks on the server go on). */
  public void cancelAll() {
    for (Wait wait : active) {
      wait.result.cancel(false);
    }
  }

  private final class Wait {
    final String taskId;
    final WaitOptions options;
    final RetryPolicy policy;
    final CompletableFuture<TaskResult> result = new CompletableFuture<>();
    int polls;
    volatile TaskSnapshot last;
    volatile Future<?> deadline;
    volatile Future<?> nextPoll;
    volatile CompletableFuture<TaskSnapshot> inFlight;

    Wait(String taskId, WaitOptions options, RetryPolicy policy) {
      this.taskId = taskId;
      this.options = options;
      this.policy = policy;
    }

    void begin() {
      active.add(this);
      result.whenComplete((r, e) -> end());
      try {
        deadline = scheduler.schedule(this::timeOut, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(new IllegalStateException("the client is closed", e));
        return;
      }
      poll();
    }

    void poll() {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<TaskSnapshot> answer = poller.poll(taskId, policy, pacer);
      inFlight = answer;
      answer.whenComplete(this::onAnswer);
    }

    void onAnswer(TaskSnapshot snapshot, Throwable error) {
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
        return;
      }
      TaskSnapshot previous = last;
      last = snapshot;
      if (changed(previous, snapshot)) {
        report(previous, snapshot);
      }
      TaskState state = snapshot.state();
      if (state == TaskState.SUCCESS) {
        result.complete(TaskResult.of(snapshot, clock.instant()));
      } else if (state == TaskState.FAIL) {
        result.completeExceptionally(
            new IvhTaskFailedException(TaskResult.of(snapshot, clock.instant()), snapshot.requestId()));
      } else {
        // Queued, making, or a status this client does not know yet: keep polling.
        long delay = Backoff.delayNanos(options.initialDelay(), options.multiplier(), options.maxDelay(),
            options.jitter(), polls++);
        try {
          nextPoll = scheduler.schedule(this::poll, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          result.cancel(false);
        }
      }
    }

    void report(TaskSnapshot previous, TaskSnapshot snapshot) {
      if (previous == null || !previous.rawStatus().equals(snapshot.rawStatus())) {
        LOG.info("task {}: status {} (queue position {}, progress {})", taskId, snapshot.rawStatus(),
            snapshot.queuePosition(), snapshot.progress());
      }
      try {
        options.listener().onChange(snapshot);
      } catch (RuntimeException e) {
        LOG.warn("the listener of task {} threw; the wait goes on", taskId, e);
      }
    }

    void timeOut() {
      result.completeExceptionally(new IvhWaitTimeoutException(taskId, options.timeout(), last));
    }

    void end() {
      active.remove(this);
      cancel(deadline);
      cancel(nextPoll);
      CompletableFuture<TaskSnapshot> poll = inFlight;
      if (poll != null) {
        poll.cancel(false);
      }
      if (result.isCancelled()) {
        LOG.info("stopped waiting for task {}; the task on the server goes on", taskId);
      }
    }

    private void cancel(Future<?> future) {
      if (future != null) {
        future.cancel(false);
      }
    }
  }

  private static boolean changed(TaskSnapshot previous, TaskSnapshot current) {
    return previous == null
        || !previous.rawStatus().equals(current.rawStatus())
        || previous.queuePosition() != current.queuePosition()
        || previous.progress() != current.progress();
  }
}
