package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a request file against the contract, offline: no credentials, no network.",
        "FILE holds the Payload object or the whole {\"Header\",\"Payload\"} envelope.",
        "Exits 0 when valid (warnings allowed), 1 when invalid, 2 when the file is unreadable or not JSON."})
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand
  private IvhCli cli;

  @Parameters(paramLabel = "FILE", description = "The request, as JSON.")
  private Path file;

  @Option(names = "--json", description = "Print {\"valid\", \"errors\": [{\"path\", \"message\"}], \"warnings\": [...]}.")
  private boolean json;

  @Override
  public Integer call() {
    return run(cli, file, json);
  }

  /** The command itself, also run by {@link IvhCli} for a {@link PlainValidate} line without picocli. */
  static int run(IvhCli cli, Path file, boolean json) {
    ValidationReport report = RequestFile.read(file).report();
    if (json) {
      cli.out().println(JsonOutput.validation(report));
    } else {
      for (ValidationIssue issue : report.all()) {
        cli.out().printf("%-8s %s%n", issue.severity() == ValidationIssue.Severity.ERROR ? "error" : "warning", issue);
      }
      if (report.isValid()) {
        cli.out().println(file + ": valid" + count(report.warnings().size(), "warning", " with "));
      }
    }
    if (report.isValid()) {
      return ExitCode.OK;
    }
    cli.err().println("ivh: " + file + " is invalid: " + count(report.errors().size(), "error", "")
        + count(report.warnings().size(), "warning", ", "));
    return ExitCode.INVALID_REQUEST;
  }

  private static String count(int n, String noun, String prefix) {
    return n == 0 ? "" : prefix + n + " " + noun + (n == 1 ? "" : "s");
  }
}
