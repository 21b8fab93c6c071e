package io.github.ivhclient.videomake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a task ended, as the waiter saw it in a progress answer or as the gateway POSTed it to
 * {@code CallbackUrl}. {@link #state()} is {@link TaskState#SUCCESS} or {@link TaskState#FAIL}.
 *
 * <p>The gateway keeps result files for {@value #RETENTION_DAYS} days after the task ends. Nobody
 * tells the client when exactly it ended, so {@link #expiresAt()} is an estimate: see there.
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
  private final int progress;
  private final Instant observedAt;
  private final Instant lastSeenRunningAt;

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
    this.progress = b.progress;
    this.observedAt = Objects.requireNonNull(b.observedAt, "observedAt");
    this.lastSeenRunningAt = b.lastSeenRunningAt;
    if (lastSeenRunningAt != null && lastSeenRunningAt.isAfter(observedAt)) {
      throw new IllegalArgumentException("lastSeenRunningAt " + lastSeenRunningAt + " is after observedAt " + observedAt);
    }
  }

  public static Builder builder(String taskId, TaskState state, Instant observedAt) {
    return new Builder(taskId, state, observedAt);
  }

  /** The result of a finished snapshot ({@code SUCCESS} or {@code FAIL}) observed at {@code observedAt}. */
  public static TaskResult of(TaskSnapshot snapshot, Instant observedAt) {
    return of(snapshot, observedAt, null);
  }

  /**
   * The result of a finished snapshot observed at {@code observedAt}, when an earlier answer
   * showed the task still running at {@code lastSeenRunningAt} ({@code null} if none did).
   */
  public static TaskResult of(TaskSnapshot snapshot, Instant observedAt, Instant lastSeenRunningAt) {
    return builder(snapshot.taskId(), snapshot.state(), observedAt)
        .lastSeenRunningAt(lastSeenRunningAt)
        .progress(snapshot.progress())
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

  /** {@code Progress} as sent (100 on success, -1 on failure by the documentation; 0 when absent). */
  public int progress() {
    return progress;
  }

  /** When this client saw the task end (a callback: when it was parsed). */
  public Instant observedAt() {
    return observedAt;
  }

  /**
   * The latest moment this client knew the task was still running: when the waiter started the
   * poll before the one that saw the end. Empty for callbacks, and when the first answer of a wait
   * already showed the end.
   */
  public Optional<Instant> lastSeenRunningAt() {
    return Optional.ofNullable(lastSeenRunningAt);
  }

  /**
   * An estimate of when the gateway deletes the result files: {@value #RETENTION_DAYS} days after
   * the task ended. The end lies between {@link #lastSeenRunningAt()} and {@link #observedAt()}, so
   * this uses the earlier bound when there is one, and is then never later than the real expiry
   * (give or take the clocks' difference). Without it, this is {@code observedAt} plus 7 days: close
   * for a callback (the gateway sends it when the task ends) but possibly too late for a wait whose
   * first answer showed a task that had ended long before. Download well before this.
   */
  public Instant expiresAt() {
    return (lastSeenRunningAt == null ? observedAt : lastSeenRunningAt).plus(Duration.ofDays(RETENTION_DAYS));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskResult r
        && taskId.equals(r.taskId) && state == r.state && mediaUrl.equals(r.mediaUrl)
        && subtitlesUrl.equals(r.subtitlesUrl) && duration.equals(r.duration)
        && failCode == r.failCode && failMessage.equals(r.failMessage) && progress == r.progress
        && observedAt.equals(r.observedAt) && Objects.equals(lastSeenRunningAt, r.lastSeenRunningAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, state, mediaUrl, subtitlesUrl, duration, failCode, failMessage, progress, observedAt,
        lastSeenRunningAt);
  }

  @Override
  public String toString() {
    return "TaskResult{taskId=" + taskId + ", state=" + state + ", mediaUrl=" + mediaUrl
        + ", subtitlesUrl=" + subtitlesUrl + ", duration=" + duration + ", failCode=" + failCode
         + ", failMessage=" + failMessage + ", progress=" + progress + ", expiresAt=" + expiresAt() + "}";
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
    private int progress;
    private Instant lastSeenRunningAt;

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

    /** {@code Progress} as sent. */
    public Builder progress(int progress) {
      this.progress = progress;
      return this;
    }

    /** When the task was last known to be running; {@code null} (the default) if never. */
    public Builder lastSeenRunningAt(Instant lastSeenRunningAt) {
      this.lastSeenRunningAt = lastSeenRunningAt;
      return this;
    }

    public TaskResult build() {
      return new TaskResult(this);
    }
  }
}
