package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** Read and call timeouts: a read may be repeated, a submit may not. */
class TimeoutsTest extends StubbedGatewayTest {

  @Override
  IvhClient.Builder configure(IvhClient.Builder builder) {
    return builder.readTimeout(Duration.ofMillis(300));
  }


  @Test
  void aSubmitThatTimesOutIsSentExactlyOnceAndMayHaveCreatedTheTask() {
    server.enqueue(Stub.submitted("t").setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(Stub.submitted("must-not-be-used"));

    assertThatThrownBy(() -> client.submit(Stub.validSubmit()))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> {
          assertThat(e.mayHaveReachedServer()).isTrue();
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).contains("SocketTimeoutException").contains("may or may not have been created");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aProgressQueryThatTimesOutIsRetried() {
    server.enqueue(Stub.progress("MAKING", 1, 0).setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(Stub.progress("MAKING", 2, 0));

    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aProgressQueryThatKeepsTimingOutReportsTheAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Stub.progress("MAKING", 1, 0).setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }

    assertThatThrownBy(() -> client.getProgress(Stub.TASK_ID))
        .isInstanceOfSatisfying(IvhTransportException.class, e -> assertThat(e.attempts()).isEqualTo(3));
  }

  @Test
  void aCallTimeoutOnASlowBodyIsRetriedForReads() throws IOException {
    client.close();
    client = Stub.client(server).callTimeout(Duration.ofMillis(300)).build();
    server.enqueue(Stub.progress("MAKING", 1, 0).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(Stub.progress("MAKING", 2, 0));

    assertThat(client.getProgress(Stub.TASK_ID).progress()).isEqualTo(2);
  }

  @Test
  void aWaitThatOutlastsItsTimeoutCarriesTheLastSnapshot() {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
        return Stub.progress("MAKING", 30, 0);
      }
    });

    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, Stub.FAST_WAIT.toBuilder()
        .timeout(Duration.ofSeconds(1)).build()))
        .isInstanceOfSatisfying(IvhWaitTimeoutException.class, e -> {
          assertThat(e.taskId()).isEqualTo(Stub.TASK_ID);
          assertThat(e.lastSnapshot().state()).isEqualTo(TaskState.MAKING);
          assertThat(e.lastSnapshot().progress()).isEqualTo(30);
          assertThat(e.getMessage()).contains("the task on the server goes on");
          // Every poll counts; FAST_WAIT polls every 5-20 ms, so a second holds far more than one. A poll
          // is counted when it starts: the one in flight at the deadline may not have reached the stub yet.
          assertThat(e.attempts()).isGreaterThan(5).isLessThanOrEqualTo(server.getRequestCount() + 1);
        });
  }

  @Test
  void aWaitWithoutAnyAnswerTimesOutWithoutASnapshot() {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
        return Stub.progress("MAKING", 1, 0).setSocketPolicy(SocketPolicy.NO_RESPONSE);
      }
    });

    assertThatThrownBy(() -> client.waitFor(Stub.TASK_ID, Stub.FAST_WAIT.toBuilder()
        .timeout(Duration.ofMillis(200)).build()))
        .isInstanceOfSatisfying(IvhWaitTimeoutException.class, e -> assertThat(e.lastSnapshot()).isNull());
  }
}
