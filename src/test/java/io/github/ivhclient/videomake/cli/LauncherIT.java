package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code target/ivh}, the launcher {@code mvn package} writes, run as a user runs it, also through a link. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("target", "ivh").toAbsolutePath();

  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(Path command, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(command.toString()));
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("IVH_"));
    Process process = builder.start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ivh finished").isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherIsAnExecutableWithItsClassDataArchive() {
    assertThat(Files.isExecutable(LAUNCHER)).as(LAUNCHER + " is executable").isTrue();
    assertThat(LAUNCHER.resolveSibling("ivh.jsa")).isRegularFile();
  }

  @Test
  void itRunsTheCliFromAnyDirectoryAndThroughALink() throws Exception {
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"RefVideoUrl\":\"https://cdn.example.com/t.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.0}}");
    Run valid = run(LAUNCHER, "validate", request.toString());
    assertThat(valid.exit()).as(valid.err()).isZero();
    assertThat(valid.out()).contains("request.json: valid");
    assertThat(valid.err()).as("no JVM or class-data warnings").isEmpty();

    Path link = Files.createSymbolicLink(dir.resolve("ivh"), LAUNCHER);
    Run version = run(link, "--version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("ivh ");

    Files.writeString(request, "{\"DriverType\":\"Text\"}");
    Run invalid = run(LAUNCHER, "validate", request.toString());
    assertThat(invalid.exit()).as("exit code 1: invalid request").isEqualTo(1);
  }

  /**
   * Moved to a directory with spaces, the archive no longer matches the jar's path, and without it
   * the launcher runs plainly: both quietly, with the same output.
   */
  @Test
  void aMovedCopyRunsWithAStaleArchiveOrNoneAndSaysNothingAboutIt() throws Exception {
    Path request = Files.createDirectories(dir.resolve("my requests")).resolve("a request.json");
    Files.writeString(request, "{\"RefVideoUrl\":\"https://cdn.example.com/t.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.0,\"Volume\":1}}");
    Run original = run(LAUNCHER, "validate", request.toString());
    assertThat(original.exit()).as(original.err()).isZero();
    assertThat(original.out()).contains("a request.json: valid with 1 warning");

    Path copy = Files.createDirectories(dir.resolve("my tools"));
    try (var files = Files.list(LAUNCHER.getParent())) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("ivh|ivh\\.jsa|.*-cli\\.jar")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Run stale = run(copy.resolve("ivh"), "validate", request.toString());
    assertThat(stale).isEqualTo(original);

    Files.delete(copy.resolve("ivh.jsa"));
    Run none = run(copy.resolve("ivh"), "validate", request.toString());
    assertThat(none).isEqualTo(original);
  }
}
