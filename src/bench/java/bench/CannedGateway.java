package bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.ivhclient.videomake.internal.Operations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback server every per-call benchmark talks to: the JDK's HTTP server answering the
 * submit and progress paths, as {@link Operations} names them, with fixed envelopes (only fields
 * the spec declares, so the stock client's strict Gson models accept them), and 404 elsewhere. It
 * checks nothing else, so the clients' costs stand out.
 */
final class CannedGateway implements AutoCloseable {
  private static final String SUBMIT_PATH = Operations.SUBMIT.path();
  private static final String PROGRESS_PATH = Operations.GET_PROGRESS.path();
  static final String HEADER = "{\"Code\":0,\"Message\":\"\",\"RequestID\":\"bench-request\","
      + "\"SessionID\":\"bench-session\",\"DialogID\":\"\"}";
  static final byte[] SUBMIT_ANSWER = ("{\"Header\":" + HEADER
      + ",\"Payload\":{\"TaskId\":\"0123456789abcdef0123456789abcdef\"}}").getBytes(StandardCharsets.UTF_8);
  static final byte[] PROGRESS_ANSWER = ("{\"Header\":" + HEADER
      + ",\"Payload\":{\"Status\":\"MAKING\",\"Progress\":40,\"ArrayCount\":0,\"MediaUrl\":\"\","
      + "\"SubtitlesUrl\":\"\",\"FailCode\":0,\"FailMessage\":\"\",\"Duration\":0}}")
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final AtomicInteger progressRequests = new AtomicInteger();
  private volatile byte[] lastBody = new byte[0];
  private volatile String lastPathAndQuery = "";
  private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "bench-canned-gateway");
    t.setDaemon(true);
    return t;
  });

  CannedGateway() {
    // One write per answer would be better still; the JDK server splits headers and body, so
    // without this every answer waits for a delayed ACK (see SandboxGateway).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** How many progress queries arrived. */
  int progressRequests() {
    return progressRequests.get();
  }

  /** The body of the last request, so a baseline can send exactly the bytes a client sent. */
  byte[] lastBody() {
    return lastBody;
  }

  /** The path and (signed) query of the last request. */
  String lastPathAndQuery() {
    return lastPathAndQuery;
  }

  private void answer(HttpExchange exchange) throws IOException {
    lastBody = exchange.getRequestBody().readAllBytes();
    lastPathAndQuery = exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery();
    String path = exchange.getRequestURI().getPath();
    boolean submit = path.equals(SUBMIT_PATH);
    if (!submit && !path.equals(PROGRESS_PATH)) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    if (!submit) {
      progressRequests.incrementAndGet();
    }
    byte[] body = submit ? SUBMIT_ANSWER : PROGRESS_ANSWER;
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
