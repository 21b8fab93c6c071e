package io.github.ivhclient.videomake.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The threads and connections one client owns. One bounded pool runs everything: the timers of
 * waits and retries, the poll pacer and, unless the caller supplied an {@link OkHttpClient}, every
 * asynchronous HTTP exchange (OkHttp's dispatcher runs on it), so the client never has more
 * threads than the pool's size. {@link #close()} releases only what was created here.
 *
 * <p>An exchange holds its thread until it ends, so at most {@code threads} exchanges run at once;
 * a larger {@code maxRequests} is capped to it, or calls handed to the dispatcher would wait in the
 * pool's queue and leave later in a burst the poll pacer did not plan.
 */
public final class ClientResources implements AutoCloseable {
  private static final String THREAD_PREFIX = "ivh-client-";

  private final ScheduledThreadPoolExecutor pool;
  private final Dispatcher dispatcher;
  private final ConnectionPool connectionPool;
  private final int maxInFlight;

  private ClientResources(int threads, int maxRequests, boolean owningHttp) {
    this.pool = new ScheduledThreadPoolExecutor(threads, daemonThreads());
    // Cancelled polls and deadlines leave the queue at once, so finished waits hold no memory.
    this.pool.setRemoveOnCancelPolicy(true);
    this.pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    // Idle threads go away, so a client that is never closed does not pin threads forever.
    this.pool.setKeepAliveTime(60, TimeUnit.SECONDS);
    this.pool.allowCoreThreadTimeOut(true);
    if (owningHttp) {
      this.maxInFlight = Math.min(maxRequests, threads);
      this.dispatcher = new Dispatcher(pool);
      this.dispatcher.setMaxRequests(maxInFlight);
      this.dispatcher.setMaxRequestsPerHost(maxInFlight);
      this.connectionPool = new ConnectionPool();
    } else {
      // The caller's dispatcher runs the exchanges on its own threads, under its own limits.
      this.maxInFlight = maxRequests;
      this.dispatcher = null;
      this.connectionPool = null;
    }
  }

  /**
   * Resources for a client with its own OkHttp: one pool of {@code threads} threads for timers
   * and exchanges; at most {@code min(maxRequests, threads)} exchanges at once.
   */
  public static ClientResources owningHttp(int threads, int maxRequests) {
    return new ClientResources(threads, maxRequests, true);
  }

  /**
   * Resources for a client that brings its own OkHttp: only the pool for timers is created; the
   * caller's dispatcher and connection pool are shared and left alone.
   */
  public static ClientResources sharingHttp(int threads, int maxRequests) {
    return new ClientResources(threads, maxRequests, false);
  }

  /** Applies the owned dispatcher and connection pool to a new OkHttp builder; no-op when sharing. */
  public OkHttpClient.Builder configure(OkHttpClient.Builder http) {
    if (dispatcher != null) {
      http.dispatcher(dispatcher).connectionPool(connectionPool);
    }
    return http;
  }

  /** The timers' executor. */
  public ScheduledExecutorService scheduler() {
    return pool;
  }

  /** How many paced exchanges may run at once. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** The prefix of the names of the threads this class creates. */
  public static String threadPrefix() {
    return THREAD_PREFIX;
  }

  /**
   * Stops the pool and closes owned pooled connections. End the calls first (their futures would
   * otherwise never complete); blocking calls run on their callers' threads.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    if (connectionPool != null) {
      connectionPool.evictAll();
    }
  }

  /**
   * Whether the calling thread is one of the pool's behind {@code scheduler}: a blocking wait made
   * there must not wait for the pool, which could then wait forever.
   */
  public static boolean isPoolThread(ScheduledExecutorService scheduler) {
    return Thread.currentThread() instanceof PoolThread thread && thread.pool == scheduler;
  }

  /** A pool thread knows its pool; OkHttp renames the threads it runs on, so the name cannot tell. */
  private static final class PoolThread extends Thread {
    volatile ScheduledExecutorService pool;

    PoolThread(Runnable runnable, String name) {
      super(runnable, name);
    }
  }

  private ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      PoolThread thread = new PoolThread(runnable, THREAD_PREFIX + count.incrementAndGet());
      thread.pool = pool;
      thread.setDaemon(true);
      return thread;
    };
  }
}
