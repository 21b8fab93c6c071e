package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one Moshi configuration used for every wire body: requests, responses and callbacks. */
public final class JsonSupport {
  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(new GeneratedEnumAdapterFactory())
          .build();

  private static final Pattern DUPLICATE =
      Pattern.compile("Map key '([^']{0,100})' has multiple values at path ([^\\s:]{0,200})");

  private JsonSupport() {}

  /**
   * {@code 'Status' at $.Payload} when Moshi refused a tree because a key appears twice in one
   * object (its message also quotes both values: left out), else {@code null}. Responses and
   * callbacks refuse such a body alike: which value counts would otherwise depend on the reader.
   */
  public static String duplicateKey(JsonDataException e) {
    Matcher m = DUPLICATE.matcher(String.valueOf(e.getMessage()));
    return m.find() ? "'" + m.group(1) + "' at " + m.group(2) : null;
  }

  /** Moshi is immutable and thread-safe; sharing it shares only its adapter cache. */
  public static Moshi moshi() {
    return MOSHI;
  }
}
