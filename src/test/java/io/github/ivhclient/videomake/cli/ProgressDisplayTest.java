package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.TaskSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line mode: what a CI log or a pipe gets from the progress bar. */
class ProgressDisplayTest {

  private static TaskSnapshot snapshot(String status, int progress, int queue) {
    return TaskSnapshot.builder("0123456789abcdef").status(status).progress(progress).queuePosition(queue).build();
  }

  private static List<String> render(List<TaskSnapshot> snapshots) throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressDisplay display = new ProgressDisplay("0123456789abcdef", err, false)) {
      String lastKey = "";
      int expectedLines = 0;
      for (TaskSnapshot s : snapshots) {
        display.onChange(s);
        // A new status or percent is a new line (FAIL's -1 keeps the last percent). Wait until the
        // bar's scheduler has drawn it, as a real wait's next poll comes long after: two changes
        // drawn in one tick would be one line.
        String key = ProgressDisplay.describe(s) + "|" + (s.progress() < 0 ? "kept" : s.progress());
        if (!key.equals(lastKey)) {
          lastKey = key;
          expectedLines++;
          awaitLines(bytes, expectedLines);
        }
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").doesNotContain("\u001b");
    return text.lines().toList();
  }

  /** Polls the output until it has {@code count} lines; 20 s is far beyond the bar's 100 ms tick. */
  private static void awaitLines(ByteArrayOutputStream bytes, int count) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (bytes.toString(StandardCharsets.UTF_8).lines().count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the bar drew no line " + count + " within 20 s: " + bytes);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void printsOneLinePerChangeWithStatusQueuePercentAndElapsed() throws InterruptedException {
    List<String> lines = render(List.of(
        snapshot("COMMIT", 0, 2),
        snapshot("COMMIT", 0, 1),
        snapshot("MAKING", 40, 0),
        snapshot("MAKING", 40, 0),
        snapshot("SUCCESS", 100, 0)));

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("task 01234567 ").contains("0%").contains("COMMIT, 2 ahead in the queue")
        .containsPattern("\\(\\d+:\\d\\d:\\d\\d\\)");
    assertThat(lines.get(1)).contains("COMMIT, 1 ahead in the queue");
    assertThat(lines.get(2)).contains("40%").contains("MAKING");
    assertThat(lines.get(3)).contains("100%").contains("SUCCESS");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(ProgressDisplay.LINE_WIDTH));
  }

  @Test
  void theBarHasTheSameWidthWhateverTheStatusText() throws InterruptedException {
    List<String> lines = render(List.of(
        snapshot("COMMIT", 0, 12),
        snapshot("MAKING", 5, 0),
        snapshot("MAKING", 57, 0),
        TaskSnapshot.builder("0123456789abcdef").status("FAIL").progress(-1).failCode(40001).build()));

    assertThat(lines).hasSize(4);
    assertThat(lines).allSatisfy(line -> assertThat(line.indexOf(']') - line.indexOf('[') - 1)
        .as(line).isEqualTo(ProgressDisplay.LINE_BAR_WIDTH));
    assertThat(lines.get(2)).contains("[=================");
  }

  @Test
  void printsNothingBeforeTheFirstSnapshot() throws InterruptedException {
    assertThat(render(List.of())).isEmpty();
  }

  @Test
  void aFailKeepsTheLastPercentAndShowsTheCode() throws InterruptedException {
    List<String> lines = render(List.of(
        snapshot("MAKING", 30, 0),
        TaskSnapshot.builder("0123456789abcdef").status("FAIL").progress(-1).failCode(3001).build()));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("30%").contains("FAIL (FailCode 3001)");
  }

  @Test
  void theLastStateIsPrintedEvenWhenTheWaitEndsAtOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressDisplay display = new ProgressDisplay("t-1", err, false)) {
      display.onChange(snapshot("SUCCESS", 100, 0));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("task t-1").contains("100%").contains("SUCCESS");
  }
}
