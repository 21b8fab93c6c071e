package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Wait for a task to end, with a progress bar on standard error, and print its result URLs.",
        "Exits 4 when the task ends in FAIL, 5 when --timeout passes first (with --json, after",
        "printing the task's document: TaskId, Status, FailCode, FailMessage)."})
final class WaitCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Parameters(paramLabel = "TASK_ID", description = "The TaskId that submit printed.")
  private String taskId;

  @Mixin
  private TaskWait waiting;

  @Option(names = "--json",
      description = "Print the result with the gateway's field names (also when it fails or times out).")
  private boolean json;

  @Override
  public Integer call() {
    try (IvhClient client = cli.client()) {
      TaskWait.print(cli, waiting.await(cli, client, taskId, json, null), json);
    }
    return ExitCode.OK;
  }
}
