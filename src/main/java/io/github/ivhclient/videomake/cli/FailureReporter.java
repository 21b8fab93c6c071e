package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhServiceException;
import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.IvhValidationException;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Turns a failed command into its exit code ({@link ExitCode}) and one line on standard error,
 * scrubbed of secrets, with the stack trace only under {@code --verbose}.
 */
final class FailureReporter {
  private final PrintStream err;
  private final Secrets secrets;
  private final Interruption interruption;
  private final BooleanSupplier verbose;

  FailureReporter(PrintStream err, Secrets secrets, Interruption interruption, BooleanSupplier verbose) {
    this.err = err;
    this.secrets = secrets;
    this.interruption = interruption;
    this.verbose = verbose;
  }

  /** A command line picocli could not parse ({@code command}'s): exit 2, pointing at the command's help. */
  int usage(RuntimeException e, String command) {
    String line = secrets.scrub(e.getMessage()) + " (see '" + command + " --help')";
    err.println("ivh: " + FailureLine.of(line, List.of()));
    printStackTraceIfVerbose(e);
    return ExitCode.USAGE;
  }

  /** A command that threw. */
  int failure(Throwable e) {
    if (interruption.fired()) {
      // Ctrl-C's hook has said what happened; this failure is its consequence (the stopped sandbox).
      return ExitCode.INTERRUPTED;
    }
    int code = exitCodeOf(e);
    err.println("ivh: " + FailureLine.of(secrets.scrub(lineOf(e, code)), essentials(e)));
    printStackTraceIfVerbose(e);
    return code;
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof CliException cli) {
      return cli.exitCode();
    }
    if (e instanceof IvhValidationException) {
      return ExitCode.INVALID_REQUEST;
    }
    if (e instanceof IvhTaskFailedException) {
      return ExitCode.TASK_FAILED;
    }
    if (e instanceof IvhWaitTimeoutException) {
      return ExitCode.TIMED_OUT;
    }
    if (e instanceof IvhException) {
      return ExitCode.GATEWAY;
    }
    return ExitCode.INTERNAL;
  }

  private static String lineOf(Throwable e, int code) {
    if (code == ExitCode.INTERNAL) {
      return "internal error: " + e + " (rerun with --verbose for the stack trace)";
    }
    if (e instanceof IvhWaitTimeoutException timeout) {
      return timeoutLine(timeout);
    }
    return String.valueOf(e.getMessage());
  }

  /** What a cut failure line must still show: the gateway's Header.Code and RequestID. */
  private static List<String> essentials(Throwable failure) {
    Throwable e = failure instanceof CliException && failure.getCause() instanceof IvhException ? failure.getCause() : failure;
    List<String> essentials = new ArrayList<>();
    if (e instanceof IvhServiceException service) {
      essentials.add("Header.Code=" + service.code());
    }
    if (e instanceof IvhException ivh && ivh.requestId() != null && !ivh.requestId().isEmpty()) {
      essentials.add("RequestID " + ivh.requestId());
    }
    return essentials;
  }

  /** The timeout as the user writes it ({@code 30m}), the last status seen, and how to resume. */
  static String timeoutLine(IvhWaitTimeoutException timeout) {
    StringBuilder line = new StringBuilder("gave up waiting for task ").append(timeout.taskId())
        .append(" after ").append(DurationConverter.format(timeout.timeout()));
    TaskSnapshot last = timeout.lastSnapshot();
    if (last == null) {
      line.append(" without any answer");
    } else {
      line.append("; last status ").append(last.rawStatus().isEmpty() ? "(none)" : last.rawStatus());
      if (last.state() == TaskState.QUEUED) {
        line.append(", ").append(Output.count(last.queuePosition())).append(" ahead in the queue");
      } else if (last.progress() >= 0) {
        line.append(", progress ").append(Output.percent(last.progress())).append('%');
      }
      if (last.requestId() != null && !last.requestId().isEmpty()) {
        line.append(" (RequestID ").append(last.requestId()).append(')');
      }
    }
    return line.append("; the task on the server goes on (resume with: ivh wait ").append(timeout.taskId())
        .append(')').toString();
  }

  private void printStackTraceIfVerbose(Throwable e) {
    if (!verbose.getAsBoolean()) {
      return;
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    err.print(secrets.scrub(trace.toString()));
    err.flush();
  }
}
