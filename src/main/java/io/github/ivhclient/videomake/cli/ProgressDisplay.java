package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.TaskSnapshot;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar of a wait: status, queue position, percent and elapsed time, fed with every
 * snapshot that differs from the previous one.
 *
 * <p>On a terminal it redraws one line in place. Elsewhere (a pipe, a CI log, a test) carriage
 * returns would garble the output, so it prints a new line only when the status, the queue
 * position or the percent changes, and never touches the terminal library.
 */
final class ProgressDisplay implements AutoCloseable {
  /** Line mode has no terminal to measure: lines are this wide unless the status text is unusually long. */
  static final int LINE_WIDTH = 100;
  /** Line mode's bar, the same on every line so that the lines of a log align. */
  static final int LINE_BAR_WIDTH = 30;
  private static final int TERMINAL_REFRESH_MILLIS = 200;
  private static final int LINE_POLL_MILLIS = 100;

  private final ProgressBar bar;
  /** Ctrl-C's hook and the waiting thread may both close the display; only the first draws the last line. */
  private final AtomicBoolean closed = new AtomicBoolean();

  ProgressDisplay(String taskId, PrintStream err, boolean terminal) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(err, "err");
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName("task " + abbreviate(taskId))
        .setInitialMax(100)
        .continuousUpdate();
    if (terminal) {
      builder.setStyle(ProgressBarStyle.UNICODE_BLOCK)
          .hideEta()
          .setUpdateIntervalMillis(TERMINAL_REFRESH_MILLIS)
          .setConsumer(new ConsoleProgressBarConsumer(err));
    } else {
      builder.setUpdateIntervalMillis(LINE_POLL_MILLIS)
          .setRenderer(new ChangeOnlyRenderer())
          .setConsumer(lineConsumer(err));
    }
    this.bar = builder.build();
  }

  /** Shows a snapshot; meant as the waiter's listener. */
  void onChange(TaskSnapshot snapshot) {
    switch (snapshot.state()) {
      case SUCCESS -> bar.stepTo(100);
      case QUEUED -> bar.stepTo(0);
      case FAIL -> { } // FAIL reports -1: keep the last percent seen
      default -> bar.stepTo(Output.percent(snapshot.progress()));
    }
    bar.setExtraMessage(describe(snapshot));
  }

  static String describe(TaskSnapshot snapshot) {
    return switch (snapshot.state()) {
      case QUEUED -> "COMMIT, " + Output.count(snapshot.queuePosition()) + " ahead in the queue";
      case FAIL -> "FAIL (FailCode " + snapshot.failCode() + ")";
      case UNKNOWN -> snapshot.rawStatus().isEmpty() ? "no status yet" : TerminalText.of(snapshot.rawStatus());
      default -> snapshot.state().wireValue();
    };
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      bar.close();
    }
  }

  private static String abbreviate(String taskId) {
    return taskId.length() <= 12 ? taskId : taskId.substring(0, 8);
  }

  private static ProgressBarConsumer lineConsumer(PrintStream err) {
    return new DelegatingProgressBarConsumer(line -> {
      if (!line.isEmpty()) {
        err.println(line);
        err.flush();
      }
    }, LINE_WIDTH);
  }

  /**
   * Renders only when something a reader cares about changed, and nothing before the first
   * snapshot. The bar renders on a single scheduler thread, so the remembered key needs no lock.
   */
  private static final class ChangeOnlyRenderer extends DefaultProgressBarRenderer {
    private String lastKey = "";

    ChangeOnlyRenderer() {
      super(ProgressBarStyle.ASCII, "", 1, false, null, ChronoUnit.SECONDS, false, state -> Optional.empty());
    }

    @Override
    public String render(ProgressState progress, int maxLength) {
      String message = progress.getExtraMessage();
      if (message == null || message.isEmpty()) {
        return "";
      }
      String key = progress.getCurrent() + "|" + message;
      if (key.equals(lastKey)) {
        return "";
      }
      lastKey = key;
      // The default renderer gives the bar whatever room the texts around it leave, so a longer
      // status would shorten it: measure the texts, then render again with room for a fixed bar.
      String line = super.render(progress, maxLength);
      int aroundBar = line.length() - barWidth(line, progress.getTaskName().length());
      return super.render(progress, aroundBar + LINE_BAR_WIDTH);
    }

    /** The characters between the bar's brackets, which come right after the task name. */
    private static int barWidth(String line, int nameLength) {
      int open = line.indexOf('[', nameLength);
      int close = line.indexOf(']', open + 1);
      return open < 0 || close < 0 ? 0 : close - open - 1;
    }
  }
}
