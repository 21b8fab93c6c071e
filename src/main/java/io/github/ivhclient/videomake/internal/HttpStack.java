package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.CallOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Builds a client's HTTP stack: OkHttp with the signer, the echo scrubber and the single-send
 * guard, on the client's {@link ClientResources}; and the generated Retrofit services every
 * {@link Operation} is sent through.
 */
public final class HttpStack {
  private HttpStack() {}

  /**
   * The client's OkHttp: a copy of {@code supplied} (the caller's, sharing its pool and
   * dispatcher) or a new one on {@code resources}, signing every attempt with the credentials, with
   * the builder's {@code timeouts}; an exchange is bounded by {@code defaultCallTimeout} when
   * neither the builder nor the supplied client bounds it.
   */
  public static OkHttpClient http(OkHttpClient supplied, ClientResources resources, String appKey,
      String accessToken, Clock clock, CallOptions timeouts, Duration defaultCallTimeout) {
    OkHttpClient.Builder http = resources.configure(supplied == null ? new OkHttpClient.Builder() : supplied.newBuilder())
        .addInterceptor(new RequestSigner(appKey, accessToken, clock))
        .addInterceptor(new CappingEchoScrubber(appKey));
    if (timeouts.callTimeout() == null && (supplied == null || supplied.callTimeoutMillis() == 0)) {
      http.callTimeout(defaultCallTimeout);
    }
    withTimeouts(http, timeouts);
    // OkHttp re-sends requests by itself (redirects, 503 with Retry-After: 0, failed connections):
    // a duplicate billed task for a submit, a request to another host for anything. Only the retry
    // policy repeats requests, so its attempt count is the number of requests sent.
    return SingleSend.configure(http).build();
  }

  /** {@code http} with those of {@code options}' timeouts that are set: for the client and for its views. */
  public static OkHttpClient.Builder withTimeouts(OkHttpClient.Builder http, CallOptions options) {
    if (options.callTimeout() != null) {
      http.callTimeout(options.callTimeout());
    }
    if (options.connectTimeout() != null) {
      http.connectTimeout(options.connectTimeout());
    }
    if (options.readTimeout() != null) {
      http.readTimeout(options.readTimeout());
    }
    return http;
  }

  /** A Retrofit instance of every service {@link Operations#ALL} is sent through, by interface. */
  public static Map<Class<?>, Object> services(URI baseUri, OkHttpClient http) {
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(baseUri.toString())
        .client(http)
        .addConverterFactory(new EnvelopeConverterFactory())
        .build();
    Map<Class<?>, Object> services = new LinkedHashMap<>();
    for (Operation<?, ?, ?, ?> op : Operations.ALL) {
      services.computeIfAbsent(op.service(), retrofit::create);
    }
    return Map.copyOf(services);
  }
}
