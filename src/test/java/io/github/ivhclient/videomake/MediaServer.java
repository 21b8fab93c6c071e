package io.github.ivhclient.videomake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback file server for preflight tests: serves {@link Content} with or without Range support,
 * redirects and error statuses, and counts requests and body bytes sent.
 */
final class MediaServer implements AutoCloseable {
  /** Bytes by position, so a 40 MiB file need not exist in memory. */
  interface Content {
    long length();

    byte at(long position);

    static Content of(byte[] bytes) {
      return new Content() {
        @Override
        public long length() {
          return bytes.length;
        }

        @Override
        public byte at(long position) {
          return bytes[(int) position];
        }
      };
    }
  }

  private record Route(Content content, boolean ranges, String redirect, int status) {}

  private final HttpServer server;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicLong bytesSent = new AtomicLong();

  MediaServer(String loopbackAddress) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  MediaServer() throws IOException {
    this("127.0.0.1");
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
  }

  MediaServer file(String path, Content content) {
    routes.put(path, new Route(content, true, null, 200));
    return this;
  }

  /** A server that answers every Range request with 200 and the whole file. */
  MediaServer fileWithoutRanges(String path, Content content) {
    routes.put(path, new Route(content, false, null, 200));
    return this;
  }

  MediaServer redirect(String path, String location) {
    routes.put(path, new Route(null, false, location, 302));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      Route route = routes.get(exchange.getRequestURI().getPath());
      if (route == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (route.redirect != null) {
        exchange.getResponseHeaders().set("Location", route.redirect);
        exchange.sendResponseHeaders(route.status, -1);
        return;
      }
      long length = route.content.length();
      long from = 0;
      long to = length - 1;
      String range = exchange.getRequestHeaders().getFirst("Range");
      boolean partial = route.ranges && range != null && range.matches("bytes=\\d+-\\d+");
      if (partial) {
        String[] parts = range.substring(6).split("-");
        from = Long.parseLong(parts[0]);
        to = Math.min(Long.parseLong(parts[1]), length - 1);
        if (from >= length) {
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + length);
      }
      if (route.ranges) {
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
      }
      long count = to - from + 1;
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(partial ? 206 : 200, count);
      OutputStream out = exchange.getResponseBody();
      byte[] buffer = new byte[8192];
      long sent = 0;
      try {
        while (sent < count) {
          int n = (int) Math.min(buffer.length, count - sent);
          for (int i = 0; i < n; i++) {
            buffer[i] = route.content.at(from + sent + i);
          }
          out.write(buffer, 0, n);
          sent += n;
          bytesSent.addAndGet(n);
        }
      } catch (IOException clientClosed) {
        // The client read what it needed and hung up: expected without Range support.
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
