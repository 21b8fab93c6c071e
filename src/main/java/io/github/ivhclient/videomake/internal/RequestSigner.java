package io.github.ivhclient.videomake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs every attempt: sets {@code appkey} and {@code timestamp} (Unix seconds, read from the clock
 * when the attempt is sent, so a retry carries a fresh one) and appends {@code signature}.
 *
 * <p>The string to sign is every query parameter but {@code signature}, sorted by name, joined as
 * {@code k=v} with {@code &}; the signature is HMAC-SHA256 keyed with the access token, standard
 * Base64, URL-encoded. The access token never leaves this class except as that HMAC.
 */
public final class RequestSigner implements Interceptor {
  public static final String APPKEY = "appkey";
  public static final String TIMESTAMP = "timestamp";
  public static final String SIGNATURE = "signature";

  private final String appKey;
  /** The app key as the signed URL's {@code appkey} parameter reads back, as signed. */
  private final String appKeyAsSent;
  private final HmacSha256 hmac;
  private final Clock clock;

  public RequestSigner(String appKey, String accessToken, Clock clock) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    this.appKeyAsSent = new HttpUrl.Builder().scheme("http").host("localhost").addQueryParameter(APPKEY, appKey)
        .build().queryParameter(APPKEY);
    this.hmac = hmacOf(Objects.requireNonNull(accessToken, "accessToken"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(sign(chain.request()));
  }

  /** The request with {@code appkey}, a fresh {@code timestamp} and its {@code signature}. */
  public Request sign(Request request) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpUrl url = request.url();
    if (url.querySize() == 0) {
      // Every request the client sends: the parameters are these two, already in name order, so
      // the URL is built once.
      String signature = signature(APPKEY + "=" + appKeyAsSent + "&" + TIMESTAMP + "=" + timestamp, hmac);
      return request.newBuilder().url(url.newBuilder()
          .addQueryParameter(APPKEY, appKey)
          .addQueryParameter(TIMESTAMP, timestamp)
          .addEncodedQueryParameter(SIGNATURE, urlEncoded(signature))
          .build()).build();
    }
    HttpUrl stamped = url.newBuilder()
        .removeAllQueryParameters(APPKEY)
        .removeAllQueryParameters(TIMESTAMP)
        .removeAllQueryParameters(SIGNATURE)
        .addQueryParameter(APPKEY, appKey)
        .addQueryParameter(TIMESTAMP, timestamp)
        .build();
    Map<String, String> params = new TreeMap<>();
    for (String name : stamped.queryParameterNames()) {
      params.put(name, stamped.queryParameter(name));
    }
    String signature = signature(stringToSign(params), hmac);
    HttpUrl signed = stamped.newBuilder()
        .addEncodedQueryParameter(SIGNATURE, urlEncoded(signature))
        .build();
    return request.newBuilder().url(signed).build();
  }

  /** {@link java.net.URLEncoder}'s form of standard Base64, whose only characters to encode are {@code + / =}. */
  private static String urlEncoded(String base64) {
    StringBuilder out = new StringBuilder(base64.length() + 12);
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      switch (c) {
        case '+' -> out.append("%2B");
        case '/' -> out.append("%2F");
        case '=' -> out.append("%3D");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code k=v} pairs of every parameter but {@code signature}, sorted by name, joined with {@code &}. */
  public static String stringToSign(Map<String, String> queryParameters) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(queryParameters).forEach((name, value) -> {
      if (!SIGNATURE.equals(name)) {
        if (out.length() > 0) {
          out.append('&');
        }
        out.append(name).append('=').append(value == null ? "" : value);
      }
    });
    return out.toString();
  }

  /** Standard Base64 of HMAC-SHA256(accessToken, stringToSign); not yet URL-encoded. */
  public static String signature(String stringToSign, String accessToken) {
    return signature(stringToSign, hmacOf(accessToken));
  }

  private static String signature(String stringToSign, HmacSha256 hmac) {
    return Base64.getEncoder().encodeToString(hmac.digest(stringToSign));
  }

  private static HmacSha256 hmacOf(String accessToken) {
    return new HmacSha256(accessToken.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "RequestSigner{appKey=" + Redaction.mask(appKey) + "}";
  }
}
