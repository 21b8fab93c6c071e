package io.github.ivhclient.videomake.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.github.ivhclient.videomake.model.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the files under {@link SandboxGateway#MEDIA_PATH_PREFIX}: the sample template video and
 * audio, and each finished task's result video and subtitles.
 */
final class MediaFiles {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,9})-(\\d{1,9})?");

  private final SandboxGateway gateway;

  MediaFiles(SandboxGateway gateway) {
    this.gateway = gateway;
  }

  void serve(HttpExchange exchange, String name) throws IOException {
    String method = exchange.getRequestMethod();
    boolean head = "HEAD".equals(method);
    byte[] sample = SandboxMedia.sample(name);
    if (sample != null && (head || "GET".equals(method))) {
      serveSample(exchange, sample, name.endsWith(".mp4") ? "video/mp4" : "audio/mpeg", head);
      return;
    }
    int dot = name.lastIndexOf('.');
    SandboxTask task = dot < 0 ? null : gateway.task(name.substring(0, dot));
    String extension = dot < 0 ? "" : name.substring(dot);
    if (!head && !"GET".equals(method)
        || task == null
        || task.statusAt(System.nanoTime()) != TaskStatus.SUCCESS
        || !extension.equals(".mp4") && !extension.equals(".srt")) {
      byte[] notFound = "no such result file\n".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(404, notFound.length);
      exchange.getResponseBody().write(notFound);
      return;
    }
    boolean video = extension.equals(".mp4");
    byte[] bytes = video ? SandboxMedia.mp4() : SandboxMedia.srt(task.subtitleText());
    exchange.getResponseHeaders().set("Content-Type", video ? "video/mp4" : "application/x-subrip; charset=utf-8");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** A sample file, with single-range support so preflight reads it as it reads a CDN. */
  private static void serveSample(HttpExchange exchange, byte[] bytes, String type, boolean head) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (m == null || !m.matches()) {
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      return;
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? bytes.length - 1 : Math.min(Integer.parseInt(m.group(2)), bytes.length - 1);
    if (from >= bytes.length || from > to) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
    exchange.sendResponseHeaders(206, to - from + 1);
    exchange.getResponseBody().write(bytes, from, to - from + 1);
  }
}
