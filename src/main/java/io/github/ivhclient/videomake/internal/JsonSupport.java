package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.Moshi;

/** The one Moshi configuration used for every wire body: requests, responses and callbacks. */
public final class JsonSupport {
  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(new GeneratedEnumAdapterFactory("io.github.ivhclient.videomake.model"))
          .build();

  private JsonSupport() {}

  /** Moshi is immutable and thread-safe; sharing it shares only its adapter cache. */
  public static Moshi moshi() {
    return MOSHI;
  }
}
