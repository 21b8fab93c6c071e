package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.LoopbackHosts;
import io.github.ivhclient.videomake.internal.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the gateway is: {@link #MAINLAND}, {@link #INTERNATIONAL}, or a {@link #custom} URL (a
 * proxy, the sandbox). Plain {@code http} is accepted only for loopback addresses, so the app key
 * and signatures never cross a network in clear text.
 */
public final class IvhEndpoint {
  public static final IvhEndpoint MAINLAND = new IvhEndpoint(URI.create("https://gw.tvs.qq.com/"));
  public static final IvhEndpoint INTERNATIONAL = new IvhEndpoint(URI.create("https://gw-sg.tvs.qq.com/"));

  private final URI baseUri;

  private IvhEndpoint(URI baseUri) {
    this.baseUri = baseUri;
  }

  /**
   * A custom base URL such as {@code http://127.0.0.1:8080}; a path prefix is kept. Error messages
   * mask the URL's user info and query values.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) URL, has user info (the
   *     credentials go to {@link IvhClient.Builder}), a query or a fragment, or is plain http to a
   *     host that is not loopback
   */
  public static IvhEndpoint custom(String url) {
    Objects.requireNonNull(url, "url");
    String shown = Redaction.maskUrl(url);
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint is not a URL: " + shown);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + shown);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "endpoint must not carry user info (set the app key and access token on the builder): " + shown);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint must not have a query or fragment: " + shown);
    }
    if (scheme.equals("http") && !LoopbackHosts.isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "plain http is allowed only for loopback addresses (use https): " + shown);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return new IvhEndpoint(URI.create(scheme + "://" + uri.getRawAuthority() + path));
  }

  /** The base URI, always ending in {@code /}. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IvhEndpoint e && baseUri.equals(e.baseUri);
  }

  @Override
  public int hashCode() {
    return baseUri.hashCode();
  }

  @Override
  public String toString() {
    return baseUri.toString();
  }
}
