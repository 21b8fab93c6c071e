package io.github.ivhclient.videomake.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
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
 *
 * <p>An attempt abandoned while queued (its wait was cancelled) takes no slot: the pump drops it
 * before recording a start, and enough {@linkplain #withdrawn withdrawals} purge the queue so
 * abandoned attempts (and the calls they hold) do not linger until their turn.
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
  /** Below this many withdrawals the queue is not purged: dropping them at their turn is cheap. */
  private static final int PURGE_THRESHOLD = 64;

  private int inFlight;
  private final ArrayDeque<Attempt> queue = new ArrayDeque<>();
  private int withdrawals;
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
    Arrays.fill(recentStarts, now - WINDOW_NANOS);
    this.nextSlot = now;
  }

  /** Queues one attempt; it is sent when a slot is free, unless abandoned by then. */
  @Override
  public void start(Attempt attempt) {
    Objects.requireNonNull(attempt, "attempt");
    synchronized (this) {
      queue.add(attempt);
    }
    wakePump();
  }

  /**
   * Purges abandoned attempts once they are at least half of the queue, so a mass cancellation
   * costs linear time once, not a scan per cancelled wait.
   */
  @Override
  public synchronized void withdrawn() {
    withdrawals++;
    if (withdrawals >= PURGE_THRESHOLD && withdrawals * 2L >= queue.size()) {
      queue.removeIf(Attempt::abandoned);
      withdrawals = 0;
    }
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

  /** Attempts queued and not yet sent (abandoned ones included until dropped). */
  public synchronized int queued() {
    return queue.size();
  }

  private void pump() {
    synchronized (this) {
      pumpScheduled = false;
      while (inFlight < maxInFlight) {
        // Abandoned attempts leave before a start is recorded: they take no slot.
        while (!queue.isEmpty() && queue.peek().abandoned()) {
          queue.poll();
        }
        if (queue.isEmpty()) {
          withdrawals = 0;
          return;
        }
        long now = System.nanoTime();
        long wait = Math.max(nextSlot - now, recentStarts[cursor] + WINDOW_NANOS - now);
        if (wait > 0) {
          pumpScheduled = true;
          schedulePump(wait);
          return;
        }
        Attempt attempt = queue.poll();
        recentStarts[cursor] = now;
        cursor = (cursor + 1) % recentStarts.length;
        inFlight++;
        nextSlot = Math.max(nextSlot, now - MAX_LAG_NANOS) + intervalNanos;
        try {
          attempt.send();
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
