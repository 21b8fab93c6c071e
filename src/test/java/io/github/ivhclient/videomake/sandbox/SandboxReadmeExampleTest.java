package io.github.ivhclient.videomake.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhTaskFailedException;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.VideoMakeRequests;
import io.github.ivhclient.videomake.WaitOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's "Sandbox gateway for your tests" example, kept compiling and passing. */
class SandboxReadmeExampleTest {
  static SandboxGateway sandbox;

  @BeforeAll static void startSandbox() {
    sandbox = SandboxGateway.builder().taskDuration(Duration.ofSeconds(1)).start();
  }

  @AfterAll static void stopSandbox() {
    sandbox.close();
  }

  static final WaitOptions FAST = WaitOptions.builder()
      .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(200)).build();

  @Test void rendersAVideo() {
    try (IvhClient client = sandbox.clientBuilder().build()) {
      String taskId = client.submit(VideoMakeRequests.textDriven(
          "https://cdn.example.com/template.mp4", "Hello from the test", "female_1", 1.0));
      TaskResult result = client.waitFor(taskId, FAST);
      assertTrue(result.mediaUrl().endsWith(".mp4"));
    }
  }

  @Test void reportsAFailedTask() {
    sandbox.failNextTasks(1, 40001, "face not found");
    try (IvhClient client = sandbox.clientBuilder().build()) {
      String taskId = client.submit(VideoMakeRequests.textDriven(
          "https://cdn.example.com/template.mp4", "Hello from the test", "female_1", 1.0));
      IvhTaskFailedException failed = assertThrows(IvhTaskFailedException.class, () -> client.waitFor(taskId, FAST));
      assertEquals(40001, failed.failCode());
    }
  }
}
