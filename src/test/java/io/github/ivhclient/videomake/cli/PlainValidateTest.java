package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ivh validate} without picocli ({@link PlainValidate}): which command lines take it, and
 * that every one of them prints and exits exactly as picocli's parse of the same line does.
 */
class PlainValidateTest {
  private static final String TEXT = "\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
      + "\"InputSsml\":\"hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\"";

  @TempDir
  Path dir;

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(boolean plain, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      IvhCli cli = new IvhCli(Map.of(), o, e);
      code = plain ? cli.execute(args) : cli.executeParsed(args);
    }
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
  }

  private static String[] line(String... args) {
    return args;
  }

  @Test
  void theFastPathPrintsAndExitsAsPicocliDoesForEveryKindOfFile() throws IOException {
    List<Path> files = new ArrayList<>(List.of(
        write("valid.json", "{" + TEXT + ",\"Speed\":1.0}}"),
        write("warning.json", "{" + TEXT + ",\"Speed\":1.0,\"Volume\":1}}"),
        write("invalid.json", "{" + TEXT + ",\"Speed\":true},\"VideoParam\":{\"MakeType\":\"Nope\"}}"),
        write("malformed.json", "{\"RefVideoUrl\": "),
        write("array.json", "[1, 2]"),
        write("with space.json", "{\"Header\":{},\"Payload\":{" + TEXT + ",\"Speed\":1.0}}}"),
        dir.resolve("missing.json"),
        dir));
    List<Integer> exits = new ArrayList<>();
    for (Path file : files) {
      for (String[] args : List.of(line("validate", file.toString()), line("validate", "--json", file.toString()),
          line("validate", file.toString(), "--json"))) {
        assertThat(PlainValidate.parse(args)).as(String.join(" ", args)).isNotNull();
        Outcome parsed = run(false, args);
        assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(parsed);
        exits.add(parsed.exit());
      }
    }
    // Each outcome is covered: valid, invalid, unreadable.
    assertThat(exits).contains(ExitCode.OK, ExitCode.INVALID_REQUEST, ExitCode.USAGE);
  }

  @Test
  void anythingButThePlainFormsGoesToPicocliWithItsOwnOutput() throws IOException {
    String file = write("valid.json", "{" + TEXT + ",\"Speed\":1.0}}").toString();
    Files.writeString(dir.resolve("args.txt"), file);
    List<String[]> lines = List.of(
        line(), line("validate"), line("validate", "--json"), line("validate", file, file),
        line("validate", "--json", "--json", file), line("validate", "--", file), line("validate", "--jsn", file),
        line("validate", "-h"), line("validate", "--help", file), line("validate", "-V"),
        line("validate", "@" + dir.resolve("args.txt")), line("validate", ""), line("validate", "-"),
        line("-v", "validate", file), line("--verbose", "validate", "--json", file),
        line("--endpoint", "international", "validate", file), line("validate", "--json=true", file),
        line("validate", "a\u0000b.json"), line("status", file), line("--help"), line("Validate", file));
    for (String[] args : lines) {
      assertThat(PlainValidate.parse(args)).as(String.join(" ", args)).isNull();
      assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(run(false, args));
    }
  }

  @Test
  void picocliReadsTheLinesTheFastPathLeavesToItAsBefore() throws IOException {
    Path file = write("valid.json", "{" + TEXT + ",\"Speed\":1.0}}");
    Outcome plain = run(true, "validate", file.toString());
    assertThat(plain.exit()).as(plain.toString()).isZero();
    assertThat(plain.out()).isEqualTo(file + ": valid" + System.lineSeparator());

    // After "--" a name that starts with a dash is the file (relative to the working directory: not there).
    Outcome afterDashes = run(true, "validate", "--", "-dashed.json");
    assertThat(afterDashes.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(afterDashes.err()).isEqualTo("ivh: cannot read -dashed.json: no such file" + System.lineSeparator());
    assertThat(run(true, "validate", "--", file.toString()).out()).isEqualTo(plain.out());

    Outcome unknown = run(true, "validate", "--jsn", file.toString());
    assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).startsWith("ivh: Unknown option: '--jsn'").contains("(see 'ivh validate --help')");
    assertThat(unknown.out()).isEmpty();

    Outcome twice = run(true, "validate", file.toString(), file.toString());
    assertThat(twice.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(twice.err()).contains("Unmatched argument");

    Outcome help = run(true, "validate", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: ivh validate").contains("--json");
  }
}
