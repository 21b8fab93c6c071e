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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs one generated Retrofit call and unwraps the gateway's envelope, turning every way it can
 * fail into exactly one {@link IvhException} subclass.
 */
public final class EnvelopeCaller {
  private static final Pattern REQUEST_ID = Pattern.compile("\"RequestID\"\\s*:\\s*\"([^\"]{1,128})\"");

  private EnvelopeCaller() {}

  /** How to read an operation's response envelope (the generated types share no interface). */
  public record Envelope<T, P>(String operation, Function<T, ResponseHeader> header, Function<T, P> payload) {}

  public static <T, P> P execute(Envelope<T, P> envelope, Call<T> call) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failure(envelope.operation(), e, 1);
    }
    return unwrap(envelope, response, 1);
  }

  public static <T, P> CompletableFuture<P> executeAsync(Envelope<T, P> envelope, Call<T> call) {
    CompletableFuture<P> future = new CompletableFuture<>();
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<T> c, Response<T> response) {
        try {
          future.complete(unwrap(envelope, response, 1));
        } catch (IvhException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<T> c, Throwable t) {
        future.completeExceptionally(t instanceof IOException io ? failure(envelope.operation(), io, 1) : t);
      }
    });
    // Cancelling the future abandons the exchange.
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  static <T, P> P unwrap(Envelope<T, P> envelope, Response<T> response, int attempts) {
    String operation = envelope.operation();
    if (!response.isSuccessful()) {
      String body = errorBody(response);
      throw new IvhHttpException(operation, response.code(), excerpt(body), requestIdIn(body), attempts);
    }
    T body = response.body();
    if (body == null) {
      throw new IvhMalformedResponseException(operation, "empty body", "", null, attempts, null);
    }
    ResponseHeader header = envelope.header().apply(body);
    if (header == null || header.getCode() == null) {
      throw new IvhMalformedResponseException(operation, "no Header.Code in the body", "", null, attempts, null);
    }
    if (header.getCode() != 0) {
      throw new IvhServiceException(operation, header.getCode(), header.getMessage(),
          header.getRequestID(), header.getSessionID(), attempts);
    }
    P payload = envelope.payload().apply(body);
    if (payload == null) {
      throw new IvhMalformedResponseException(operation, "no Payload in a successful answer", "",
          header.getRequestID(), attempts, null);
    }
    return payload;
  }

  /** Maps an I/O failure of one exchange. */
  public static IvhException failure(String operation, IOException e, int attempts) {
    if (e instanceof EnvelopeConverterFactory.MalformedBodyException malformed) {
      return new IvhMalformedResponseException(operation, String.valueOf(malformed.getMessage()),
          excerpt(malformed.body()), requestIdIn(malformed.body()), attempts, e);
    }
    return new IvhTransportException(operation, mayHaveReachedServer(e), attempts, e);
  }

  /** {@code false} only when the request provably never left: refused, DNS, routing, TLS handshake. */
  public static boolean mayHaveReachedServer(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException);
  }

  private static String errorBody(Response<?> response) {
    try (var body = response.errorBody()) {
      return body == null ? "" : body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** At most {@link IvhHttpException#MAX_BODY_EXCERPT} characters, secrets masked. */
  public static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String cut = body.length() > IvhHttpException.MAX_BODY_EXCERPT
        ? body.substring(0, IvhHttpException.MAX_BODY_EXCERPT)
        : body;
    return Redaction.maskQuery(cut);
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
