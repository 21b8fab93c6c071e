package io.github.ivhclient.videomake.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's JDK HTTP server on a loopback port, its request threads and the one thread that
 * sends callbacks: started once, closed once, all daemon threads.
 */
final class SandboxServer {
  private static final int HTTP_THREADS = 16;
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final Object lifecycle = new Object();
  private HttpServer server;
  private ExecutorService httpExecutor;
  private ScheduledExecutorService callbackExecutor;
  private boolean closed;

  /** Binds {@code port} on the loopback address (0 for any free one) and serves every path with {@code handler}. */
  void start(int port, HttpHandler handler) {
    synchronized (lifecycle) {
      if (server != null || closed) {
        throw new IllegalStateException(closed ? "the sandbox is closed" : "the sandbox is already started");
      }
      enableNoDelay();
      HttpServer http;
      try {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the sandbox to loopback port " + port, e);
      }
      httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("ivh-sandbox-http"));
      ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("ivh-sandbox-callback"));
      scheduler.setRemoveOnCancelPolicy(true);
      callbackExecutor = scheduler;
      http.setExecutor(httpExecutor);
      http.createContext("/", handler);
      http.start();
      server = http;
    }
  }

  /**
   * The JDK server sends an answer's headers and its body in two writes; with Nagle's algorithm on,
   * the body waits for the client's delayed ACK, about 40 ms on every request. The server reads
   * {@value #NODELAY_PROPERTY} once, when the JVM creates its first JDK HTTP server, so this sets
   * it (unless the application chose a value) before the sandbox creates its own. An application
   * that starts another JDK HTTP server first should pass {@code -D}{@value #NODELAY_PROPERTY}{@code =true}.
   */
  private static void enableNoDelay() {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  /** The address served. */
  InetSocketAddress address() {
    synchronized (lifecycle) {
      if (server == null || closed) {
        throw new IllegalStateException(closed ? "the sandbox is closed" : "the sandbox is not started");
      }
      return server.getAddress();
    }
  }

  /** Runs {@code callback} once after {@code delayNanos}, on the callback thread. */
  void scheduleCallback(Runnable callback, long delayNanos) {
    callbackExecutor.schedule(callback, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** {@code closed}, {@code not started}, or {@code null} while serving. */
  String notServing() {
    synchronized (lifecycle) {
      return closed ? "closed" : server == null ? "not started" : null;
    }
  }

  /** Stops serving at once; pending callbacks are dropped. Idempotent. */
  void close() {
    synchronized (lifecycle) {
      closed = true;
      if (server != null) {
        server.stop(0);
        httpExecutor.shutdownNow();
        callbackExecutor.shutdownNow();
      }
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
