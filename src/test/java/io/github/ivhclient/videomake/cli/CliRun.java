package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this process with an injected environment and captured output. */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new IvhCli(env, o, e).execute(args);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Map<String, String> env(String appKey, String accessToken) {
    Map<String, String> env = new HashMap<>();
    env.put(IvhCli.ENV_APPKEY, appKey);
    env.put(IvhCli.ENV_ACCESS_TOKEN, accessToken);
    return env;
  }

  /** The one-line failure contract: exactly one line on stderr, no stack trace. */
  CliRun assertOneErrorLine() {
    assertThat(err.lines().count()).as("stderr lines of %s", err).isEqualTo(1);
    assertThat(err).startsWith("ivh: ").doesNotContain("\tat ").doesNotContain("Exception:");
    return this;
  }

  /** None of the given secrets appears anywhere in the output. */
  CliRun assertNoSecret(String... secrets) {
    for (String secret : secrets) {
      assertThat(out).doesNotContain(secret);
      assertThat(err).doesNotContain(secret);
    }
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
