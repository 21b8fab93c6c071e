package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.MessageText;
import io.github.ivhclient.videomake.internal.Operations;
import java.time.Duration;
import java.util.Objects;

/**
 * The wait's total timeout passed before the task ended. The task on the server goes on: wait
 * again, or come back later with {@link IvhClient#getProgress}.
 */
public final class IvhWaitTimeoutException extends IvhException {
  private final String taskId;
  private final Duration timeout;
  private final TaskSnapshot lastSnapshot;

  /** {@code polls}: how many progress queries the wait sent, reported as {@link #attempts()}. */
  public IvhWaitTimeoutException(String taskId, Duration timeout, TaskSnapshot lastSnapshot, int polls) {
    super(Operations.GET_PROGRESS.id(), lastSnapshot == null ? null : lastSnapshot.requestId(), polls,
        "gave up waiting for task " + taskId + " after " + MessageText.duration(Objects.requireNonNull(timeout, "timeout"))
            + (lastSnapshot == null ? " without any answer" : "; last status " + lastSnapshot.rawStatus()
                // ArrayCount means something only while the task is queued; Progress only once it is not.
                + (lastSnapshot.state() == TaskState.QUEUED
                    ? ", queue position " + lastSnapshot.queuePosition()
                    : ", progress " + lastSnapshot.progress()))
            + "; the task on the server goes on",
        afterPolls(polls), null);
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.lastSnapshot = lastSnapshot;
  }

  public String taskId() {
    return taskId;
  }

  /** The total timeout that passed. */
  public Duration timeout() {
    return timeout;
  }

  /** The last answer seen, or {@code null} when no poll succeeded. */
  public TaskSnapshot lastSnapshot() {
    return lastSnapshot;
  }
}
