package io.github.ivhclient.videomake.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The threads and connections one client owns: the shared scheduler (waits, retries, the poll
 * pacer) and, unless the caller supplied an {@link OkHttpClient}, OkHttp's dispatcher with a
 * bounded executor and the connection pool. {@link #close()} releases only what was created here.
 */
public final class ClientResources implements AutoCloseable {
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService httpExecutor;
  private final ConnectionPool connectionPool;

  private ClientResources(int schedulerThreads, ExecutorService httpExecutor, ConnectionPool connectionPool) {
    this.scheduler = new ScheduledThreadPoolExecutor(schedulerThreads, daemonThreads("ivh-scheduler-"));
    // Cancelled polls and deadlines leave the queue at once, so finished waits hold no memory.
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    // Idle threads go away, so a client that is never closed does not pin threads forever.
    this.scheduler.setKeepAliveTime(60, TimeUnit.SECONDS);
    this.scheduler.allowCoreThreadTimeOut(true);
    this.httpExecutor = httpExecutor;
    this.connectionPool = connectionPool;
  }

  /**
   * Resources for a client that brings its own OkHttp: only the scheduler is created; the
   * caller's dispatcher and pool are shared and left alone.
   */
  public static ClientResources sharingHttp(int schedulerThreads) {
    return new ClientResources(schedulerThreads, null, null);
  }

  /**
   * Resources for a client with its own OkHttp: at most {@code maxRequests} exchanges run at once,
   * each on one of at most {@code maxRequests} dispatcher threads (OkHttp's default executor has no
   * thread bound of its own).
   */
  public static ClientResources owningHttp(int schedulerThreads, int maxRequests) {
    ThreadPoolExecutor http = new ThreadPoolExecutor(maxRequests, maxRequests, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("ivh-http-"));
    http.allowCoreThreadTimeOut(true);
    return new ClientResources(schedulerThreads, http, new ConnectionPool());
  }

  /** Applies the owned dispatcher and pool to a new OkHttp builder; no-op when sharing. */
  public OkHttpClient.Builder configure(OkHttpClient.Builder http, int maxRequests) {
    if (httpExecutor != null) {
      Dispatcher dispatcher = new Dispatcher(httpExecutor);
      dispatcher.setMaxRequests(maxRequests);
      dispatcher.setMaxRequestsPerHost(maxRequests);
      http.dispatcher(dispatcher).connectionPool(connectionPool);
    }
    return http;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Stops the scheduler and, if owned, the dispatcher threads and pooled connections. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    if (httpExecutor != null) {
      httpExecutor.shutdownNow();
      connectionPool.evictAll();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
