package io.github.ivhclient.videomake.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.sandbox.SandboxGateway;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of README.md, compiled and run as a consumer would: against the built jar and
 * its runtime dependencies (never this project's classes), in JVMs of their own, against a sandbox
 * gateway on loopback. A snippet with a {@code class} is a compilation unit as printed; any other is
 * the body of a {@code main} method, its imports hoisted. A snippet no runner below knows fails the
 * test, so a new README example must come with a way to run it.
 */
class ReadmeSnippetsIT {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

  /**
   * Runs the README's CallbackReceiver end to end: the sandbox POSTs the result to it. The task takes
   * 2 s, so the receiver knows its TaskId (stored when submit returns) before the callback comes.
   */
  private static final String CALLBACK_DRIVER = """
      import com.sun.net.httpserver.HttpServer;
      import io.github.ivhclient.videomake.IvhClient;
      import io.github.ivhclient.videomake.TaskResult;
      import io.github.ivhclient.videomake.VideoMakeRequests;
      import io.github.ivhclient.videomake.sandbox.SandboxGateway;
      import java.net.InetSocketAddress;
      import java.time.Duration;

      public final class CallbackReceiverDriver {
        public static void main(String[] args) throws Exception {
          try (SandboxGateway sandbox = SandboxGateway.builder().taskDuration(Duration.ofSeconds(2)).start();
               IvhClient client = sandbox.clientBuilder().build()) {
            HttpServer server = null;
            CallbackReceiver receiver = null;
            // The receiver's URL names its port, so find a free one first (bound again at once).
            for (int tries = 0; server == null; tries++) {
              int port;
              try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
              }
              receiver = new CallbackReceiver("http://127.0.0.1:" + port + "/ivh/callback");
              try {
                server = receiver.start(new InetSocketAddress("127.0.0.1", port));
              } catch (java.net.BindException e) {
                if (tries > 5) throw e;
              }
            }
            try {
              receiver.submit(client, "job-42", VideoMakeRequests.textDriven(
                  "https://cdn.example.com/template.mp4", "Hello, callback", "female_1", 1.0));
              var sent = sandbox.awaitCallbacks(1, Duration.ofSeconds(60));
              TaskResult result = receiver.result("job-42");
              System.out.println("receiver answered " + sent.get(0).responseStatus());
              System.out.println("callback " + result.state() + " " + result.mediaUrl());
            } finally {
              server.stop(0);
            }
          }
        }
      }
      """;

  /** Runs a JUnit 5 class from the README and exits non-zero unless every test passed. */
  private static final String JUNIT_RUNNER = """
      import java.io.PrintWriter;
      import org.junit.platform.engine.discovery.DiscoverySelectors;
      import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
      import org.junit.platform.launcher.core.LauncherFactory;
      import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
      import org.junit.platform.launcher.listeners.TestExecutionSummary;

      public final class ReadmeJUnitRunner {
        public static void main(String[] args) throws Exception {
          SummaryGeneratingListener listener = new SummaryGeneratingListener();
          LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
              .selectors(DiscoverySelectors.selectClass(Class.forName(args[0]))).build(), listener);
          TestExecutionSummary summary = listener.getSummary();
          summary.printFailuresTo(new PrintWriter(System.out, true), 30);
          System.out.println("junit: " + summary.getTestsSucceededCount() + " passed, "
              + summary.getTotalFailureCount() + " failed");
          System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
        }
      }
      """;

  @Test
  void everyJavaSnippetOfTheReadmeCompilesAndRunsAgainstTheBuiltJar(@TempDir Path dir) throws Exception {
    ConsumerBuild build = ConsumerBuild.fromBuild();
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> snippets = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      snippets.add(block.group(1));
    }
    assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThanOrEqualTo(3);

    Path sources = Files.createDirectories(dir.resolve("src"));
    List<String> mains = new ArrayList<>();
    List<String> junitClasses = new ArrayList<>();
    boolean callbackReceiver = false;
    for (int i = 0; i < snippets.size(); i++) {
      String snippet = snippets.get(i);
      Matcher className = CLASS_NAME.matcher(snippet);
      if (className.find()) {
        String name = className.group(1);
        Files.writeString(sources.resolve(name + ".java"), snippet);
        if (snippet.contains("@Test")) {
          junitClasses.add(name);
        } else if (name.equals("CallbackReceiver")) {
          callbackReceiver = true;
        } else {
          throw new AssertionError("README snippet " + (i + 1) + " (class " + name + ") has no runner here");
        }
      } else {
        String name = "ReadmeSnippet" + (i + 1);
        Files.writeString(sources.resolve(name + ".java"), asMain(name, snippet));
        mains.add(name);
      }
    }
    if (callbackReceiver) {
      Files.writeString(sources.resolve("CallbackReceiverDriver.java"), CALLBACK_DRIVER);
    }
    Files.writeString(sources.resolve("ReadmeJUnitRunner.java"), JUNIT_RUNNER);
    Path classes = dir.resolve("classes");
    List<Path> junit = testLibraries();
    ConsumerBuild.compile(sources, classes, List.of("-classpath", build.path(junit)));
    String classpath = classes + File.pathSeparator + build.path(junit);
    Path java = Path.of(System.getProperty("java.home"));

    try (SandboxGateway sandbox = SandboxGateway.builder().taskDuration(Duration.ofSeconds(1)).start()) {
      // The README's client reads its credentials and endpoint like the ivh command line does.
      Map<String, String> environment = Map.of("IVH_APPKEY", SandboxGateway.DEFAULT_APP_KEY,
          "IVH_ACCESS_TOKEN", SandboxGateway.DEFAULT_ACCESS_TOKEN, "IVH_ENDPOINT", sandbox.endpoint().toString());
      for (String main : mains) {
        ConsumerBuild.Run run = ConsumerBuild.run(java, dir, List.of("-cp", classpath, main), environment);
        assertThat(run.exitCode()).as("%s; output:%n%s", main, run.output()).isZero();
        String snippet = Files.readString(sources.resolve(main + ".java"));
        if (snippet.contains("waitFor(")) {
          assertThat(run.output()).as(main).containsPattern("/sandbox/media/\\w+\\.mp4");
        }
        if (snippet.contains("MediaPreflight")) {
          assertThat(run.output()).as(main).containsPattern("(?m)^true .*: mp4, video h264");
        }
        if (snippet.contains("MeterRegistry")) {
          assertThat(run.output()).as(main).contains("1 submit attempt(s)")
              .containsPattern("videoMakeNoTrain RequestID \\S+");
        }
      }
    }
    for (String test : junitClasses) {
      ConsumerBuild.Run run = ConsumerBuild.run(java, dir, List.of("-cp", classpath, "ReadmeJUnitRunner", test),
          Map.of());
      assertThat(run.exitCode()).as("%s; output:%n%s", test, run.output()).isZero();
      assertThat(run.output()).as(test).contains(" passed, 0 failed");
    }
    assertThat(callbackReceiver).as("the README's callback example (class CallbackReceiver)").isTrue();
    ConsumerBuild.Run run = ConsumerBuild.run(java, dir, List.of("-cp", classpath, "CallbackReceiverDriver"),
        Map.of("IVH_CALLBACK_SECRET", "a-callback-secret-of-32-bytes-xx"));
    assertThat(run.exitCode()).as("CallbackReceiverDriver; output:%n%s", run.output()).isZero();
    assertThat(run.output()).contains("receiver answered 204").containsPattern("callback SUCCESS http://127\\.0\\.0\\.1:\\d+/sandbox/media/\\w+\\.mp4");
  }

  /** A statement snippet as a class: its imports first, the rest as the body of main. */
  private static String asMain(String name, String snippet) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : snippet.split("\n", -1)) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    return imports + "\npublic final class " + name + " {\n  public static void main(String[] args) throws Exception {\n"
        + body + "  }\n}\n";
  }

  /**
   * What the README's examples use beside the library, from this test's own class path: JUnit 5
   * (the sandbox test) and Micrometer (the metrics example).
   */
  private static List<Path> testLibraries() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> {
          String file = Path.of(entry).getFileName().toString();
          return file.startsWith("junit-") || file.startsWith("opentest4j") || file.startsWith("apiguardian")
              || file.startsWith("micrometer-") || file.startsWith("HdrHistogram") || file.startsWith("LatencyUtils");
        })
        .map(Path::of).toList();
  }
}
