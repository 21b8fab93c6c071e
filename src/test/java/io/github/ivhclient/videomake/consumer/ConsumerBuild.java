package io.github.ivhclient.videomake.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a consumer of the library has: the built jar and its runtime dependencies (the CLI's
 * optional ones left out), never this project's classes. Compiles consumer code against them
 * with {@code javax.tools} and runs it in a JVM of its own.
 */
final class ConsumerBuild {
  /** The longest a consumer program may run. */
  private static final long RUN_SECONDS = 120;

  final Path jar;
  final List<Path> dependencies;

  private ConsumerBuild(Path jar, List<Path> dependencies) {
    this.jar = jar;
    this.dependencies = dependencies;
  }

  /** From the system properties the build sets (pom.xml, failsafe): the jar and the class path file. */
  static ConsumerBuild fromBuild() throws IOException {
    Path jar = Path.of(required("consumer.jar"));
    assertThat(jar).as("the library jar (built by `package`)").isRegularFile();
    String classpath = Files.readString(Path.of(required("consumer.classpath.file")), StandardCharsets.UTF_8).trim();
    List<Path> dependencies = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        dependencies.add(Path.of(entry));
      }
    }
    return new ConsumerBuild(jar, dependencies);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (set by the failsafe configuration)").isNotBlank();
    return value;
  }

  /** The jar and its runtime dependencies, plus {@code extra}, as one path string. */
  String path(List<Path> extra) {
    List<String> entries = new ArrayList<>();
    extra.forEach(p -> entries.add(p.toString()));
    entries.add(jar.toString());
    dependencies.forEach(p -> entries.add(p.toString()));
    return String.join(File.pathSeparator, entries);
  }

  /** Compiles every .java file under {@code sources} for Java 17 into {@code classes}; fails with javac's output. */
  static void compile(Path sources, Path classes, List<String> options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-d", classes.toString()));
    arguments.addAll(options);
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = javac.run(null, output, output, arguments.toArray(String[]::new));
    assertThat(status).as("javac %s%n%s", arguments, output.toString(StandardCharsets.UTF_8)).isZero();
  }

  /** Runs {@code java <arguments>} with {@code javaHome}'s launcher; returns its output (stdout and stderr). */
  static Run run(Path javaHome, Path workDir, List<String> arguments) throws IOException, InterruptedException {
    return run(javaHome, workDir, arguments, Map.of());
  }

  /** {@link #run(Path, Path, List)} with extra environment variables. */
  static Run run(Path javaHome, Path workDir, List<String> arguments, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(arguments);
    Path log = workDir.resolve("run-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      boolean ended = process.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
      assertThat(ended).as("%s ended within %d s; output so far:%n%s", command, RUN_SECONDS, Files.readString(log))
          .isTrue();
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }

  /** The JDKs to run consumers on: this one, and JDK 25 when it is installed too (or JDK_NEWEST). */
  static List<Path> jdks() throws IOException {
    List<Path> jdks = new ArrayList<>();
    jdks.add(Path.of(System.getProperty("java.home")));
    String newest = System.getenv("JDK_NEWEST");
    if (newest != null && !newest.isBlank()) {
      jdks.add(Path.of(newest));
    } else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
      try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
        installed.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("-25-"))
            .filter(p -> Files.isExecutable(p.resolve("bin/java"))).sorted().limit(1).forEach(jdks::add);
      }
    }
    return jdks.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
  }

  record Run(int exitCode, String output) {}
}
