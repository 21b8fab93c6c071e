package io.github.ivhclient.videomake.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paced queue that starts at most {@code perSecond} requests in any second, client-wide, without
 * blocking a thread: {@link #start} queues the start of a request; a pump on the shared scheduler
 * starts them evenly spaced, and never more than {@code maxInFlight} at once. The second bound
 * matters: OkHttp's dispatcher queues calls beyond its own limit and would later send a backlog in a
 * burst, so a started request must be one that is sent at once.
 *
 * <p>Two rules hold together. Starts are spaced {@code 1.1 s / perSecond} apart, and no more than
 * {@code perSecond} starts fall in any window of 1.1 s (a ring of the last start times; a late pump
 * cannot catch up into a burst). The extra 0.1 s keeps the gateway, which sees the requests after a
 * network delay that varies, from ever counting more than {@code perSecond} in one second as long
 * as that variation stays under 100 ms.
 */
public final class RequestPacer implements AttemptGate {
  /** The largest ceiling accepted; the ring of start times holds this many entries at most. */
  public static final int MAX_PER_SECOND = 100_000;
  private static final long WINDOW_NANOS = 1_100_000_000L;
  /** How far a late pump may catch up at once. */
  private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final Logger LOG = LoggerFactory.getLogger(RequestPacer.class);

  private final ScheduledExecutorService scheduler;
  private final long intervalNanos;
  private final int maxInFlight;
  private int inFlight;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final long[] recentStarts;
  private int cursor;
  private long nextSlot;
  private boolean pumpScheduled;

  public RequestPacer(ScheduledExecutorService scheduler, int perSecond, int maxInFlight) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
      throw new IllegalArgumentException("perSecond must be between 1 and " + MAX_PER_SECOND + ": " + perSecond);
    }
    this.intervalNanos = WINDOW_NANOS / perSecond;
    this.recentStarts = new long[perSecond];
    long now = System.nanoTime();
    java.util.Arrays.fill(recentStarts, now - WINDOW_NANOS);
    this.nextSlot = now;
  }

  /** Queues the start of one request; {@code start} must not block. */
  @Override
  public void start(Runnable start) {
    queue.add(Objects.requireNonNull(start, "start"));
    wakePump();
  }

  @Override
  public void finished() {
    synchronized (this) {
      inFlight--;
    }
    wakePump();
  }

  private void wakePump() {
    synchronized (this) {
      if (!pumpScheduled && !queue.isEmpty()) {
        pumpScheduled = true;
        schedulePump(0);
      }
    }
  }

  /** Requests queued and not yet started. */
  public int queued() {
    return queue.size();
  }

  private void pump() {
    synchronized (this) {
      pumpScheduled = false;
      while (!queue.isEmpty() && inFlight < maxInFlight) {
        long now = System.nanoTime();
        long wait = Math.max(nextSlot - now, recentStarts[cursor] + WINDOW_NANOS - now);
        if (wait > 0) {
          pumpScheduled = true;
          schedulePump(wait);
          return;
        }
        Runnable start = queue.poll();
        recentStarts[cursor] = now;
        cursor = (cursor + 1) % recentStarts.length;
        inFlight++;
        nextSlot = Math.max(nextSlot, now - MAX_LAG_NANOS) + intervalNanos;
        try {
          start.run();
        } catch (RuntimeException e) {
          inFlight--;
          LOG.warn("a paced request failed to start", e);
        }
      }
    }
  }

  private void schedulePump(long delayNanos) {
    try {
      scheduler.schedule(this::pump, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The client is closing: queued starts are dropped and their waits were cancelled.
      pumpScheduled = false;
    }
  }
}
