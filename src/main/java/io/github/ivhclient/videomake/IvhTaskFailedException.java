package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Operations;
import java.util.Objects;

/** The task ended with {@code Status=FAIL}: the gateway gave up on it (it will not be retried). */
public final class IvhTaskFailedException extends IvhException {
  private final TaskResult result;

  /** {@code polls}: how many progress queries the wait sent, reported as {@link #attempts()}. */
  public IvhTaskFailedException(TaskResult result, String requestId, int polls) {
    super(Operations.GET_PROGRESS.id(), requestId, polls, describe(Objects.requireNonNull(result, "result")),
        afterPolls(polls), null);
    this.result = result;
  }

  private static String describe(TaskResult result) {
    return "task " + result.taskId() + " failed: FailCode=" + result.failCode()
        + (result.failMessage().isEmpty() ? "" : ", FailMessage=" + result.failMessage());
  }

  public String taskId() {
    return result.taskId();
  }

  /** {@code FailCode} as the gateway sent it (0 when it sent none). */
  public int failCode() {
    return result.failCode();
  }

  /** {@code FailMessage}; may be empty. */
  public String failMessage() {
    return result.failMessage();
  }

  /** The failed result (state {@link TaskState#FAIL}). */
  public TaskResult result() {
    return result;
  }
}
