package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A wait's failures count progress queries, not attempts, and say the timeout as people write it. */
class WaitExceptionMessagesTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private static TaskSnapshot snapshot(String status, int progress, int queuePosition) {
    return TaskSnapshot.builder("t-1").status(status).progress(progress).queuePosition(queuePosition)
        .requestId("req-7").build();
  }

  @Test
  void aTimeoutWhileQueuedGivesTheQueuePositionAndAReadableDuration() {
    IvhWaitTimeoutException e =
        new IvhWaitTimeoutException("t-1", Duration.ofSeconds(150), snapshot("COMMIT", 0, 3), 7);

    assertThat(e.getMessage()).isEqualTo("getProgress: gave up waiting for task t-1 after 2m30s; last status COMMIT,"
        + " queue position 3; the task on the server goes on (RequestID req-7) after 7 progress queries");
    assertThat(e.attempts()).isEqualTo(7);
  }

  @Test
  void aTimeoutWhileMakingGivesTheProgressAndNoQueuePosition() {
    IvhWaitTimeoutException e = new IvhWaitTimeoutException("t-1", Duration.ofSeconds(1), snapshot("MAKING", 30, 0), 1);

    assertThat(e.getMessage()).isEqualTo("getProgress: gave up waiting for task t-1 after 1s; last status MAKING,"
        + " progress 30; the task on the server goes on (RequestID req-7) after 1 progress query");
    assertThat(e.getMessage()).doesNotContain("queue position").doesNotContain("PT");
  }

  @Test
  void aTimeoutWithoutAnyAnswerSaysSo() {
    IvhWaitTimeoutException e = new IvhWaitTimeoutException("t-1", Duration.ofMillis(200), null, 0);

    assertThat(e.getMessage())
        .isEqualTo("getProgress: gave up waiting for task t-1 after 200ms without any answer; the task on the server goes on");
  }

  @Test
  void aFailedTaskCountsProgressQueries() {
    TaskResult failed = TaskResult.of(TaskSnapshot.builder("t-1").status("FAIL").failCode(4003)
        .failMessage("template video unreadable").build(), NOW);

    IvhTaskFailedException many = new IvhTaskFailedException(failed, "req-fail", 12);
    IvhTaskFailedException one = new IvhTaskFailedException(failed, "req-fail", 1);

    assertThat(many.getMessage()).isEqualTo("getProgress: task t-1 failed: FailCode=4003,"
        + " FailMessage=template video unreadable (RequestID req-fail) after 12 progress queries");
    assertThat(one.getMessage()).endsWith("(RequestID req-fail) after 1 progress query");
    assertThat(many.attempts()).isEqualTo(12);
  }

  @Test
  void aCallsRetriesAreStillAttempts() {
    IvhHttpException e = new IvhHttpException("getProgress", 503, "", null, 3);

    assertThat(e.getMessage()).isEqualTo("getProgress: HTTP 503 after 3 attempts");
  }
}
