package io.github.ivhclient.videomake.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Ctrl-C does during a wait, as the JVM's shutdown hook: finish the progress line and say
 * that the task goes on and how to resume, instead of leaving a half-drawn bar. In {@code demo}
 * it also stops the sandbox, so the task ends with the process. The JVM still exits with 130.
 */
final class Interruption implements Runnable {
  private final PrintStream err;
  private final AtomicBoolean fired = new AtomicBoolean();
  private volatile ActiveWait current;

  private record ActiveWait(String taskId, ProgressDisplay display, AutoCloseable sandbox) {}

  Interruption(PrintStream err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /** A wait for {@code taskId} shows {@code display} from now on; {@code sandbox} is null outside {@code demo}. */
  void waiting(String taskId, ProgressDisplay display, AutoCloseable sandbox) {
    current = new ActiveWait(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(display, "display"),
        sandbox);
  }

  /** The wait ended: an exit from now on is not an interruption of it. */
  void done() {
    current = null;
  }

  /** Whether the hook ran; a failure after it is a consequence (e.g. the stopped sandbox), not news. */
  boolean fired() {
    return fired.get();
  }

  /** The hook's action; runs once, and prints nothing when no wait is in progress. */
  @Override
  public void run() {
    ActiveWait wait = current;
    if (wait == null || !fired.compareAndSet(false, true)) {
      return;
    }
    wait.display().close();
    err.println("ivh: " + message(wait.taskId(), wait.sandbox() != null));
    err.flush();
    if (wait.sandbox() != null) {
      try {
        wait.sandbox().close();
      } catch (Exception e) {
        // The process is ending anyway; the sandbox's port goes with it.
      }
    }
  }

  static String message(String taskId, boolean sandbox) {
    return sandbox
        ? "interrupted; the sandbox gateway stops, and its task " + taskId + " with it"
        : "interrupted; the task on the server goes on (resume with: ivh wait " + taskId + ")";
  }
}
