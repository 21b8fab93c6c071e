package io.github.ivhclient.videomake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key: the request signer and the callback tokens both use it. */
public final class HmacSha256 {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  /** A keyed Mac not in use: {@code doFinal} leaves it keyed, so it serves the next digest as is. */
  private final AtomicReference<Mac> spare = new AtomicReference<>();

  public HmacSha256(byte[] key) {
    this.key = new SecretKeySpec(Objects.requireNonNull(key, "key"), ALGORITHM);
  }

  /** The MAC of the UTF-8 bytes of {@code text}. */
  public byte[] digest(String text) {
    Objects.requireNonNull(text, "text");
    // Mac instances are not thread-safe: a digest takes the spare, or keys a new one when another
    // thread has it (looking the algorithm up and keying costs more than the MAC of a short text).
    Mac mac = spare.getAndSet(null);
    if (mac == null) {
      mac = keyedMac();
    }
    byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    spare.set(mac);
    return digest;
  }

  private Mac keyedMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  @Override
  public String toString() {
    return "HmacSha256{key=****}";
  }
}
