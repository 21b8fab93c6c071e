package io.github.ivhclient.videomake.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer on the module path: its module requires {@code io.github.ivhclient.videomake} and
 * nothing else, and it submits to the SandboxGateway and waits for the result, with no
 * {@code --add-modules}, {@code --add-opens} or other workaround. Runs on this JDK and on JDK 25
 * when it is installed.
 */
class ModulePathConsumerIT {
  private static final String MODULE_INFO = """
      module consumer.app {
        requires io.github.ivhclient.videomake;
      }
      """;

  private static final String MAIN = """
      package consumer.app;

      import io.github.ivhclient.videomake.IvhClient;
      import io.github.ivhclient.videomake.TaskResult;
      import io.github.ivhclient.videomake.VideoMakeRequests;
      import io.github.ivhclient.videomake.WaitOptions;
      import io.github.ivhclient.videomake.sandbox.SandboxGateway;
      import java.time.Duration;

      public final class Main {
        public static void main(String[] args) {
          try (SandboxGateway sandbox = SandboxGateway.builder().taskDuration(Duration.ofMillis(500)).start();
               IvhClient client = sandbox.clientBuilder().build()) {
            String taskId = client.submit(VideoMakeRequests.textDriven(
                "https://cdn.example.com/template.mp4", "Hello from a module", "female_1", 1.0));
            TaskResult result = client.waitFor(taskId, WaitOptions.builder()
                .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(200))
                .timeout(Duration.ofSeconds(60)).build());
            Module library = IvhClient.class.getModule();
            System.out.println("module " + library.getName() + " " + library.getDescriptor().exports().size()
                + " exports; internal exported: " + library.isExported("io.github.ivhclient.videomake.internal"));
            System.out.println("result " + result.state() + " " + result.mediaUrl());
          }
        }
      }
      """;

  @Test
  void aModularConsumerSubmitsToTheSandboxAndWaitsWithoutWorkarounds(@TempDir Path dir) throws Exception {
    ConsumerBuild build = ConsumerBuild.fromBuild();
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("consumer/app"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(sources.resolve("consumer/app/Main.java"), MAIN);
    Path classes = dir.resolve("classes");
    ConsumerBuild.compile(sources, classes, List.of("--module-path", build.path(List.of())));

    for (Path jdk : ConsumerBuild.jdks()) {
      ConsumerBuild.Run run = ConsumerBuild.run(jdk, dir,
          List.of("--module-path", build.path(List.of(classes)), "--module", "consumer.app/consumer.app.Main"));

      assertThat(run.exitCode()).as("exit code on %s; output:%n%s", jdk, run.output()).isZero();
      assertThat(run.output()).as("on %s", jdk)
          .contains("module io.github.ivhclient.videomake 3 exports; internal exported: false")
          .containsPattern("result SUCCESS http://127\\.0\\.0\\.1:\\d+/sandbox/media/\\w+\\.mp4");
    }
  }
}
