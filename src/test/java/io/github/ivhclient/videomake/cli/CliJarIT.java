package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar that {@code mvn package} built, run as a user runs it: {@code java -jar}. */
class CliJarIT {
  private static final long DEADLINE_SECONDS = 60;

  @TempDir
  Path dir;

  private static Path cliJar() throws IOException {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "*-cli.jar")) {
      found.forEach(jars::add);
    }
    assertThat(jars).as("target/*-cli.jar").hasSize(1);
    return jars.get(0);
  }

  private ProcessBuilder java(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cliJar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("IVH_"));
    return builder;
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  /** Whether this JVM ignores SIGINT (Linux's /proc; false where there is none). */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("SigIgn:"))
        .map(line -> new BigInteger(line.substring("SigIgn:".length()).strip(), 16))
        .anyMatch(mask -> mask.testBit(1)); // bit n-1 is signal n; SIGINT is 2
  }

  @Test
  void theManifestClaimsNoVersionForTheBundledLibraries() throws IOException {
    try (JarFile jar = new JarFile(cliJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo(IvhCli.class.getName());
      assertThat(main.getValue("Implementation-Version")).isNull();
      assertThat(main.getValue("Implementation-Title")).isNull();
    }
  }

  @Test
  void versionPrintsTheProjectVersion() throws Exception {
    Process process = java("--version").start();
    assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(ExitCode.OK);
    assertThat(read("out.txt").strip()).isEqualTo("ivh " + CliVersion.version())
        .doesNotContain("development build");
  }

  @Test
  void ctrlCDuringTheDemoStopsItWithOneLineAndExit130() throws Exception {
    assumeThat(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute())
        .as("a kill command to send SIGINT").isTrue();
    assumeThat(sigintIgnored()).as("SIGINT ignored by this process (started in the background without job"
        + " control), so by its children too").isFalse();
    Process process = java("demo", "--task-duration", "5m").start();
    try {
      interruptOnceWaiting(process);
    } finally {
      process.destroyForcibly(); // a failed assertion must not leave a 5-minute demo running
    }
  }

  @Test
  void ctrlCWhileASubmitAwaitsItsAnswerSaysTheTaskMayExistAndPrintsTheJsonDocument() throws Exception {
    assumeThat(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute())
        .as("a kill command to send SIGINT").isTrue();
    assumeThat(sigintIgnored()).as("SIGINT ignored by this process").isFalse();
    try (MockWebServer gateway = new MockWebServer()) {
      gateway.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // never answers
      gateway.start(InetAddress.getByName("127.0.0.1"), 0);
      ProcessBuilder builder = java("submit", "--json", "--video", "https://cdn.example.com/a.mp4",
          "--audio", "https://cdn.example.com/a.mp3");
      builder.environment().put(IvhCli.ENV_APPKEY, "it-app-key-0001");
      builder.environment().put(IvhCli.ENV_ACCESS_TOKEN, "it-access-token-0001");
      builder.environment().put(IvhCli.ENV_ENDPOINT, gateway.url("/").toString());
      Process process = builder.start();
      try {
        assertThat(gateway.takeRequest(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("the submit arrived").isNotNull();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(read("err.txt")).contains("the task may or may not exist").doesNotContain("\tat ");
        assertThat(read("out.txt")).contains("\"Interrupted\": true").contains("\"TaskMayExist\": true");
        assertThat(gateway.getRequestCount()).isEqualTo(1);
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private void interruptOnceWaiting(Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    // Interrupt once the wait has drawn its first progress line.
    while (!read("err.txt").contains("% [") && System.nanoTime() < deadline && process.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(read("err.txt")).as(read("out.txt")).contains("% [");

    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    assertThat(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
    String err = read("err.txt");
    List<String> failures = err.lines().filter(line -> line.startsWith("ivh: ")).toList();
    assertThat(failures).as(err).hasSize(1);
    assertThat(failures.get(0)).startsWith("ivh: interrupted; the sandbox gateway stops");
    assertThat(err).endsWith(failures.get(0) + System.lineSeparator()).doesNotContain("\tat ");
    assertThat(read("out.txt")).contains("TaskId").doesNotContain("Sandbox stopped");
  }
}
