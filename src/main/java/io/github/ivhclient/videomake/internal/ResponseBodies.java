package io.github.ivhclient.videomake.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads response bodies with a ceiling, so an endless or huge answer (a misrouted download, a
 * hostile proxy) cannot exhaust the heap: the gateway's answers are a few kilobytes.
 */
public final class ResponseBodies {
  /** The most of a body this client reads: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;

  private ResponseBodies() {}

  /** The first {@link #MAX_BYTES} of a body as text, and whether the body went on beyond them. */
  public record Head(String text, boolean oversized) {}

  /** Reads at most {@link #MAX_BYTES} + 1 bytes: enough to tell an oversized body, never more. */
  public static Head read(ResponseBody body) throws IOException {
    return read(body, body.contentType());
  }

  /** {@link #read(ResponseBody)} of a body whose {@code Content-Type} the caller already has (each read parses it). */
  public static Head read(ResponseBody body, MediaType type) throws IOException {
    byte[] bytes = readAtMost(body.source(), MAX_BYTES + 1L);
    boolean oversized = bytes.length > MAX_BYTES;
    return new Head(new String(bytes, 0, oversized ? MAX_BYTES : bytes.length, charsetOf(type)), oversized);
  }

  static byte[] readAtMost(BufferedSource source, long limit) throws IOException {
    source.request(limit);
    return source.readByteArray(Math.min(limit, source.getBuffer().size()));
  }

  static Charset charsetOf(MediaType type) {
    return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
  }
}
