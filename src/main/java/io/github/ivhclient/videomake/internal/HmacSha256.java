package io.github.ivhclient.videomake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key: the request signer and the callback tokens both use it. */
public final class HmacSha256 {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public HmacSha256(byte[] key) {
    this.key = new SecretKeySpec(Objects.requireNonNull(key, "key"), ALGORITHM);
  }

  /** The MAC of the UTF-8 bytes of {@code text}. */
  public byte[] digest(String text) {
    Objects.requireNonNull(text, "text");
    try {
      // Mac instances are not thread-safe: one per call keeps the holder immutable and shareable.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  @Override
  public String toString() {
    return "HmacSha256{key=****}";
  }
}
