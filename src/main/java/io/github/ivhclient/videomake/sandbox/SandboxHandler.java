package io.github.ivhclient.videomake.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.Operation;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.model.ResponseHeader;
import io.github.ivhclient.videomake.sandbox.SandboxScript.ScriptedAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers one exchange: counts it, applies the scripted latency and HTTP answers, checks the
 * signature, then hands the body to the operation at that path ({@link Operations}, as the
 * generated interfaces declare it; {@link SandboxCalls} answers it). Every failure, including a
 * bug here, becomes an envelope with a non-zero {@code Header.Code}; no stack trace ever reaches
 * the client.
 */
final class SandboxHandler implements HttpHandler {
  private static final JsonAdapter<Map<String, ResponseHeader>> ERROR_RESPONSE = JsonSupport.moshi()
      .adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, ResponseHeader.class));

  private final SandboxGateway gateway;
  private final SignatureCheck signatures;
  private final SandboxCalls calls;
  private final MediaFiles media;
  private final AtomicLong sessions = new AtomicLong();

  SandboxHandler(SandboxGateway gateway, SignatureCheck signatures) {
    this.gateway = gateway;
    this.signatures = signatures;
    this.calls = new SandboxCalls(gateway, () -> header(GatewayError.of(0, "")));
    this.media = new MediaFiles(gateway);
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (Refusal refusal) {
      sendQuietly(exchange, refusal.httpStatus, refusal.error);
    } catch (RuntimeException | IOException e) {
      sendQuietly(exchange, 500, GatewayError.of(SandboxGateway.CODE_INTERNAL_ERROR,
          "InternalError: the sandbox failed (" + e.getClass().getSimpleName() + ")"));
    } catch (InterruptedException e) {
      // The sandbox is closing; the exchange is dropped.
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException, InterruptedException, Refusal {
    String path = exchange.getRequestURI().getPath();
    gateway.script().countRequest(path);
    if (path.startsWith(SandboxGateway.MEDIA_PATH_PREFIX)) {
      media.serve(exchange, path.substring(SandboxGateway.MEDIA_PATH_PREFIX.length()));
      return;
    }
    Operation<?, ?, ?, ?> operation = Operations.byPath(path);
    if (operation == null) {
      throw new Refusal(404, GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidAction: the gateway has no API at this path"));
    }
    Duration latency = gateway.script().latency();
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    }
    ScriptedAnswer scripted = gateway.script().nextAnswer();
    if (scripted != null) {
      sendScripted(exchange, scripted);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      throw new Refusal(405, GatewayError.of(SandboxGateway.CODE_INVALID_PARAMETER,
          "InvalidParameter: every call is a POST"));
    }
    GatewayError authFailure = signatures.check(exchange.getRequestURI().getRawQuery());
    if (authFailure != null) {
      throw new Refusal(authFailure);
    }
    sendJson(exchange, 200, calls.answer(operation, readBody(exchange)));
  }

  private void sendScripted(HttpExchange exchange, ScriptedAnswer scripted) throws IOException {
    GatewayError error;
    if (scripted.httpStatus() == 429) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(scripted.retryAfterSeconds()));
      error = GatewayError.of(SandboxGateway.CODE_REQUEST_LIMIT_EXCEEDED,
          "RequestLimitExceeded: too many requests (scripted by the sandbox)");
    } else {
      error = GatewayError.of(SandboxGateway.CODE_INTERNAL_ERROR,
          "InternalError: HTTP " + scripted.httpStatus() + " scripted by the sandbox");
    }
    sendJson(exchange, scripted.httpStatus(), errorJson(error));
  }

  private static String readBody(HttpExchange exchange) throws IOException, Refusal {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(SandboxGateway.MAX_BODY_BYTES + 1);
      if (bytes.length > SandboxGateway.MAX_BODY_BYTES) {
        throw Refusal.invalidParameter("the body is larger than " + SandboxGateway.MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private ResponseHeader header(GatewayError error) {
    return new ResponseHeader()
        .code(error.code())
        .message(error.message())
        .requestID(SandboxCalls.newId())
        .sessionID("sandbox-session-" + sessions.incrementAndGet())
        .dialogID("");
  }

  private String errorJson(GatewayError error) {
    return ERROR_RESPONSE.toJson(Map.of("Header", header(error)));
  }

  private void sendQuietly(HttpExchange exchange, int status, GatewayError error) {
    if (exchange.getResponseCode() != -1) {
      return; // the answer has already started; nothing more can be said
    }
    try {
      sendJson(exchange, status, errorJson(error));
    } catch (IOException | RuntimeException ignored) {
      // The client went away; there is no one left to tell.
    }
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
