package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.WaitOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options and the behaviour every waiting command shares: poll with a progress bar, print the result. */
final class TaskWait {
  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Give up waiting after this long (exit 5; the task goes on). E.g. 90s, 10m, 2h. Default: 2h.")
  Duration timeout;

  @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Pause between progress queries. Default: 2s, growing to 30s.")
  Duration pollInterval;

  /**
   * Waits for the task to end, showing a progress bar on standard error. With {@code json} a task
   * that fails or outlasts the timeout still gets its document on standard output (TaskId, Status,
   * FailCode, FailMessage), so a script keeps the TaskId, before the exit code says what happened.
   *
   * @param sandbox the in-process sandbox that Ctrl-C stops ({@code demo}), else {@code null}
   * @throws IvhTaskFailedException when the task ends in FAIL (exit 4)
   * @throws IvhWaitTimeoutException when the timeout passes first (exit 5)
   * @throws CliException when polling fails for good (exit 3), naming the task and how to resume
   */
  TaskResult await(IvhCli cli, IvhClient client, String taskId, boolean json, AutoCloseable sandbox) {
    WaitOptions.Builder options = WaitOptions.defaults().toBuilder();
    if (timeout != null) {
      options.timeout(timeout);
    }
    if (pollInterval != null) {
      options.initialDelay(pollInterval).maxDelay(pollInterval).multiplier(1.0);
    }
    try (ProgressDisplay display = new ProgressDisplay(taskId, cli.err(), cli.terminal())) {
      cli.interruption().waiting(taskId, display, sandbox, json ? cli.out() : null);
      try {
        return client.waitFor(taskId, options.listener(display::onChange).build());
      } catch (IvhTaskFailedException e) {
        if (json) {
          display.close(); // the bar's last line first, then the document
          cli.out().println(JsonOutput.result(e.result()));
        }
        throw e;
      } catch (IvhWaitTimeoutException e) {
        if (json) {
          display.close();
          cli.out().println(JsonOutput.timedOut(e));
        }
        throw e;
      } catch (IvhException e) {
        // Polling failed for good, but the task exists: name it, or a script that retries the
        // whole submit on exit 3 would pay for a second task.
        if (json) {
          display.close();
          cli.out().println(JsonOutput.taskId(taskId));
        }
        throw new CliException(ExitCode.GATEWAY, "task " + taskId + ": waiting failed, the task on the server goes on"
            + " (resume with: ivh wait " + taskId + "): " + e.getMessage(), e);
      } finally {
        cli.interruption().done();
      }
    }
  }

  /** Prints how the task ended: the result URLs, or the JSON document. */
  static void print(IvhCli cli, TaskResult result, boolean json) {
    if (json) {
      cli.out().println(JsonOutput.result(result));
    } else {
      Output.result(cli.out(), result);
    }
    if (cli.out().checkError()) {
      // The result could not be shown: keep at least the TaskId, to query it again.
      cli.err().println("ivh: TaskId " + result.taskId());
      throw new CliException(ExitCode.OUTPUT, "task " + result.taskId() + " ended in " + result.state().wireValue()
          + ", but its result could not be written to standard output (resume with: ivh wait " + result.taskId() + ")");
    }
  }
}
