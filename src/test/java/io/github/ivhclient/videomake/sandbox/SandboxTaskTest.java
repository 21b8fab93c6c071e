package io.github.ivhclient.videomake.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.model.TaskProgress;
import io.github.ivhclient.videomake.model.TaskStatus;
import io.github.ivhclient.videomake.sandbox.SandboxTask.ScriptedFailure;
import org.junit.jupiter.api.Test;

class SandboxTaskTest {
  private static final long START = 1_000_000L;
  private static final long DURATION = 10_000_000_000L; // 10 s: COMMIT for 3 s, MAKING for 7 s

  private static TaskProgress at(SandboxTask task, double seconds) {
    return task.progressAt(START + (long) (seconds * 1e9), "http://m/x.mp4", "http://m/x.srt");
  }

  @Test
  void queuedTaskShowsAFallingQueuePositionAndNoProgress() {
    SandboxTask task = new SandboxTask("t", START, DURATION, null, null, "hi");

    TaskProgress first = at(task, 0);
    TaskProgress later = at(task, 2.0);
    TaskProgress last = at(task, 2.999);

    assertThat(first.getStatus()).isEqualTo(TaskStatus.COMMIT);
    assertThat(first.getArrayCount()).isEqualTo(SandboxTask.INITIAL_QUEUE_POSITION);
    assertThat(first.getProgress()).isZero();
    assertThat(later.getArrayCount()).isLessThan(first.getArrayCount()).isPositive();
    assertThat(last.getArrayCount()).isEqualTo(1);
    assertThat(first.getMediaUrl()).isNull();
  }

  @Test
  void makingTaskShowsRisingProgressBelowAHundredAndNoQueue() {
    SandboxTask task = new SandboxTask("t", START, DURATION, null, null, "hi");

    TaskProgress start = at(task, 3.0);
    TaskProgress middle = at(task, 6.5);
    TaskProgress end = at(task, 9.999);

    assertThat(start.getStatus()).isEqualTo(TaskStatus.MAKING);
    assertThat(start.getProgress()).isZero();
    assertThat(start.getArrayCount()).isZero();
    assertThat(middle.getProgress()).isBetween(45, 55);
    assertThat(end.getStatus()).isEqualTo(TaskStatus.MAKING);
    assertThat(end.getProgress()).isBetween(98, 99);
  }

  @Test
  void finishedTaskSucceedsWithResultUrlsAndDuration() {
    SandboxTask task = new SandboxTask("t", START, DURATION, null, null, "hi");

    TaskProgress done = at(task, 10.0);

    assertThat(done.getStatus()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(done.getProgress()).isEqualTo(100);
    assertThat(done.getMediaUrl()).isEqualTo("http://m/x.mp4");
    assertThat(done.getSubtitlesUrl()).isEqualTo("http://m/x.srt");
    assertThat(done.getDuration()).isEqualTo(SandboxMedia.VIDEO_DURATION_MILLIS);
    assertThat(done.getFailCode()).isNull();
  }

  @Test
  void scriptedTaskFailsAtTheEndWithItsCodeAndMessage() {
    SandboxTask task = new SandboxTask("t", START, DURATION, new ScriptedFailure(40001, "face not found"), null, "hi");

    assertThat(at(task, 5).getStatus()).isEqualTo(TaskStatus.MAKING);
    TaskProgress done = at(task, 10.0);
    assertThat(done.getStatus()).isEqualTo(TaskStatus.FAIL);
    assertThat(done.getProgress()).isEqualTo(-1);
    assertThat(done.getFailCode()).isEqualTo(40001);
    assertThat(done.getFailMessage()).isEqualTo("face not found");
    assertThat(done.getMediaUrl()).isEmpty();
  }

  @Test
  void zeroDurationEndsAtOnce() {
    SandboxTask task = new SandboxTask("t", START, 0, null, null, "hi");

    assertThat(task.statusAt(START)).isEqualTo(TaskStatus.SUCCESS);
  }
}
