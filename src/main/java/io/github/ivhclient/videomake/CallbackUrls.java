package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.IvhCallbackException.Reason;
import io.github.ivhclient.videomake.internal.HmacSha256;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mints callback URLs that only your application can produce, and checks incoming ones. The
 * gateway does not sign its callbacks, so anyone who learns or guesses a {@code CallbackUrl} could
 * POST a fake result to it; a URL minted here carries {@code ivh_ref} (your correlation id, e.g. an
 * order number) and {@code ivh_token}, an HMAC-SHA256 under a secret only your application holds.
 *
 * <pre>{@code
 * CallbackUrls urls = CallbackUrls.withSecret(secretBytes);        // 16 bytes or more, from your vault
 * request.callbackUrl(urls.mint("https://app.example.com/ivh/callback", "order-42"));
 * // in the handler of POST /ivh/callback:
 * String orderId = urls.verify(exchange.getRequestURI().toString()); // throws if forged
 * }</pre>
 *
 * <p>The token covers the path and every query parameter but itself (so a changed path, ref or
 * parameter is refused), not the scheme, host or port, which proxies in front of the receiver
 * rewrite: {@link #verify} accepts the absolute URL or just the path and query the server saw.
 * Tokens are compared in constant time. The secret never appears in {@code toString} or messages.
 * Immutable and thread-safe.
 */
public final class CallbackUrls {
  /** The query parameter carrying the correlation id. */
  public static final String REF_PARAM = "ivh_ref";
  /** The query parameter carrying the token. */
  public static final String TOKEN_PARAM = "ivh_token";
  /** The gateway requires a {@code CallbackUrl} shorter than 1000 characters. */
  public static final int MAX_URL_LENGTH = 999;
  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String CANONICAL_VERSION = "ivh-callback-v1";

  private final HmacSha256 hmac;

  private CallbackUrls(byte[] secret) {
    this.hmac = new HmacSha256(secret);
  }

  /** URLs keyed with {@code secret} (at least {@value #MIN_SECRET_BYTES} bytes; 32 random bytes recommended). */
  public static CallbackUrls withSecret(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret must be at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
    }
    return new CallbackUrls(secret.clone());
  }

  /** {@link #withSecret(byte[])} with the UTF-8 bytes of {@code secret}. */
  public static CallbackUrls withSecret(String secret) {
    return withSecret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code baseUrl} with {@code ivh_ref=<correlationId>&ivh_token=<token>} appended.
   *
   * @param baseUrl an absolute http(s) URL without fragment, {@code ivh_ref} or {@code ivh_token}
   * @param correlationId what {@link #verify} will return, e.g. your job id; not empty
   * @throws IllegalArgumentException if the URL is unusable or the result would be longer than
   *     {@value #MAX_URL_LENGTH} characters
   */
  public String mint(String baseUrl, String correlationId) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(correlationId, "correlationId");
    if (correlationId.isEmpty()) {
      throw new IllegalArgumentException("correlationId must not be empty");
    }
    URI base;
    try {
      base = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + e.getReason(), e);
    }
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
    }
    if (base.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a fragment: " + baseUrl);
    }
    List<Map.Entry<String, String>> params = queryParameters(base.getRawQuery());
    if (params == null || params.stream().anyMatch(p -> p.getKey().equals(REF_PARAM) || p.getKey().equals(TOKEN_PARAM))) {
      throw new IllegalArgumentException("baseUrl must have a well-formed query without "
          + REF_PARAM + " or " + TOKEN_PARAM + ": " + baseUrl);
    }
    String withRef = baseUrl + (base.getRawQuery() == null ? "?" : "&")
        + REF_PARAM + "=" + URLEncoder.encode(correlationId, StandardCharsets.UTF_8);
    params.add(Map.entry(REF_PARAM, correlationId));
    String url = withRef + "&" + TOKEN_PARAM + "=" + token(base.getPath(), params);
    if (url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException("the callback URL would be " + url.length()
          + " characters; the gateway accepts at most " + MAX_URL_LENGTH + ": shorten baseUrl or correlationId");
    }
    return url;
  }

  /**
   * Checks an incoming callback's URL and returns its correlation id.
   *
   * @param requestUrl the absolute URL, or the path and query as the server saw them (for the
   *     JDK's server: {@code exchange.getRequestURI().toString()})
   * @throws IvhCallbackException with {@link Reason#INVALID_TOKEN} if the token is missing or does
   *     not match the path and query (a forged or altered URL)
   */
  public String verify(String requestUrl) {
    Objects.requireNonNull(requestUrl, "requestUrl");
    URI uri;
    try {
      uri = new URI(requestUrl);
    } catch (URISyntaxException e) {
      throw invalid("the request URL is not a URL");
    }
    List<Map.Entry<String, String>> params = queryParameters(uri.getRawQuery());
    if (params == null) {
      throw invalid("the query is not well-formed");
    }
    List<String> tokens = values(params, TOKEN_PARAM);
    List<String> refs = values(params, REF_PARAM);
    if (tokens.size() != 1 || refs.size() != 1 || refs.get(0).isEmpty()) {
      throw invalid("the URL must carry exactly one " + REF_PARAM + " and one " + TOKEN_PARAM);
    }
    params.removeIf(p -> p.getKey().equals(TOKEN_PARAM));
    byte[] expected = token(uri.getPath(), params).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, tokens.get(0).getBytes(StandardCharsets.UTF_8))) {
      throw invalid("the " + TOKEN_PARAM + " does not match the URL: forged or altered");
    }
    return refs.get(0);
  }

  @Override
  public String toString() {
    return "CallbackUrls{secret=****}";
  }

  /** Base64url (no padding) of HMAC-SHA256 over the version, the decoded path and the sorted parameters. */
  private String token(String path, List<Map.Entry<String, String>> params) {
    StringBuilder canonical = new StringBuilder(CANONICAL_VERSION).append('\n')
        .append(path == null || path.isEmpty() ? "/" : path).append('\n');
    params.stream()
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .forEach(p -> canonical.append(escape(p.getKey())).append('=').append(escape(p.getValue())).append('&'));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.digest(canonical.toString()));
  }

  /** Keeps the canonical form unambiguous whatever the names and values contain. */
  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Decoded name/value pairs in order, a mutable list; {@code null} if the query is not well-formed. */
  private static List<Map.Entry<String, String>> queryParameters(String rawQuery) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    try {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.add(Map.entry(name, value));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return params;
  }

  private static List<String> values(List<Map.Entry<String, String>> params, String name) {
    return params.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).toList();
  }

  private static IvhCallbackException invalid(String detail) {
    return new IvhCallbackException(Reason.INVALID_TOKEN, detail, null);
  }
}
