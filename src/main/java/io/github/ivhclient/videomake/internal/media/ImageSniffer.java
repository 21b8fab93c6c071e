package io.github.ivhclient.videomake.internal.media;

import static io.github.ivhclient.videomake.internal.media.Bytes.startsWith;
import static io.github.ivhclient.videomake.internal.media.Bytes.u16be;
import static io.github.ivhclient.videomake.internal.media.Bytes.u16le;
import static io.github.ivhclient.videomake.internal.media.Bytes.u24le;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32le;

/** Images: JPEG (its frame header), PNG, GIF, BMP and WebP dimensions. */
final class ImageSniffer {
  private ImageSniffer() {}

  static void jpeg(BlockReader in, Sniffed s) {
    s.container = "jpeg";
    s.kind = Sniffed.Kind.IMAGE;
    long offset = 2;
    for (int count = 0; count < MediaSniffer.MAX_CHUNKS; count++) {
      byte[] h = in.read(offset, 9);
      if (h.length < 4 || (h[0] & 0xff) != 0xFF) {
        break;
      }
      int marker = h[1] & 0xff;
      if (marker == 0xFF) {
        offset++;
        continue;
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && h.length == 9) {
        image(s, "jpeg", u16be(h, 7), u16be(h, 5));
        return;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        break;
      }
      offset += 2 + u16be(h, 2);
    }
    s.problem("no JPEG frame header was found, so the dimensions are unknown");
  }

  static void bmp(byte[] h, Sniffed s) {
    long header = u32le(h, 14);
    if (header == 12) {
      image(s, "bmp", u16le(h, 18), u16le(h, 20));
    } else {
      image(s, "bmp", Math.abs((long) (int) u32le(h, 18)), Math.abs((long) (int) u32le(h, 22)));
    }
  }

  static void webp(byte[] h, Sniffed s) {
    if (startsWith(h, 12, "VP8 ") && h.length >= 30) {
      image(s, "webp", u16le(h, 26) & 0x3fff, u16le(h, 28) & 0x3fff);
    } else if (startsWith(h, 12, "VP8L") && h.length >= 25) {
      long bits = u32le(h, 21);
      image(s, "webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    } else if (startsWith(h, 12, "VP8X") && h.length >= 30) {
      image(s, "webp", u24le(h, 24) + 1, u24le(h, 27) + 1);
    } else {
      s.container = "webp";
      s.kind = Sniffed.Kind.IMAGE;
      s.problem("the WebP header is truncated or unknown, so the dimensions are unknown");
    }
  }

  static void image(Sniffed s, String container, long width, long height) {
    s.container = container;
    s.kind = Sniffed.Kind.IMAGE;
    s.width = (int) Math.min(Integer.MAX_VALUE, width);
    s.height = (int) Math.min(Integer.MAX_VALUE, height);
  }
}
