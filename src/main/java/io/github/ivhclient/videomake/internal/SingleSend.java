package io.github.ivhclient.videomake.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes one OkHttp call one request on the wire: the client's retry policy is then the only place
 * a request is repeated, and the attempts it reports are the requests sent.
 *
 * <p>OkHttp repeats a request by itself in its follow-up step: redirects (turned off in
 * {@link #configure}), a 503 with {@code Retry-After: 0} (which {@code retryOnConnectionFailure}
 * does not stop), a 408, a 421 on a coalesced connection, an authenticator's challenge. The
 * network interceptor hides {@code Retry-After} from that step under {@link #RETRY_AFTER}, where
 * the retry policy reads it, and refuses any second send of the same call with an
 * {@link IOException}, whatever asked for it (a follow-up, or another interceptor calling
 * {@code proceed} twice).
 */
public final class SingleSend {
  /** Where the gateway's {@code Retry-After} is kept, out of sight of OkHttp's follow-ups. */
  public static final String RETRY_AFTER = "Ivh-Retry-After";

  private SingleSend() {}

  /**
   * Turns off OkHttp's redirects, connection-failure retries and authenticators, and installs the
   * marker first among the application interceptors and the guard last among the network ones.
   */
  public static OkHttpClient.Builder configure(OkHttpClient.Builder http) {
    http.followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .authenticator(okhttp3.Authenticator.NONE);
    http.interceptors().add(0, SingleSend::mark);
    http.networkInterceptors().add(SingleSend::guard);
    return http;
  }

  /** One counter per call, carried by the request into every follow-up OkHttp builds from it. */
  private static final class Sends {
    final AtomicInteger count = new AtomicInteger();
  }

  private static Response mark(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    return chain.proceed(request.newBuilder().tag(Sends.class, new Sends()).build());
  }

  private static Response guard(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Sends sends = request.tag(Sends.class);
    if (sends != null && sends.count.incrementAndGet() > 1) {
      throw new RepeatRefusedException(request.method() + " " + request.url().encodedPath()
          + ": refused to send the request a second time within one attempt (an automatic re-send"
          + " by the HTTP library); only the client's retry policy repeats requests");
    }
    Response response = chain.proceed(request);
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(RETRY_AFTER, retryAfter).build();
  }

  /** A second send of one attempt was stopped before it left; the first one did leave. */
  public static final class RepeatRefusedException extends IOException {
    RepeatRefusedException(String message) {
      super(message);
    }
  }
}
