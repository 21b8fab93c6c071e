package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.TaskState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Query a task's progress once.",
        "Exits 4 when the task has ended in FAIL, 0 otherwise."})
final class StatusCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Parameters(paramLabel = "TASK_ID", description = "The TaskId that submit printed.")
  private String taskId;

  @Option(names = "--json", description = "Print the progress Payload with the gateway's field names.")
  private boolean json;

  @Override
  public Integer call() {
    TaskSnapshot snapshot;
    try (IvhClient client = cli.client()) {
      snapshot = client.getProgress(taskId);
    }
    if (json) {
      cli.out().println(JsonOutput.snapshot(snapshot));
    } else {
      Output.snapshot(cli.out(), snapshot);
    }
    if (snapshot.state() == TaskState.FAIL) {
      cli.err().println("ivh: task " + taskId + " ended in FAIL: FailCode " + snapshot.failCode()
          + (snapshot.failMessage().isEmpty() ? "" : ", " + TerminalText.of(snapshot.failMessage())));
      return ExitCode.TASK_FAILED;
    }
    return ExitCode.OK;
  }
}
