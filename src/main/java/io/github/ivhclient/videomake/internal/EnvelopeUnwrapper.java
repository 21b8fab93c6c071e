package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.IvhException;
import io.github.ivhclient.videomake.IvhHttpException;
import io.github.ivhclient.videomake.IvhMalformedResponseException;
import io.github.ivhclient.videomake.IvhServiceException;
import io.github.ivhclient.videomake.IvhTransportException;
import io.github.ivhclient.videomake.model.ResponseHeader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import retrofit2.Response;

/**
 * Unwraps the gateway's envelope from one answer, turning every way an exchange can fail into
 * exactly one {@link IvhException} subclass ({@link RetryingCaller} runs the calls).
 */
public final class EnvelopeUnwrapper {
  private static final Pattern REQUEST_ID = Pattern.compile("\"RequestID\"\\s*:\\s*\"([^\"]{1,128})\"");

  private EnvelopeUnwrapper() {}

  /** The payload of a successful answer of {@code op}; else the failure, as an {@link IvhException}. */
  static <T, P> P unwrap(Operation<?, T, P, ?> op, Response<T> response, int attempts) {
    String operation = op.id();
    if (response.code() >= 300 && response.code() < 400) {
      closeQuietly(response);
      throw IvhHttpException.redirect(operation, response.code(), locationHost(response), null, attempts);
    }
    if (!response.isSuccessful()) {
      String body = errorBody(response);
      throw new IvhHttpException(operation, response.code(), excerpt(body), requestIdIn(body), attempts);
    }
    T body = response.body();
    if (body == null) {
      throw new IvhMalformedResponseException(operation, "empty body", "", null, attempts, null);
    }
    ResponseHeader header = op.header(body);
    if (header == null || header.getCode() == null) {
      throw new IvhMalformedResponseException(
          operation, "no Header.Code in the body", "", null, attempts, null);
    }
    if (header.getCode() != 0) {
      throw new IvhServiceException(operation, header.getCode(), header.getMessage(),
          header.getRequestID(), header.getSessionID(), attempts);
    }
    P payload = op.payload(body);
    if (payload == null) {
      throw new IvhMalformedResponseException(operation, "no Payload in a successful answer", "",
          header.getRequestID(), attempts, null);
    }
    return payload;
  }

  /** Maps an I/O failure of one exchange of {@code op}. */
  public static IvhException failure(Operation<?, ?, ?, ?> op, IOException e, int attempts) {
    if (e instanceof EnvelopeConverterFactory.MalformedBodyException malformed) {
      return new IvhMalformedResponseException(op.id(), String.valueOf(malformed.getMessage()),
          excerpt(malformed.body()), requestIdIn(malformed.body()), attempts, e);
    }
    return new IvhTransportException(op.id(), mayHaveReachedServer(e), attempts, e);
  }

  /** {@code false} only when the request provably never left: refused, DNS, routing, TLS handshake. */
  public static boolean mayHaveReachedServer(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException);
  }

  /** Where a 3xx pointed: host, and port when not the scheme's default; {@code null} when unreadable. */
  static String locationHost(Response<?> response) {
    String location = response.headers().get("Location");
    HttpUrl target = location == null ? null : response.raw().request().url().resolve(location.trim());
    if (target == null) {
      return null;
    }
    return target.port() == HttpUrl.defaultPort(target.scheme()) ? target.host() : target.host() + ":" + target.port();
  }

  private static void closeQuietly(Response<?> response) {
    if (response.errorBody() != null) {
      response.errorBody().close();
    }
  }

  private static String errorBody(Response<?> response) {
    try (var body = response.errorBody()) {
      // Only the excerpt and the RequestID are kept, so the cap costs nothing.
      return body == null ? "" : ResponseBodies.read(body).text();
    } catch (IOException e) {
      return "";
    }
  }

  /** At most {@link IvhHttpException#MAX_BODY_EXCERPT} characters, never half a surrogate pair, secrets masked. */
  public static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    int end = Math.min(body.length(), IvhHttpException.MAX_BODY_EXCERPT);
    if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
      end--;
    }
    return Redaction.maskQuery(body.substring(0, end));
  }

  /** The RequestID of an envelope-shaped body, even a broken one, or {@code null}. */
  public static String requestIdIn(String body) {
    if (body == null) {
      return null;
    }
    Matcher m = REQUEST_ID.matcher(body);
    return m.find() ? m.group(1) : null;
  }
}
