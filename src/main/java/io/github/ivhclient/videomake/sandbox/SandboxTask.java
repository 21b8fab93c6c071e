package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.model.TaskProgress;
import io.github.ivhclient.videomake.model.TaskStatus;

/**
 * One submitted task. Its state is a pure function of the time elapsed since submission, so the
 * sandbox needs no thread or timer per task: the first {@value #QUEUED_SHARE_PERCENT}% of the
 * duration it is {@code COMMIT} with a falling queue position, then {@code MAKING} with a rising
 * progress, then {@code SUCCESS} (or the scripted {@code FAIL}).
 */
final class SandboxTask {
  static final int QUEUED_SHARE_PERCENT = 30;
  /** Tasks "ahead" of a new one when it is submitted; the position falls to 1 before it starts. */
  static final int INITIAL_QUEUE_POSITION = 3;

  private final String taskId;
  private final long submittedAtNanos;
  private final long durationNanos;
  private final ScriptedFailure failure;
  private final String callbackUrl;
  private final String subtitleText;

  SandboxTask(String taskId, long submittedAtNanos, long durationNanos, ScriptedFailure failure,
      String callbackUrl, String subtitleText) {
    this.taskId = taskId;
    this.submittedAtNanos = submittedAtNanos;
    this.durationNanos = durationNanos;
    this.failure = failure;
    this.callbackUrl = callbackUrl;
    this.subtitleText = subtitleText;
  }

  String taskId() {
    return taskId;
  }

  /** {@code null} when the task succeeds. */
  ScriptedFailure failure() {
    return failure;
  }

  /** {@code null} or empty when the request carried none. */
  String callbackUrl() {
    return callbackUrl;
  }

  String subtitleText() {
    return subtitleText;
  }

  long durationNanos() {
    return durationNanos;
  }

  TaskStatus statusAt(long nowNanos) {
    long elapsed = nowNanos - submittedAtNanos;
    if (elapsed >= durationNanos) {
      return failure == null ? TaskStatus.SUCCESS : TaskStatus.FAIL;
    }
    return elapsed < queuedNanos() ? TaskStatus.COMMIT : TaskStatus.MAKING;
  }

  /** The getprogress payload at {@code nowNanos} ({@link System#nanoTime()} scale). */
  TaskProgress progressAt(long nowNanos, String mediaUrl, String subtitlesUrl) {
    long elapsed = Math.max(0, nowNanos - submittedAtNanos);
    TaskStatus status = statusAt(nowNanos);
    TaskProgress progress = new TaskProgress().status(status).arrayCount(0).duration(0L);
    switch (status) {
      case COMMIT -> {
        // Falls from INITIAL_QUEUE_POSITION to 1 over the queued share.
        long remaining = queuedNanos() - elapsed;
        int position = (int) Math.max(1, Math.ceil((double) INITIAL_QUEUE_POSITION * remaining / queuedNanos()));
        progress.progress(0).arrayCount(position);
      }
      case MAKING -> {
        long making = durationNanos - queuedNanos();
        progress.progress((int) Math.min(99, 99 * (elapsed - queuedNanos()) / Math.max(1, making)));
      }
      case SUCCESS -> progress.progress(100).mediaUrl(mediaUrl).subtitlesUrl(subtitlesUrl)
          .duration(SandboxMedia.VIDEO_DURATION_MILLIS);
      case FAIL -> progress.progress(-1).mediaUrl("").subtitlesUrl("")
          .failCode(failure.failCode()).failMessage(failure.failMessage());
      default -> throw new IllegalStateException("unexpected status " + status);
    }
    return progress;
  }

  private long queuedNanos() {
    return durationNanos * QUEUED_SHARE_PERCENT / 100;
  }

  /** How a scripted task ends: {@code FAIL} with this code and message. */
  record ScriptedFailure(int failCode, String failMessage) {}
}
