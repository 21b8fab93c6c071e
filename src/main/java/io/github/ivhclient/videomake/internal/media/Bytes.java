package io.github.ivhclient.videomake.internal.media;

import java.nio.charset.StandardCharsets;

/** Reading numbers, four-character codes and markers from the bytes of a media header. */
final class Bytes {
  private Bytes() {}

  static long scale(long value, long timescale) {
    return Math.multiplyHigh(value, 1000) != 0 ? value / timescale * 1000 : value * 1000 / timescale;
  }

  static boolean startsWith(byte[] b, int at, String ascii) {
    if (at < 0 || at + ascii.length() > b.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[at + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, String ascii) {
    for (int i = 0; i + ascii.length() <= b.length; i++) {
      if (startsWith(b, i, ascii)) {
        return i;
      }
    }
    return -1;
  }

  static boolean regionEquals(byte[] b, int at, byte[] expected) {
    if (at < 0 || at + expected.length > b.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (b[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** A GUID in the mixed-endian byte order ASF stores. */
  static byte[] guid(String text) {
    String hex = text.replace("-", "");
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new byte[] {raw[3], raw[2], raw[1], raw[0], raw[5], raw[4], raw[7], raw[6],
        raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]};
  }

  static String fourCc(byte[] b, int at) {
    return at + 4 <= b.length ? new String(b, at, 4, StandardCharsets.ISO_8859_1) : "";
  }

  /** A four-character code safe to print: anything but printable ASCII becomes '?'. */
  static String printable(String fourCc) {
    StringBuilder out = new StringBuilder();
    for (char c : fourCc.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  static long u32be(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
  }

  static long s64be(byte[] b, int at) {
    return (u32be(b, at) << 32) | u32be(b, at + 4);
  }

  static int u16be(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  static int u16le(byte[] b, int at) {
    return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
  }

  static long u24le(byte[] b, int at) {
    return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16);
  }

  static long u32le(byte[] b, int at) {
    return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 3] & 0xffL) << 24);
  }

  static long s64le(byte[] b, int at) {
    return u32le(b, at) | (u32le(b, at + 4) << 32);
  }
}
