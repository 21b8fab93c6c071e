package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.model.TaskProgress;
import io.github.ivhclient.videomake.model.TaskStatus;

/**
 * A progress payload whose {@code Status} is not in the spec's enum: the generated enum parses it
 * to {@link TaskStatus#UNKNOWN_DEFAULT_OPEN_API} and drops the text, so this subclass carries the
 * text as sent ({@link EnvelopeConverterFactory} makes it).
 */
public final class RawStatusProgress extends TaskProgress {
  // Transient: Moshi's reflective adapter then fills only the generated fields.
  private transient String rawStatus;

  public RawStatusProgress() {}

  void rawStatus(String rawStatus) {
    this.rawStatus = rawStatus;
  }

  /** {@code Status} exactly as the gateway sent it, known or not; {@code null} when absent. */
  public static String statusText(TaskProgress progress) {
    if (progress instanceof RawStatusProgress raw) {
      return raw.rawStatus;
    }
    return progress.getStatus() == null ? null : progress.getStatus().getValue();
  }
}
