package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A Status the spec does not list reaches the caller as sent, not as the generated enum's fallback. */
class UnknownStatusTest extends StubbedGatewayTest {

  @Test
  void anUnknownStatusKeepsItsTextWhenPolledBlocking() {
    server.enqueue(Stub.progress("PAUSED", 37, 2));

    TaskSnapshot snapshot = client.getProgress(Stub.TASK_ID);

    assertThat(snapshot.rawStatus()).isEqualTo("PAUSED");
    assertThat(snapshot.state()).isEqualTo(TaskState.UNKNOWN);
    assertThat(snapshot.progress()).isEqualTo(37);
    assertThat(snapshot.queuePosition()).isEqualTo(2);
    assertThat(snapshot.requestId()).isEqualTo("req-PAUSED-37");
  }

  @Test
  void anUnknownStatusKeepsItsTextWhenPolledAsynchronously() {
    server.enqueue(Stub.json(Stub.envelope("req-async", "{\"Status\":\"ARCHIVED\",\"Progress\":100,"
        + "\"MediaUrl\":\"https://cdn.example.com/r.mp4\",\"Duration\":1500,\"Extra\":{\"Nested\":[1,2]}}")));

    TaskSnapshot snapshot = client.getProgressAsync(Stub.TASK_ID).join();

    assertThat(snapshot.rawStatus()).isEqualTo("ARCHIVED");
    assertThat(snapshot.state()).isEqualTo(TaskState.UNKNOWN);
    assertThat(snapshot.mediaUrl()).isEqualTo("https://cdn.example.com/r.mp4");
    assertThat(snapshot.duration()).hasMillis(1500);
  }

  @Test
  void aWaitTellsItsListenerEachUnknownStatusByName() {
    server.enqueue(Stub.progress("PAUSED", 10, 0));
    server.enqueue(Stub.progress("RESUMING", 10, 0));
    server.enqueue(Stub.success("https://cdn.example.com/w.mp4", "", 1));
    List<String> heard = new CopyOnWriteArrayList<>();

    TaskResult result = client.waitFor(Stub.TASK_ID,
        Stub.FAST_WAIT.toBuilder().listener(snapshot -> heard.add(snapshot.rawStatus())).build());

    assertThat(result.isSuccess()).isTrue();
    assertThat(heard).containsExactly("PAUSED", "RESUMING", "SUCCESS");
  }

  @Test
  void anUnknownStatusAfterAByteOrderMarkIsKeptToo() {
    server.enqueue(Stub.json("\uFEFF" + Stub.envelope("req-bom", "{\"Status\":\"PAUSED\",\"Progress\":3}")));

    TaskSnapshot snapshot = client.getProgress(Stub.TASK_ID);

    assertThat(snapshot.rawStatus()).isEqualTo("PAUSED");
    assertThat(snapshot.progress()).isEqualTo(3);
  }

  @Test
  void aStatusThatLooksLikeTheGeneratorsFallbackIsStillItsOwnText() {
    server.enqueue(Stub.progress("unknown_default_open_api", 0, 0));

    TaskSnapshot snapshot = client.getProgress(Stub.TASK_ID);

    assertThat(snapshot.rawStatus()).isEqualTo("unknown_default_open_api");
    assertThat(snapshot.state()).isEqualTo(TaskState.UNKNOWN);
  }

  @Test
  void knownAndAbsentStatusesAreUnchanged() {
    server.enqueue(Stub.progress("MAKING", 10, 0));
    server.enqueue(Stub.json(Stub.envelope("req-none", "{\"Progress\":0}")));

    TaskSnapshot making = client.getProgress(Stub.TASK_ID);
    TaskSnapshot none = client.getProgressAsync(Stub.TASK_ID).join();

    assertThat(making.rawStatus()).isEqualTo("MAKING");
    assertThat(making.state()).isEqualTo(TaskState.MAKING);
    assertThat(none.rawStatus()).isEmpty();
    assertThat(none.state()).isEqualTo(TaskState.UNKNOWN);
  }
}
