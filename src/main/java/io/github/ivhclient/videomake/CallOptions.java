package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.HttpStack;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Timeouts and extra HTTP headers for a call or a batch of calls, applied by
 * {@link IvhClient#withOptions}. Immutable; unset timeouts keep the client's.
 *
 * <pre>{@code
 * IvhClient batch = client.withOptions(CallOptions.builder()
 *     .callTimeout(Duration.ofSeconds(5))
 *     .header("X-Request-Source", "batch")
 *     .build());
 * }</pre>
 *
 * <p>Headers the client or OkHttp set themselves are refused: {@code Content-Type},
 * {@code Content-Length}, {@code Content-Encoding}, {@code Transfer-Encoding}, {@code Host},
 * {@code Connection} and {@code Accept-Encoding}. The signature is
 * carried by the query parameters {@code appkey}, {@code timestamp} and {@code signature}, which no
 * header can change. A header value may be a secret (a proxy's credential): {@link #toString()}
 * shows header names only.
 */
public final class CallOptions {
  /** The most extra headers one {@code CallOptions} holds. */
  public static final int MAX_HEADERS = 32;
  /** The longest header value, in characters. */
  public static final int MAX_HEADER_VALUE_LENGTH = 8192;
  /** The header names the client controls, as the class comment lists them. */
  private static final String REFUSED_NAMES_TEXT = "Content-Type, Content-Length, Content-Encoding, Transfer-Encoding, "
      + "Host, Connection, Accept-Encoding";
  /** Set by Retrofit from the body, or by OkHttp for the connection: a caller's value would be wrong or ignored. */
  private static final Set<String> REFUSED_NAMES = Set.of("content-type", "content-length", "content-encoding",
      "transfer-encoding", "host", "connection", "accept-encoding");

  private static final CallOptions NONE = builder().build();

  private final Duration callTimeout;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Map<String, String> headers;

  private CallOptions(Builder b) {
    this.callTimeout = b.callTimeout;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /** No timeout changed and no header added. */
  public static CallOptions none() {
    return NONE;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.callTimeout = callTimeout;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.headers.putAll(headers);
    return b;
  }

  /**
   * The deadline of one attempt, from connect to the last byte of the answer, or null to keep the
   * client's. A retried call still ends by its {@link RetryPolicy#maxElapsed()} or this, whichever is longer.
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** The connect timeout, or null to keep the client's. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The timeout of each read from the socket, or null to keep the client's. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The extra headers sent with every request, by name, in the order they were given. */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * A client view's HTTP stack: {@code http} (a {@code newBuilder()} of the client's, which keeps its
   * pool, dispatcher and interceptors) with these timeouts, and the headers added by an interceptor
   * placed last, after the signer, so they cannot touch what it computed.
   */
  OkHttpClient.Builder configure(OkHttpClient.Builder http) {
    HttpStack.withTimeouts(http, this);
    if (!headers.isEmpty()) {
      http.addInterceptor(chain -> {
        okhttp3.Request.Builder request = chain.request().newBuilder();
        headers.forEach(request::header);
        return chain.proceed(request.build());
      });
    }
    return http;
  }

  /** Shows the timeouts and the header names, never the header values. */
  @Override
  public String toString() {
    return "CallOptions{callTimeout=" + callTimeout + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", headers=" + headers.keySet() + "}";
  }

  /** Builds {@link CallOptions}; every setter checks its argument. */
  public static final class Builder {
    private Duration callTimeout;
    private Duration connectTimeout;
    private Duration readTimeout;
    /** Keyed by name as given; a later name equal but for case replaces the earlier one. */
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /** See {@link CallOptions#callTimeout()}; positive, at most {@link WaitOptions#MAX_DURATION}. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = OptionChecks.requirePositive(timeout, "callTimeout");
      return this;
    }

    /** See {@link CallOptions#connectTimeout()}; positive, at most {@link WaitOptions#MAX_DURATION}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = OptionChecks.requirePositive(timeout, "connectTimeout");
      return this;
    }

    /** See {@link CallOptions#readTimeout()}; positive, at most {@link WaitOptions#MAX_DURATION}. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = OptionChecks.requirePositive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sends this header with every request, replacing one of the same name (in any case) given
     * before.
     *
     * @throws IllegalArgumentException if OkHttp would refuse the name or value (a name of visible
     *     ASCII without {@code ':'}, a value of printable ASCII or tabs, at most
     *     {@link #MAX_HEADER_VALUE_LENGTH} characters), if the client sets that header itself, or if
     *     there would be more than {@link #MAX_HEADERS}; the message names the header, never the value
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name");
      checkName(name);
      Objects.requireNonNull(value, () -> "value of header " + name);
      checkValue(name, value);
      headers.keySet().removeIf(name::equalsIgnoreCase);
      if (headers.size() == MAX_HEADERS) {
        throw new IllegalArgumentException("header " + name + ": at most " + MAX_HEADERS + " extra headers");
      }
      headers.put(name, value);
      return this;
    }

    /** The options; the headers are copied. */
    public CallOptions build() {
      return new CallOptions(this);
    }

    private static void checkName(String name) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("header name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        // OkHttp's rule is visible ASCII; ':' would end the name on the wire.
        if (c < '\u0021' || c > '\u007e' || c == ':') {
          throw new IllegalArgumentException("header name " + printable(name) + " has a character OkHttp refuses ("
              + String.format(Locale.ROOT, "U+%04X", (int) c) + " at index " + i + ")");
        }
      }
      if (REFUSED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + name + " is set by the client itself and cannot be overridden"
            + " (refused: " + REFUSED_NAMES_TEXT + ")");
      }
    }

    private static void checkValue(String name, String value) {
      if (value.length() > MAX_HEADER_VALUE_LENGTH) {
        throw new IllegalArgumentException("value of header " + name + " is too long: " + value.length()
            + " characters (at most " + MAX_HEADER_VALUE_LENGTH + ")");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < '\u0020' || c > '\u007e')) {
          throw new IllegalArgumentException("value of header " + name + " has a character OkHttp refuses ("
              + String.format(Locale.ROOT, "U+%04X", (int) c) + " at index " + i + "); the value is not shown");
        }
      }
    }

    /** The name with what a terminal would act on shown as escapes. */
    private static String printable(String name) {
      StringBuilder out = new StringBuilder("\"");
      name.codePoints().limit(100).forEach(c -> {
        if (c >= 0x20 && c <= 0x7e) {
          out.appendCodePoint(c);
        } else {
          out.append(String.format(Locale.ROOT, "\\u%04X", c));
        }
      });
      return out.append(name.length() > 100 ? "…\"" : "\"").toString();
    }
  }
}
