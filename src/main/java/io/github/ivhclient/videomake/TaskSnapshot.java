package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.Objects;

/**
 * One answer of the progress query (getprogress): the task's state at that moment.
 *
 * <p>Absent numbers are 0 and absent texts are empty, as the gateway sends them.
 */
public final class TaskSnapshot {
  private final String taskId;
  private final TaskState state;
  private final String rawStatus;
  private final int progress;
  private final int queuePosition;
  private final String mediaUrl;
  private final String subtitlesUrl;
  private final Duration duration;
  private final int failCode;
  private final String failMessage;
  private final String requestId;

  private TaskSnapshot(Builder b) {
    this.taskId = Objects.requireNonNull(b.taskId, "taskId");
    this.rawStatus = b.rawStatus == null ? "" : b.rawStatus;
    this.state = TaskState.fromWire(rawStatus);
    this.progress = b.progress;
    this.queuePosition = b.queuePosition;
    this.mediaUrl = b.mediaUrl == null ? "" : b.mediaUrl;
    this.subtitlesUrl = b.subtitlesUrl == null ? "" : b.subtitlesUrl;
    this.duration = b.duration == null ? Duration.ZERO : b.duration;
    this.failCode = b.failCode;
    this.failMessage = b.failMessage == null ? "" : b.failMessage;
    this.requestId = b.requestId;
  }

  public static Builder builder(String taskId) {
    return new Builder(taskId);
  }

  public String taskId() {
    return taskId;
  }

  public TaskState state() {
    return state;
  }

  /** {@code Status} exactly as sent, so a status this client does not know stays visible. */
  public String rawStatus() {
    return rawStatus;
  }

  /** {@code Progress}, -1..100. The gateway calls it reserved: decide on {@link #state()}. */
  public int progress() {
    return progress;
  }

  /** {@code ArrayCount}: tasks queued ahead while {@link TaskState#QUEUED}. */
  public int queuePosition() {
    return queuePosition;
  }

  public String mediaUrl() {
    return mediaUrl;
  }

  public String subtitlesUrl() {
    return subtitlesUrl;
  }

  /** {@code Duration} of the result (sent in milliseconds). */
  public Duration duration() {
    return duration;
  }

  /** {@code FailCode}, 0 unless {@link TaskState#FAIL}. */
  public int failCode() {
    return failCode;
  }

  public String failMessage() {
    return failMessage;
  }

  /** The RequestID of the query that produced this snapshot, or {@code null}. */
  public String requestId() {
    return requestId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskSnapshot s
        && taskId.equals(s.taskId) && rawStatus.equals(s.rawStatus) && progress == s.progress
        && queuePosition == s.queuePosition && mediaUrl.equals(s.mediaUrl)
        && subtitlesUrl.equals(s.subtitlesUrl) && duration.equals(s.duration)
        && failCode == s.failCode && failMessage.equals(s.failMessage)
        && Objects.equals(requestId, s.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, rawStatus, progress, queuePosition, mediaUrl, subtitlesUrl, duration,
        failCode, failMessage, requestId);
  }

  @Override
  public String toString() {
    return "TaskSnapshot{taskId=" + taskId + ", status=" + rawStatus + ", progress=" + progress
        + ", queuePosition=" + queuePosition + ", mediaUrl=" + mediaUrl + ", subtitlesUrl=" + subtitlesUrl
        + ", duration=" + duration + ", failCode=" + failCode + ", failMessage=" + failMessage
        + ", requestId=" + requestId + "}";
  }

  /** Builds snapshots; used by the client, the sandbox and tests. */
  public static final class Builder {
    private final String taskId;
    private String rawStatus;
    private int progress;
    private int queuePosition;
    private String mediaUrl;
    private String subtitlesUrl;
    private Duration duration;
    private int failCode;
    private String failMessage;
    private String requestId;

    private Builder(String taskId) {
      this.taskId = Objects.requireNonNull(taskId, "taskId");
    }

    public Builder status(String rawStatus) {
      this.rawStatus = rawStatus;
      return this;
    }

    public Builder progress(int progress) {
      this.progress = progress;
      return this;
    }

    public Builder queuePosition(int queuePosition) {
      this.queuePosition = queuePosition;
      return this;
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

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public TaskSnapshot build() {
      return new TaskSnapshot(this);
    }
  }
}
