package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.RetryPolicy;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import io.github.ivhclient.videomake.WaitOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for many tasks at once on one shared scheduler: a pending wait is a small object plus two
 * scheduled entries (its next poll and its deadline); no thread waits for it. Polls are started
 * through the client-wide {@link RequestPacer} and run as asynchronous HTTP calls.
 *
 * <p>A wait's future ends with a {@link CancellationException} saying that the task on the server
 * goes on when it is cancelled or the client is closed: the gateway cannot cancel a task.
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
  private volatile boolean closed;

  public TaskWaiter(ScheduledExecutorService scheduler, AttemptGate pacer, Poller poller, Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.poller = Objects.requireNonNull(poller, "poller");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts waiting; the future ends with the SUCCESS result or the failure. */
  public CompletableFuture<TaskResult> start(String taskId, WaitOptions options, RetryPolicy policy) {
    return start(taskId, options, policy, poller);
  }

  /**
   * Starts waiting with another poller (a client view's, sending its headers under its timeouts),
   * still paced, and ended by {@link #close()}, with every other wait.
   */
  public CompletableFuture<TaskResult> start(String taskId, WaitOptions options, RetryPolicy policy, Poller poller) {
    Wait wait = new Wait(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(options, "options"),
        Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(poller, "poller"));
    wait.begin();
    return wait.result;
  }

  /** Waits not yet ended. */
  public int pending() {
    return active.size();
  }

  /**
   * Ends every pending wait, and every wait started from now on, with a
   * {@link CancellationException} saying the client was closed (the tasks on the server go on).
   */
  public void close() {
    closed = true;
    for (Wait wait : active) {
      wait.closed();
    }
  }

  /**
   * A wait's future: cancelling it says that only the waiting stops.
   *
   * <p>Since JDK 23 {@code get()} and {@code join()} of a cancelled {@link CompletableFuture} throw a
   * new {@link CancellationException} whose message is {@code "get"} or {@code "join"}, the original
   * becoming its cause. The waiting methods here throw the wait's own message on every JDK, from the
   * caller's thread, with what the JDK threw as the cause.
   */
  private static final class WaitFuture extends CompletableFuture<TaskResult> {
    private final String taskId;

    WaitFuture(String taskId) {
      this.taskId = taskId;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return stop("") || isCancelled();
    }

    /** Completes with the CancellationException that tells the task on the server goes on. */
    boolean stop(String reason) {
      return completeExceptionally(new CancellationException(
          reason + "stopped waiting for task " + taskId + "; the task on the server goes on"));
    }

    @Override
    public TaskResult get() throws InterruptedException, ExecutionException {
      try {
        return super.get();
      } catch (CancellationException e) {
        throw reported(e);
      }
    }

    @Override
    public TaskResult get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
        TimeoutException {
      try {
        return super.get(timeout, unit);
      } catch (CancellationException e) {
        throw reported(e);
      }
    }

    @Override
    public TaskResult join() {
      try {
        return super.join();
      } catch (CancellationException e) {
        throw reported(e);
      }
    }

    @Override
    public TaskResult getNow(TaskResult valueIfAbsent) {
      try {
        return super.getNow(valueIfAbsent);
      } catch (CancellationException e) {
        throw reported(e);
      }
    }

    /**
     * The wait's own message, thrown from the caller's thread; what the JDK threw is the cause.
     * {@code handle} sees the exception the future was completed with, whatever get/join make of it.
     */
    private CancellationException reported(CancellationException thrown) {
      Throwable original = super.handle((value, error) -> error).getNow(null);
      CancellationException reported = new CancellationException(
          original instanceof CancellationException ? original.getMessage() : thrown.getMessage());
      reported.initCause(thrown);
      return reported;
    }
  }

  private final class Wait {
    final String taskId;
    final WaitOptions options;
    final RetryPolicy policy;
    final Poller poller;
    final WaitFuture result;
    /** Polls started, each with its retries; reported as the attempts of the wait's exceptions. */
    volatile int polls;
    /** When the latest poll was started, and when the one before it was (the task was running then). */
    volatile Instant pollStartedAt;
    volatile Instant previousPollStartedAt;
    volatile TaskSnapshot last;
    volatile Future<?> deadline;
    volatile Future<?> nextPoll;
    volatile CompletableFuture<TaskSnapshot> inFlight;

    Wait(String taskId, WaitOptions options, RetryPolicy policy, Poller poller) {
      this.taskId = taskId;
      this.options = options;
      this.policy = policy;
      this.poller = poller;
      this.result = new WaitFuture(taskId);
    }

    void begin() {
      active.add(this);
      result.whenComplete((r, e) -> end());
      if (closed) {
        closed();
        return;
      }
      try {
        deadline = scheduler.schedule(this::timeOut, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        closed();
        return;
      }
      poll();
    }

    void closed() {
      result.stop("the client was closed: ");
    }

    void poll() {
      if (result.isDone()) {
        return;
      }
      previousPollStartedAt = pollStartedAt;
      pollStartedAt = clock.instant();
      polls++;
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
      if (state.isTerminal()) {
        // The poll before this one saw the task running: it ended after that poll started.
        TaskResult ended = TaskResult.of(snapshot, clock.instant(), previousPollStartedAt);
        if (state == TaskState.SUCCESS) {
          result.complete(ended);
        } else {
          result.completeExceptionally(new IvhTaskFailedException(ended, snapshot.requestId(), polls));
        }
      } else {
        // Queued, making, or a status this client does not know yet: keep polling.
        long delay = options.backoff().delay(polls - 1).toNanos();
        try {
          nextPoll = scheduler.schedule(this::poll, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          closed();
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
      result.completeExceptionally(new IvhWaitTimeoutException(taskId, options.timeout(), last, polls));
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
