package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Ctrl-C during a wait: the shutdown hook's action, invoked directly. */
class InterruptionTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void duringAWaitItFinishesTheProgressLineAndSaysHowToResume() {
    Interruption interruption = new Interruption(err);
    ProgressDisplay display = new ProgressDisplay("0123456789abcdef", err, false);
    display.onChange(TaskSnapshot.builder("0123456789abcdef").status("MAKING").progress(40).build());
    interruption.waiting("0123456789abcdef", display, null, null);

    interruption.run();
    interruption.run();
    display.close(); // the waiting thread's own close draws nothing more

    assertThat(interruption.fired()).isTrue();
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).startsWith("task 01234567 ").contains("40%").contains("MAKING");
    assertThat(lines().get(1)).isEqualTo("ivh: interrupted; the task on the server goes on"
        + " (resume with: ivh wait 0123456789abcdef)");
  }

  @Test
  void duringASubmitItSaysTheTaskMayOrMayNotExistAndPrintsTheJsonDocument() {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    Interruption interruption = new Interruption(err);
    interruption.submitting(new PrintStream(outBytes, true, StandardCharsets.UTF_8));

    interruption.run();

    assertThat(lines()).containsExactly("ivh: " + Interruption.SUBMIT_MESSAGE);
    assertThat(lines().get(0)).contains("the task may or may not exist");
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("\"Interrupted\": true")
        .contains("\"TaskMayExist\": true");
  }

  @Test
  void duringAJsonWaitItStillPrintsTheDocumentWithTheTaskId() {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    Interruption interruption = new Interruption(err);
    interruption.waiting("t-9", new ProgressDisplay("t-9", err, false), null,
        new PrintStream(outBytes, true, StandardCharsets.UTF_8));

    interruption.run();

    assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("\"TaskId\": \"t-9\"")
        .contains("\"Interrupted\": true");
    assertThat(lines()).last().asString().startsWith("ivh: interrupted; the task on the server goes on");
  }

  @Test
  void withoutAWaitItPrintsNothing() {
    Interruption interruption = new Interruption(err);
    ProgressDisplay display = new ProgressDisplay("t-1", err, false);
    interruption.waiting("t-1", display, null, null);
    interruption.done();
    display.close();
    bytes.reset();

    interruption.run();

    assertThat(interruption.fired()).isFalse();
    assertThat(bytes.size()).isZero();
  }

  @Test
  void inTheDemoItStopsTheSandbox() {
    Interruption interruption = new Interruption(err);
    AtomicBoolean stopped = new AtomicBoolean();
    interruption.waiting("t-2", new ProgressDisplay("t-2", err, false), () -> stopped.set(true), null);

    interruption.run();

    assertThat(stopped).isTrue();
    assertThat(lines()).containsExactly("ivh: " + Interruption.message("t-2", true));
    assertThat(lines().get(0)).contains("sandbox").contains("stops");
  }

  @Test
  void aDemoInterruptedMidWaitExits130WithTheOneInterruptionLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    IvhCli cli = new IvhCli(Map.of(IvhCli.ENV_APPKEY, TestSecrets.APP_KEY), outStream, err);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("demo", "--task-duration", "5m"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!out.toString(StandardCharsets.UTF_8).contains("TaskId") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300); // let the wait register its display

    cli.interruption().run();

    // The stopped sandbox fails the wait; that failure is not reported a second time.
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.INTERRUPTED);
    List<String> failures = lines().stream().filter(l -> l.startsWith("ivh: ")).toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).startsWith("ivh: interrupted; the sandbox gateway stops");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Sandbox stopped");
  }
}
