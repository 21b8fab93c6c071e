package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.LoopbackHosts;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.model.CallbackPayload;
import io.github.ivhclient.videomake.model.CallbackRequest;
import io.github.ivhclient.videomake.sandbox.SandboxGateway.SentCallback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * POSTs a finished task's result to its {@code CallbackUrl} exactly once, as the gateway does:
 * {@code {"Payload":{…}}}, no Header, unsigned, never retried. Only loopback addresses are called,
 * so a test never reaches out of the machine.
 */
final class CallbackSender {
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final Consumer<SentCallback> record;

  CallbackSender(Consumer<SentCallback> record) {
    this.record = record;
  }

  void send(SandboxTask task, String mediaUrl, String subtitlesUrl) {
    String body = body(task, mediaUrl, subtitlesUrl);
    String url = task.callbackUrl();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      record.accept(new SentCallback(task.taskId(), url, body, -1, "not sent: CallbackUrl is not a URL"));
      return;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
        || !LoopbackHosts.isLoopback(uri.getHost())) {
      record.accept(new SentCallback(task.taskId(), url, body, -1,
          "not sent: the sandbox only calls back http(s) URLs on loopback addresses"));
      return;
    }
    record.accept(post(task.taskId(), uri, url, body));
  }

  static String body(SandboxTask task, String mediaUrl, String subtitlesUrl) {
    boolean failed = task.failure() != null;
    CallbackPayload payload = new CallbackPayload()
        .taskId(task.taskId())
        .status(failed ? CallbackPayload.StatusEnum.FAIL : CallbackPayload.StatusEnum.SUCCESS)
        .progress(failed ? -1 : 100)
        .mediaUrl(failed ? "" : mediaUrl)
        .subtitlesUrl(failed ? "" : subtitlesUrl)
        .failMessage(failed ? task.failure().failMessage() : "");
    return JsonSupport.moshi().adapter(CallbackRequest.class).toJson(new CallbackRequest().payload(payload));
  }

  private static SentCallback post(String taskId, URI uri, String url, String body) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(false);
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json;charset=utf-8");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      connection.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(bytes);
      }
      int status = connection.getResponseCode();
      drain(connection, status);
      return new SentCallback(taskId, url, body, status, "");
    } catch (IOException | RuntimeException e) {
      return new SentCallback(taskId, url, body, -1, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + Redaction.maskQuery(e.getMessage())));
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static void drain(HttpURLConnection connection, int status) throws IOException {
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
  }
}
