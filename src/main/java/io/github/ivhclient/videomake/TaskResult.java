package io.github.ivhclient.videomake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a task ended, as the waiter saw it in a progress answer or as the gateway POSTed it to
 * {@code CallbackUrl}. {@link #state()} is {@link TaskState#SUCCESS} or {@link TaskState#FAIL}.
 *
 * <p>The gateway keeps result files for {@value #RETENTION_DAYS} days: {@link #expiresAt()} is
 * that long after the moment this client observed the end, so download before then.
 */
public final class TaskResult {
  /** How long the gateway keeps result files. */
  public static final int RETENTION_DAYS = 7;

  private final String taskId;
  private final TaskState state;
  private final String mediaUrl;
  private final String subtitlesUrl;
  private final Duration duration;
  private final int failCode;
  private final String failMessage;
  private final Instant observedAt;

  private TaskResult(Builder b) {
    this.taskId = Objects.requireNonNull(b.taskId, "taskId");
    this.state = Objects.requireNonNull(b.state, "state");
    if (!state.isTerminal()) {
      throw new IllegalArgumentException("a result is SUCCESS or FAIL, not " + state);
    }
    this.mediaUrl = b.mediaUrl == null ? "" : b.mediaUrl;
    this.subtitlesUrl = b.subtitlesUrl == null ? "" : b.subtitlesUrl;
    this.duration = b.duration == null ? Duration.ZERO : b.duration;
    this.failCode = b.failCode;
    this.failMessage = b.failMessage == null ? "" : b.failMessage;
    this.observedAt = Objects.requireNonNull(b.observedAt, "observedAt");
  }

  public static Builder builder(String taskId, TaskState state, Instant observedAt) {
    return new Builder(taskId, state, observedAt);
  }

  /** The result of a finished snapshot ({@code SUCCESS} or {@code FAIL}) observed at {@code observedAt}. */
  public static TaskResult of(TaskSnapshot snapshot, Instant observedAt) {
    return builder(snapshot.taskId(), snapshot.state(), observedAt)
        .mediaUrl(snapshot.mediaUrl())
        .subtitlesUrl(snapshot.subtitlesUrl())
        .duration(snapshot.duration())
        .failCode(snapshot.failCode())
        .failMessage(snapshot.failMessage())
        .build();
  }

  public String taskId() {
    return taskId;
  }

  public TaskState state() {
    return state;
  }

  public boolean isSuccess() {
    return state == TaskState.SUCCESS;
  }

  /** The result video; empty on failure. */
  public String mediaUrl() {
    return mediaUrl;
  }

  /** SRT subtitles; may be empty. */
  public String subtitlesUrl() {
    return subtitlesUrl;
  }

  /** The video's duration; zero when the source did not say (callbacks carry none). */
  public Duration duration() {
    return duration;
  }

  /** {@code FailCode}; 0 on success or when the source did not say (callbacks carry none). */
  public int failCode() {
    return failCode;
  }

  public String failMessage() {
    return failMessage;
  }

  /** When this client saw the task end. */
  public Instant observedAt() {
    return observedAt;
  }

  /** The latest moment the files are known to be kept: {@link #observedAt()} plus 7 days. */
  public Instant expiresAt() {
    return observedAt.plus(Duration.ofDays(RETENTION_DAYS));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskResult r
        && taskId.equals(r.taskId) && state == r.state && mediaUrl.equals(r.mediaUrl)
        && subtitlesUrl.equals(r.subtitlesUrl) && duration.equals(r.duration)
        && failCode == r.failCode && failMessage.equals(r.failMessage) && observedAt.equals(r.observedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, state, mediaUrl, subtitlesUrl, duration, failCode, failMessage, observedAt);
  }

  @Override
  public String toString() {
    return "TaskResult{taskId=" + taskId + ", state=" + state + ", mediaUrl=" + mediaUrl
        + ", subtitlesUrl=" + subtitlesUrl + ", duration=" + duration + ", failCode=" + failCode
        + ", failMessage=" + failMessage + ", expiresAt=" + expiresAt() + "}";
  }

  public static final class Builder {
    private final String taskId;
    private final TaskState state;
    private final Instant observedAt;
    private String mediaUrl;
    private String subtitlesUrl;
    private Duration duration;
    private int failCode;
    private String failMessage;

    private Builder(String taskId, TaskState state, Instant observedAt) {
      this.taskId = Objects.requireNonNull(taskId, "taskId");
      this.state = Objects.requireNonNull(state, "state");
      this.observedAt = Objects.requireNonNull(observedAt, "observedAt");
    }

    public Builder mediaUrl(String mediaUrl) {
      this.mediaUrl = mediaUrl;
      return this;
    }

    public Builder subtitlesUrl(String subtitlesUrl) {
      this.subtitlesUrl = subtitlesUrl;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder failCode(int failCode) {
      this.failCode = failCode;
      return this;
    }

    public Builder failMessage(String failMessage) {
      this.failMessage = failMessage;
      return this;
    }

    public TaskResult build() {
      return new TaskResult(this);
    }
  }
}
