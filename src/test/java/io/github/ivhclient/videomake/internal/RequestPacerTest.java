package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.internal.AttemptGate.Attempt;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
      pacer.start(attempt(() -> {
        starts[started.getAndIncrement()] = System.nanoTime();
        pacer.finished();
        done.countDown();
      }));
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
      pacer.start(attempt(started::incrementAndGet));
    }
    Thread.sleep(200);
    assertThat(started).hasValue(2);
    assertThat(pacer.queued()).isEqualTo(3);

    pacer.finished();
    Thread.sleep(200);
    assertThat(started).hasValue(3);
  }

  @Test
  void abandonedAttemptsTakeNoSlot() throws InterruptedException {
    // Two starts per second: one every 0.55 s.
    RequestPacer pacer = new RequestPacer(scheduler, 2, 100);
    CountDownLatch firstSent = new CountDownLatch(1);
    pacer.start(attempt(firstSent::countDown));
    assertThat(firstSent.await(2, TimeUnit.SECONDS)).isTrue();
    AtomicInteger abandonedSent = new AtomicInteger();
    AtomicBoolean abandoned = new AtomicBoolean();
    for (int i = 0; i < 5; i++) {
      pacer.start(new Attempt() {
        @Override
        public boolean abandoned() {
          return abandoned.get();
        }

        @Override
        public void send() {
          abandonedSent.incrementAndGet();
        }
      });
    }
    abandoned.set(true);
    long queuedAt = System.nanoTime();
    CountDownLatch liveSent = new CountDownLatch(1);
    AtomicLong sentAt = new AtomicLong();
    pacer.start(attempt(() -> {
      sentAt.set(System.nanoTime());
      liveSent.countDown();
    }));

    assertThat(liveSent.await(5, TimeUnit.SECONDS)).isTrue();
    // The next slot, not five slots later (2.75 s more).
    assertThat(Duration.ofNanos(sentAt.get() - queuedAt)).isLessThan(Duration.ofMillis(1_000));
    assertThat(abandonedSent).hasValue(0);
    assertThat(pacer.queued()).isZero();
  }

  @Test
  void withdrawalsPurgeAbandonedAttemptsBeforeTheirTurn() throws InterruptedException {
    RequestPacer pacer = new RequestPacer(scheduler, 1, 1);
    AtomicBoolean abandoned = new AtomicBoolean();
    Attempt waiting = new Attempt() {
      @Override
      public boolean abandoned() {
        return abandoned.get();
      }

      @Override
      public void send() {}
    };
    // The first is sent and never finishes, so every other one stays queued.
    CountDownLatch firstSent = new CountDownLatch(1);
    pacer.start(attempt(firstSent::countDown));
    assertThat(firstSent.await(2, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 200; i++) {
      pacer.start(waiting);
    }
    pacer.start(attempt(() -> {}));
    abandoned.set(true);
    for (int i = 0; i < 63; i++) {
      pacer.withdrawn();
    }
    assertThat(pacer.queued()).isEqualTo(201);

    for (int i = 0; i < 200 - 63; i++) {
      pacer.withdrawn();
    }

    // The 200 abandoned ones are gone; the live one still waits for its turn.
    assertThat(pacer.queued()).isEqualTo(1);
  }

  private static Attempt attempt(Runnable send) {
    return new Attempt() {
      @Override
      public boolean abandoned() {
        return false;
      }

      @Override
      public void send() {
        send.run();
      }
    };
  }

  @Test
  void rejectsCeilingsOutOfRange() {
    assertThatThrownBy(() -> new RequestPacer(scheduler, 0, 1)).hasMessageContaining("perSecond");
    assertThatThrownBy(() -> new RequestPacer(scheduler, RequestPacer.MAX_PER_SECOND + 1, 1))
        .hasMessageContaining("perSecond");
    assertThatThrownBy(() -> new RequestPacer(scheduler, 1, 0)).hasMessageContaining("maxInFlight");
  }
}
