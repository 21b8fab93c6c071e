package io.github.ivhclient.videomake.internal.media;

import java.time.Duration;

/** The bytes and time one file may cost; checked before every read, so nothing is allocated past it. */
public final class ReadBudget {
  private final long maxBytes;
  private final long deadlineNanos;
  private final Duration time;
  private long used;

  public ReadBudget(long maxBytes, Duration time) {
    this.maxBytes = maxBytes;
    this.time = time;
    this.deadlineNanos = System.nanoTime() + time.toNanos();
  }

  /** Reserves {@code bytes}; throws when the byte or time budget would be exceeded. */
  public void charge(long bytes) {
    checkTime();
    if (bytes < 0 || bytes > maxBytes - used) {
      throw new MediaReadException(MediaReadException.Kind.BUDGET,
          "judging the file needs more than its budget of " + maxBytes + " bytes (" + used + " read so far)");
    }
    used += bytes;
  }

  public void checkTime() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new MediaReadException(MediaReadException.Kind.TIMEOUT,
          "reading the file took longer than its budget of " + time.toMillis() + " ms");
    }
  }

  /** Time left, at least one millisecond. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
  }

  public long used() {
    return used;
  }

  public long remainingBytes() {
    return maxBytes - used;
  }
}
