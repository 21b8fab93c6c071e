package io.github.ivhclient.videomake.internal;

import java.util.regex.Pattern;

/** Masks secrets in text meant for logs, exception messages and {@code toString}. */
public final class Redaction {
  private static final Pattern SECRET_QUERY_PARAMS =
      Pattern.compile("(?i)([?&](?:appkey|signature|token|ivh_token)=)[^&#\\s\"]*");

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
}
