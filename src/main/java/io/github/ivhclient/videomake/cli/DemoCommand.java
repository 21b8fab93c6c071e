package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.MediaPreflight;
import io.github.ivhclient.videomake.PreflightOptions;
import io.github.ivhclient.videomake.PreflightReport;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.VideoMakeRequests;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.sandbox.SandboxGateway;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole job against a sandbox gateway in this process.",
        "Submits a text-driven task with the sandbox's credentials, waits with the progress bar,",
        "prints the result URL and stops the sandbox (Ctrl-C stops it too).",
        "Needs no credentials, no Node and no network; ignores --endpoint and IVH_* variables."})
final class DemoCommand implements Callable<Integer> {
  static final String TEXT = "Hello! This video was made by the IVH sandbox gateway.";
  /** The sandbox advances a task from its clock, so polling often only makes the bar smoother. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  /** A sandbox task that is not done this long after its duration is broken: stop waiting. */
  private static final Duration DEMO_SLACK = Duration.ofSeconds(30);

  @ParentCommand
  private IvhCli cli;

  @Option(names = "--task-duration", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long the sandbox takes to make the video. Default: 3s.")
  private Duration taskDuration = SandboxGateway.DEFAULT_TASK_DURATION;

  @Override
  public Integer call() {
    PrintStream out = cli.out();
    try (SandboxGateway sandbox = SandboxGateway.builder().taskDuration(taskDuration).start();
        IvhClient client = sandbox.clientBuilder().build()) {
      out.println("Sandbox gateway listening on " + sandbox.endpoint()
          + " (in this process; sandbox credentials, nothing leaves this machine)");
      String timbre = SandboxGateway.timbreKeys().get(0);
      VideoMakeNoTrainPayload request = VideoMakeRequests.textDriven(sandbox.sampleVideoUrl(), TEXT, timbre, 1.0);
      // The sandbox is on loopback, which the library refuses by default: allowed here explicitly.
      try (MediaPreflight preflight = MediaPreflight.create(PreflightOptions.builder().allowNonPublicAddresses().build())) {
        PreflightReport media = preflight.check(request);
        out.println("Preflight of the template video: " + media.media().get("Payload.RefVideoUrl")
            + (media.isValid() ? "; no errors" : "; errors: " + media.errors()));
      }
      String taskId = client.submit(request);
      out.println("Submitted a text-driven VideoMakeNoTrain task (TimbreKey " + timbre + "): TaskId " + taskId);
      TaskWait waiting = new TaskWait();
      waiting.pollInterval = POLL_INTERVAL;
      waiting.timeout = taskDuration.plus(DEMO_SLACK);
      TaskResult result = waiting.await(cli, client, taskId, false, sandbox);
      out.println("The task ended in " + result.state().wireValue() + ":");
      TaskWait.print(cli, result, false);
    }
    out.println("Sandbox stopped (its URLs no longer answer). For the real gateway set IVH_APPKEY and"
        + " IVH_ACCESS_TOKEN, then run: ivh submit --help");
    return ExitCode.OK;
  }
}
