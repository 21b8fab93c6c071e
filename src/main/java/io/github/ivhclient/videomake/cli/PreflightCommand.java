package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.MediaPreflight;
import io.github.ivhclient.videomake.PreflightOptions;
import io.github.ivhclient.videomake.PreflightReport;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.MessageText;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "preflight", mixinStandardHelpOptions = true,
    description = {"Check the media files a request names against the API document's limits.",
        "Video, audio, photo and authorizations: container and codec from the bytes, size, resolution,",
        "duration with the ConcurrencyType allowances, and the request's times against the video's",
        "length. No credentials.",
        "Remote files are read with Range requests, at most 2 MiB and 30 s per file.",
        "Exits 0 with no errors, 1 with errors, 2 when the file is unreadable or malformed."})
final class PreflightCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Parameters(paramLabel = "REQUEST_FILE", description = "The request, as JSON (as for 'validate').")
  private Path file;

  @Option(names = "--json", description = "Print {\"valid\", \"errors\": [{\"path\", \"message\", ...}], \"warnings\": [...],"
      + " \"notes\": [...], \"media\": {...}}.")
  private boolean json;

  @Mixin
  private MediaAccess access;

  @Override
  public Integer call() {
    RequestFile request = RequestFile.read(file);
    if (request.payload() == null) {
      for (ValidationIssue issue : request.readerIssues()) {
        cli.err().println("error    " + issue);
      }
      throw new CliException(ExitCode.USAGE, file + ": the request has type errors; fix them first ('ivh validate')");
    }
    PreflightReport report;
    try (MediaPreflight preflight = MediaPreflight.create(access.options())) {
      report = preflight.check(request.payload());
    }
    if (json) {
      cli.out().println(JsonOutput.preflight(report));
    } else {
      print(cli, report);
      if (report.isValid()) {
        cli.out().println(file + ": media pass preflight"
            + (report.warnings().isEmpty() ? "" : " with " + report.warnings().size() + " warning(s)"));
      }
    }
    if (report.isValid()) {
      return ExitCode.OK;
    }
    cli.err().println("ivh: " + file + " fails preflight: " + report.errors().size() + " error(s)");
    return ExitCode.INVALID_REQUEST;
  }

  /** One line per file, then the findings and notes. */
  static void print(IvhCli cli, PreflightReport report) {
    for (Map.Entry<String, MediaInfo> entry : report.media().entrySet()) {
      cli.out().println(entry.getKey() + ": " + MessageText.oneLine(entry.getValue().toString(), 500));
    }
    for (ValidationIssue issue : report.all()) {
      cli.out().printf("%-8s %s%n", issue.severity() == ValidationIssue.Severity.ERROR ? "error" : "warning",
          MessageText.oneLine(issue.toString(), 1000));
    }
    for (String note : report.notes()) {
      cli.out().println("note     " + MessageText.oneLine(note, 1000));
    }
  }

  /** How the CLI reads media: the user's own files, so local paths and private addresses are allowed unless restricted. */
  static final class MediaAccess {
    @Option(names = "--public-only",
        description = "Refuse local files and non-public addresses (loopback, private, link-local), as the library does by default.")
    private boolean publicOnly;

    PreflightOptions options() {
      PreflightOptions.Builder builder = PreflightOptions.builder();
      if (!publicOnly) {
        builder.allowLocalFiles(true).allowNonPublicAddresses();
      }
      return builder.build();
    }
  }
}
