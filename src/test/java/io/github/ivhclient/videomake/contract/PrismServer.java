package io.github.ivhclient.videomake.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Prism 5.14.2 mock of the contract, running as a child process on a free loopback port.
 *
 * <p>Plain Java, so it works without JUnit extensions (jqwik lifecycle hooks, a main method):
 *
 * <pre>{@code
 * try (PrismServer prism = PrismServer.start()) {
 *   Retrofit retrofit = new Retrofit.Builder().baseUrl(prism.baseUrl() + "/")...;
 * }
 *
 * // jqwik: share the run's Prism instead of starting one per container
 * @BeforeContainer
 * static void prism() { baseUrl = PrismServer.shared().baseUrl(); }
 * }</pre>
 *
 * <p>Prism runs with {@code --errors} (invalid requests get 422, and a response that breaks its own
 * schema fails) and a fixed {@code --seed}, so {@code Prefer: dynamic=true} answers are reproducible;
 * a request may pick another seed with {@code Prefer: dynamic=true, seed=N}. Its output is appended
 * to {@code target/prism.log}. {@link #close()} stops the process and every descendant; a JVM
 * shutdown hook does the same if a caller never gets to close it.
 * Prism serves the spec without its callbacks ({@link CallbackFreeSpec}).
 *
 * <p>Prism comes from {@code node_modules}, which {@code mvn verify} installs before the
 * integration tests run (see {@code openapi/tools/npm-ci-if-changed.mjs}).
 */
public final class PrismServer implements AutoCloseable {
  /** The seed Prism's dynamic generator uses unless a request names another one. */
  public static final String DEFAULT_SEED = "20240607";

  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;
  private static final Object SHARED_LOCK = new Object();
  private static PrismServer shared;

  private final Process process;
  private final int port;
  private final Path log;
  private final Path servedSpec;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private PrismServer(Process process, int port, Path log, Path servedSpec) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.servedSpec = servedSpec;
    this.shutdownHook = new Thread(this::stopProcessTree, "prism-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts Prism on the project's spec with the defaults of {@link Builder}. */
  public static PrismServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JVM-wide Prism with the default options, started on first use (again if it was closed).
   * {@link PrismExtension} uses it, so JUnit tests and jqwik properties of one run share one
   * process; whoever closes it last wins, and the shutdown hook stops it at the latest.
   */
  public static PrismServer shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null || shared.closed || !shared.isAlive()) {
        if (shared != null) {
          shared.close();
        }
        shared = start();
      }
      return shared;
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** The process id of the Prism process (its descendants are stopped with it). */
  public long pid() {
    return process.pid();
  }

  /** The file Prism's output is appended to. */
  public Path logFile() {
    return log;
  }

  /** Whether the Prism process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops Prism and its descendants; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopProcessTree();
    CallbackFreeSpec.delete(servedSpec);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it finds the tree already stopped.
    }
  }

  private void stopProcessTree() {
    // Snapshot the descendants first: once the parent is gone they are re-parented and lost.
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(0, process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plusSeconds(5);
    for (ProcessHandle handle : tree) {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      try {
        handle.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception timeoutOrFailure) {
        // Handled below: whatever is still alive is killed.
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return "PrismServer{" + baseUrl() + ", alive=" + isAlive() + "}";
  }

  /** Options for {@link PrismServer}; every one has a default that fits the project layout. */
  public static final class Builder {
    private Path projectDir = defaultProjectDir();
    private Path spec;
    private Path log;
    private String seed = DEFAULT_SEED;
    private String logLevel = "info";
    private Duration startTimeout = Duration.ofSeconds(90);

    private Builder() {}

    /** The repository root (holds node_modules/ and openapi/); default: Maven's {@code basedir}. */
    public Builder projectDir(Path projectDir) {
      this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
      return this;
    }

    /** Default: {@code openapi/ivh-videomake.yaml} under the project directory. */
    public Builder spec(Path spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** Default: {@code target/prism.log} under the project directory. */
    public Builder logFile(Path log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public Builder seed(String seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /**
     * Prism's {@code --verboseLevel} (trace, debug, info, warn, error, fatal, silent); default
     * {@code info}, a few lines per request. A run of thousands of requests saves Prism time with
     * {@code warn}: the 422 findings stay in the answers.
     */
    public Builder logLevel(String logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /** How long to wait for Prism to answer HTTP (it takes about 2 s on an idle machine). */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /**
     * Starts Prism and returns once it answers HTTP.
     *
     * @throws IllegalStateException if Prism is not installed, exits, or does not answer in time
     */
    public PrismServer start() {
      Path specFile = spec != null ? spec : projectDir.resolve("openapi/ivh-videomake.yaml");
      Path logFile = log != null ? log : projectDir.resolve("target/prism.log");
      Path prism = projectDir.resolve("node_modules/.bin/" + (isWindows() ? "prism.cmd" : "prism"));
      if (!Files.isExecutable(prism)) {
        throw new IllegalStateException(prism + " is missing: run `mvn -B verify`, which installs it with npm ci");
      }
      Path served = CallbackFreeSpec.copyOf(specFile, logFile.toAbsolutePath().getParent());
      IllegalStateException last = null;
      // A free port found here may be taken before Prism binds it: try again on another. Any
      // other failure (a broken spec, no answer in time) would only repeat itself.
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = freePort();
        long logBefore = logSize(logFile);
        Process process = launch(prism, served, port, logFile);
        try {
          awaitReady(process, port, logFile);
          return new PrismServer(process, port, logFile, served);
        } catch (IllegalStateException e) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          last = e;
          if (!portTaken(logFile, logBefore)) {
            break;
          }
        }
      }
      CallbackFreeSpec.delete(served);
      throw last;
    }

    private static long logSize(Path logFile) {
      try {
        return Files.exists(logFile) ? Files.size(logFile) : 0;
      } catch (IOException e) {
        return 0;
      }
    }

    /** Whether Prism's output since {@code offset} says the port was taken (Node's EADDRINUSE). */
    private static boolean portTaken(Path logFile, long offset) {
      try {
        byte[] log = Files.readAllBytes(logFile);
        int from = (int) Math.min(offset, log.length);
        return new String(log, from, log.length - from, StandardCharsets.UTF_8).contains("EADDRINUSE");
      } catch (IOException e) {
        return true;
      }
    }

    private Process launch(Path prism, Path specFile, int port, Path logFile) {
      List<String> command = List.of(prism.toString(), "mock", specFile.toString(),
          "--errors", "-h", HOST, "-p", Integer.toString(port), "--seed", seed, "-v", logLevel);
      try {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(logFile, "=== " + Instant.now() + " " + String.join(" ", command) + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new ProcessBuilder(command)
            .directory(projectDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + prism, e);
      }
    }

    private void awaitReady(Process process, int port, Path logFile) {
      Instant deadline = Instant.now().plus(startTimeout);
      URI probe = URI.create("http://" + HOST + ":" + port + "/");
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Prism exited with " + process.exitValue()
              + " before answering on port " + port + "; see " + logFile);
        }
        if (answers(probe)) {
          return;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for Prism", e);
        }
      }
      throw new IllegalStateException("Prism did not answer on port " + port + " within "
          + startTimeout.toSeconds() + " s; see " + logFile);
    }

    /** Any HTTP status (Prism says 404 for "/") means the server is up. */
    private static boolean answers(URI probe) {
      try {
        HttpURLConnection connection = (HttpURLConnection) probe.toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        try {
          return connection.getResponseCode() > 0;
        } finally {
          connection.disconnect();
        }
      } catch (IOException notYet) {
        return false;
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free loopback port", e);
      }
    }

    private static Path defaultProjectDir() {
      return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private static boolean isWindows() {
      return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
  }
}
