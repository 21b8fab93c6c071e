package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.testlog.CapturedLogs;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-attempt hook: operation, attempt, status, duration and RequestID, never a secret. */
class AttemptListenerTest extends StubbedGatewayTest {
  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  @Override
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder.attemptListener(events::add);
  }

  @Test
  void aSuccessfulSubmitTellsItsRequestId() {
    server.enqueue(Stub.submitted("task-9"));

    String taskId = client.submit(Stub.validSubmit());

    assertThat(taskId).isEqualTo("task-9");
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.operation()).isEqualTo("videoMakeNoTrain");
      assertThat(event.method()).isEqualTo("POST");
      assertThat(event.path()).isEqualTo("/v2/ivh/videomaker/broadcastservice/videomakenotrain");
      assertThat(event.attempt()).isEqualTo(1);
      assertThat(event.maxAttempts()).isEqualTo(3);
      assertThat(event.statusCode()).isEqualTo(200);
      assertThat(event.succeeded()).isTrue();
      assertThat(event.outcome()).isEqualTo("ok");
      assertThat(event.duration()).isPositive();
      assertThat(event.requestId()).contains("req-submit");
    });
  }

  @Test
  void everyAttemptOfARetriedReadIsHeard() {
    server.enqueue(Stub.status(503));
    server.enqueue(Stub.progress("MAKING", 5, 0));

    TaskSnapshot snapshot = client.getProgress(Stub.TASK_ID);

    assertThat(snapshot.requestId()).isEqualTo("req-MAKING-5");
    assertThat(events).extracting(e -> e.operation() + " #" + e.attempt() + " " + e.statusCode() + " " + e.outcome()
            + " " + e.requestId().orElse("-"))
        .containsExactly("getProgress #1 503 http error -", "getProgress #2 200 ok req-MAKING-5");
  }

  @Test
  void aFailedExchangeHasNoStatus() throws Exception {
    server.shutdown();

    assertThatThrownBy(() -> client.withRetryPolicy(RetryPolicy.none()).getProgress(Stub.TASK_ID))
        .isInstanceOf(IvhTransportException.class);
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.statusCode()).isEqualTo(AttemptEvent.NO_RESPONSE);
      assertThat(event.succeeded()).isFalse();
      assertThat(event.requestId()).isEmpty();
      assertThat(event.toString()).contains("no response");
    });
  }

  @Test
  void waitsAndAsyncCallsAreHeardToo() {
    server.enqueue(Stub.progress("MAKING", 50, 0));
    server.enqueue(Stub.success("https://cdn.example.com/a.mp4", "", 1000));
    server.enqueue(Stub.json(Stub.envelope("req-timbres", "{\"Total\":0,\"TimbreAssets\":[]}")));

    client.waitFor(Stub.TASK_ID, Stub.FAST_WAIT);
    client.listTimbres(1, 10, TimbreFilter.none());

    assertThat(events).extracting(AttemptEvent::operation)
        .containsExactly("getProgress", "getProgress", "describeTimbre");
    assertThat(events).extracting(e -> e.requestId().orElse("-"))
        .containsExactly("req-MAKING-50", "req-success", "req-timbres");
  }

  @Test
  void aThrowingListenerChangesNothing() {
    server.enqueue(Stub.submitted("task-2"));
    IvhClient throwing = Stub.client(server).attemptListener(event -> {
      throw new IllegalStateException("listener broke");
    }).build();
    try (throwing) {
      assertThat(throwing.submit(Stub.validSubmit())).isEqualTo("task-2");
    }
    assertThat(CapturedLogs.recent()).anyMatch(line -> line.startsWith("WARN") && line.contains("attempt listener"));
  }

  @Test
  void anEventHoldsNoSecret() {
    server.enqueue(Stub.submitted("task-3"));

    client.submit(Stub.validSubmit());

    String text = events.get(0).toString() + events.get(0).path();
    assertThat(text).doesNotContain(TestSecrets.APP_KEY).doesNotContain(TestSecrets.ACCESS_TOKEN)
        .doesNotContain("signature");
  }

  @Test
  void eventsCanBeMadeForListenerTests() {
    AttemptEvent event = new AttemptEvent("getProgress", "POST", "/p", 2, 3, 429, "http error",
        Duration.ofMillis(7), null);
    assertThat(event.requestId()).isEmpty();
    assertThat(event.toString()).contains("attempt 2/3").contains("429 http error").contains("7 ms");
  }
}
