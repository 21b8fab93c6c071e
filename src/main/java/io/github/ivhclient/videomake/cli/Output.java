package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The human-readable forms of the CLI's results (the {@code --json} forms are in {@link JsonOutput}). */
final class Output {
  private Output() {}

  static void snapshot(PrintStream out, TaskSnapshot s) {
    field(out, "TaskId", s.taskId());
    field(out, "Status", s.rawStatus().isEmpty() ? "(none)" : s.rawStatus());
    // The gateway reports -1 for a failed task: a number, not a percent.
    field(out, "Progress", s.state() == TaskState.FAIL && s.progress() < 0
        ? Integer.toString(s.progress()) : percent(s.progress()) + "%");
    if (s.state() == TaskState.QUEUED) {
      field(out, "ArrayCount", count(s.queuePosition()) + " ahead in the queue");
    }
    optional(out, "MediaUrl", s.mediaUrl());
    optional(out, "SubtitlesUrl", s.subtitlesUrl());
    if (s.duration().compareTo(Duration.ZERO) > 0) {
      field(out, "Duration", seconds(s.duration()));
    }
    if (s.state() == TaskState.FAIL) {
      field(out, "FailCode", Integer.toString(s.failCode()));
      optional(out, "FailMessage", s.failMessage());
    }
  }

  static void result(PrintStream out, TaskResult r) {
    field(out, "TaskId", r.taskId());
    field(out, "Status", r.state().wireValue());
    optional(out, "MediaUrl", r.mediaUrl());
    optional(out, "SubtitlesUrl", r.subtitlesUrl());
    if (r.duration().compareTo(Duration.ZERO) > 0) {
      field(out, "Duration", seconds(r.duration()));
    }
    field(out, "ExpiresAt", r.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (the gateway keeps results " + TaskResult.RETENTION_DAYS + " days)");
  }

  private static void optional(PrintStream out, String name, String value) {
    if (!value.isEmpty()) {
      field(out, name, value);
    }
  }

  /** Every value shown is neutralised: most come from the gateway. */
  private static void field(PrintStream out, String name, String value) {
    out.printf("%-13s %s%n", name + ":", TerminalText.of(value));
  }

  /**
   * A progress for display, within 0..100 whatever the gateway sent (the snapshot keeps the raw
   * value, and {@code --json} prints it).
   */
  static int percent(int progress) {
    return Math.max(0, Math.min(100, progress));
  }

  /** A count for display: never negative. */
  static int count(int value) {
    return Math.max(0, value);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
  }
}
