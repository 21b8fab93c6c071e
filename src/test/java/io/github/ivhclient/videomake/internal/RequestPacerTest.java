package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void neverStartsMoreThanTheCeilingInAnySecond() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(scheduler, 40, 1_000);
    int requests = 60;
    long[] starts = new long[requests];
    AtomicInteger started = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(requests);
    for (int i = 0; i < requests; i++) {
      pacer.start(() -> {
        starts[started.getAndIncrement()] = System.nanoTime();
        pacer.finished();
        done.countDown();
      });
    }

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    Arrays.sort(starts);
    int max = 0;
    for (int end = 0, begin = 0; end < starts.length; end++) {
      while (starts[end] - starts[begin] >= TimeUnit.SECONDS.toNanos(1)) {
        begin++;
      }
      max = Math.max(max, end - begin + 1);
    }
    assertThat(max).isLessThanOrEqualTo(40);
    // Evenly spaced, 1.1 s / 40 apart: 60 starts need about 1.6 s, not a burst then a pause.
    assertThat(Duration.ofNanos(starts[requests - 1] - starts[0])).isGreaterThan(Duration.ofMillis(1_500));
  }

  @Test
  void startsNoMoreThanMaxInFlightUntilOneFinishes() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(scheduler, 1_000, 2);
    AtomicInteger started = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      pacer.start(started::incrementAndGet);
    }
    Thread.sleep(200);
    assertThat(started).hasValue(2);
    assertThat(pacer.queued()).isEqualTo(3);

    pacer.finished();
    Thread.sleep(200);
    assertThat(started).hasValue(3);
  }

  @Test
  void rejectsCeilingsOutOfRange() {
    assertThatThrownBy(() -> new RequestPacer(scheduler, 0, 1)).hasMessageContaining("perSecond");
    assertThatThrownBy(() -> new RequestPacer(scheduler, RequestPacer.MAX_PER_SECOND + 1, 1))
        .hasMessageContaining("perSecond");
    assertThatThrownBy(() -> new RequestPacer(scheduler, 1, 0)).hasMessageContaining("maxInFlight");
  }
}
