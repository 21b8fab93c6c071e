package io.github.ivhclient.videomake.internal;

import java.util.regex.Pattern;

/** Masks secrets in text meant for logs, exception messages and {@code toString}. */
public final class Redaction {
  private static final Pattern SECRET_QUERY_PARAMS =
      // Any secret-named parameter, wherever it starts (after ?, &, &amp;, a space...), not only after ? or &.
      Pattern.compile("(?i)((?<![A-Za-z0-9_])(?:appkey|signature|token|ivh_token)=)[^&#\\s\"]*");

  private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#@\\s]*@");
  private static final Pattern ANY_QUERY_VALUE = Pattern.compile("([?&#][^=&#\\s]*=)[^&#\\s]*");

  private Redaction() {}

  /** Keeps the first two characters of a secret, so two keys can be told apart in a log. */
  public static String mask(String secret) {
    if (secret == null) {
      return null;
    }
    return secret.length() <= 4 ? "****" : secret.substring(0, 2) + "****";
  }

  /** Masks the values of {@code appkey}, {@code signature} and callback-token parameters in a URL or text. */
  public static String maskQuery(String text) {
    if (text == null) {
      return null;
    }
    return SECRET_QUERY_PARAMS.matcher(text).replaceAll("$1****");
  }

  /**
   * Masks a URL's user info and every query or fragment value, whatever their names: for URLs a
   * caller configured, where any parameter may be a credential.
   */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    return ANY_QUERY_VALUE.matcher(USER_INFO.matcher(url).replaceAll("$1****@")).replaceAll("$1****");
  }
}
