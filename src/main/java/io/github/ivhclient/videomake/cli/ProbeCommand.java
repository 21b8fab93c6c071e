package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.MediaPreflight;
import io.github.ivhclient.videomake.internal.MessageText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {"Print what one media file holds, judged by its bytes.",
        "Container, codecs, size in pixels, duration and size.",
        "Exits 0 when the file could be read, 2 when it could not."})
final class ProbeCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Parameters(paramLabel = "FILE_OR_URL", description = "A local path, a file: URL, or an http(s) URL.")
  private String location;

  @Option(names = "--json", description = "Print the findings as one JSON object.")
  private boolean json;

  @Mixin
  private PreflightCommand.MediaAccess access;

  @Override
  public Integer call() {
    MediaInfo info;
    try (MediaPreflight preflight = MediaPreflight.create(access.options())) {
      info = preflight.probe(location);
    }
    if (json) {
      cli.out().println(JsonOutput.media(info));
    } else {
      cli.out().println(MessageText.oneLine(info.toString(), 500));
      for (String problem : info.problems()) {
        cli.out().println("  " + MessageText.oneLine(problem, 500));
      }
    }
    return info.container().isPresent() ? ExitCode.OK : ExitCode.USAGE;
  }
}
