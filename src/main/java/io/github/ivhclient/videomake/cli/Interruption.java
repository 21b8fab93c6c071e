package io.github.ivhclient.videomake.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Ctrl-C does during a submit or a wait, as the JVM's shutdown hook. During a wait: finish
 * the progress line and say that the task goes on and how to resume, instead of leaving a
 * half-drawn bar. During a submit: say that the request may have been sent, so the task may or
 * may not exist. With {@code --json} the command's document is still printed on standard output.
 * In {@code demo} it also stops the sandbox, so the task ends with the process. The JVM still
 * exits with 130.
 */
final class Interruption implements Runnable {
  static final String SUBMIT_MESSAGE = "interrupted while submitting: the request may already have been sent,"
      + " so the task may or may not exist (check before submitting again)";

  private final PrintStream err;
  private final AtomicBoolean fired = new AtomicBoolean();
  private volatile Active current;

  /**
   * What is in progress: a submit ({@code taskId} null, no display) or a wait; {@code json} is
   * standard output when {@code --json} was given, else null.
   */
  private record Active(String taskId, ProgressDisplay display, AutoCloseable sandbox, PrintStream json) {}

  Interruption(PrintStream err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /** A submit is in flight from now on; {@code json} is standard output with {@code --json}, else null. */
  void submitting(PrintStream json) {
    current = new Active(null, null, null, json);
  }

  /**
   * A wait for {@code taskId} shows {@code display} from now on; {@code sandbox} is null outside
   * {@code demo}, {@code json} is standard output with {@code --json}, else null.
   */
  void waiting(String taskId, ProgressDisplay display, AutoCloseable sandbox, PrintStream json) {
    current = new Active(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(display, "display"),
        sandbox, json);
  }

  /** The submit or wait ended: an exit from now on is not an interruption of it. */
  void done() {
    current = null;
  }

  /** Whether the hook ran; a failure after it is a consequence (e.g. the stopped sandbox), not news. */
  boolean fired() {
    return fired.get();
  }

  /** The hook's action; runs once, and prints nothing when no submit or wait is in progress. */
  @Override
  public void run() {
    Active active = current;
    if (active == null || !fired.compareAndSet(false, true)) {
      return;
    }
    if (active.display() != null) {
      active.display().close();
    }
    if (active.json() != null) {
      active.json().println(active.taskId() == null
          ? JsonOutput.interruptedSubmit() : JsonOutput.interruptedWait(active.taskId()));
      active.json().flush();
    }
    err.println("ivh: " + (active.taskId() == null
        ? SUBMIT_MESSAGE : message(active.taskId(), active.sandbox() != null)));
    err.flush();
    if (active.sandbox() != null) {
      try {
        active.sandbox().close();
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
