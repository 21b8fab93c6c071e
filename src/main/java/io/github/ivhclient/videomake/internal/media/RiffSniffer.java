package io.github.ivhclient.videomake.internal.media;

import static io.github.ivhclient.videomake.internal.media.Bytes.fourCc;
import static io.github.ivhclient.videomake.internal.media.Bytes.printable;
import static io.github.ivhclient.videomake.internal.media.Bytes.startsWith;
import static io.github.ivhclient.videomake.internal.media.Bytes.u16le;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32le;

/** RIFF files: AVI (stream headers) and WAV (format and data chunks). WebP is an image ({@link ImageSniffer}). */
final class RiffSniffer {
  private RiffSniffer() {}

  static void avi(BlockReader in, Sniffed s) {
    s.container = "avi";
    s.kind = Sniffed.Kind.VIDEO;
    long offset = 12;
    for (int count = 0; count < MediaSniffer.MAX_CHUNKS; count++) {
      byte[] h = in.read(offset, 12);
      if (h.length < 12) {
        s.problem("no AVI header list ('hdrl') was found");
        return;
      }
      long size = u32le(h, 4);
      if (startsWith(h, 0, "LIST") && startsWith(h, 8, "hdrl")) {
        if (size > MediaSniffer.MAX_HEADER_BYTES) {
          s.problem("the AVI header list declares " + size + " bytes, more than a parser reads");
          return;
        }
        byte[] list = in.read(offset + 12, (int) Math.max(0, size - 4));
        aviHeaders(list, 0, list.length, 0, s);
        return;
      }
      offset += 8 + size + (size & 1);
    }
  }

  private static void aviHeaders(byte[] b, int from, int to, int depth, Sniffed s) {
    String streamType = null;
    int at = from;
    long usPerFrame = 0;
    long totalFrames = 0;
    for (int count = 0; count < MediaSniffer.MAX_CHUNKS && to - at >= 8; count++) {
      String id = fourCc(b, at);
      long size = u32le(b, at + 4);
      int body = at + 8;
      if (size > to - body) {
        s.problem("the AVI chunk '" + printable(id) + "' declares " + size + " bytes, past its list");
        size = to - body;
      }
      int end = (int) (body + size);
      if (id.equals("LIST") && size >= 4 && depth < 2) {
        aviHeaders(b, body + 4, end, depth + 1, s);
      } else if (id.equals("avih") && size >= 40) {
        usPerFrame = u32le(b, body);
        totalFrames = u32le(b, body + 16);
        s.width = (int) Math.min(Integer.MAX_VALUE, u32le(b, body + 32));
        s.height = (int) Math.min(Integer.MAX_VALUE, u32le(b, body + 36));
      } else if (id.equals("strh") && size >= 8) {
        streamType = fourCc(b, body);
      } else if (id.equals("strf") && "vids".equals(streamType) && size >= 20 && s.videoCodec == null) {
        s.videoCodec = aviVideoCodec(fourCc(b, body + 16));
      } else if (id.equals("strf") && "auds".equals(streamType) && size >= 2 && s.audioCodec == null) {
        s.audioCodec = waveFormat(u16le(b, body));
      }
      at = end + (int) (size & 1);
    }
    if (usPerFrame > 0 && totalFrames > 0) {
      s.durationMillis = Math.multiplyHigh(usPerFrame, totalFrames) != 0 ? -1 : usPerFrame * totalFrames / 1000;
    }
  }

  private static String aviVideoCodec(String fourCc) {
    return switch (fourCc.toUpperCase(java.util.Locale.ROOT)) {
      case "H264", "X264", "AVC1", "DAVC", "VSSH" -> "h264";
      case "HEVC", "H265", "HVC1", "HEV1", "X265" -> "hevc";
      case "FMP4", "XVID", "DIVX", "DX50", "MP4V", "M4S2", "DIV3" -> "mpeg4";
      case "MJPG" -> "mjpeg";
      default -> printable(fourCc).strip();
    };
  }

  static String waveFormat(int tag) {
    return switch (tag) {
      case 0x0001, 0x0003, 0xFFFE -> "pcm";
      case 0x0006 -> "alaw";
      case 0x0007 -> "mulaw";
      case 0x0011 -> "adpcm";
      case 0x0050 -> "mp2";
      case 0x0055 -> "mp3";
      case 0x00FF, 0x1610, 0x706D -> "aac";
      case 0x0160 -> "wmav1";
      case 0x0161 -> "wmav2";
      case 0x0162 -> "wmapro";
      case 0x0163 -> "wmalossless";
      case 0x2000 -> "ac3";
      default -> "wave format 0x" + Integer.toHexString(tag);
    };
  }

  static void wav(BlockReader in, Sniffed s) {
    s.container = "wav";
    s.kind = Sniffed.Kind.AUDIO;
    long offset = 12;
    long byteRate = 0;
    for (int count = 0; count < MediaSniffer.MAX_CHUNKS; count++) {
      byte[] h = in.read(offset, 24);
      if (h.length < 8) {
        s.problem("no 'data' chunk was found");
        return;
      }
      long size = u32le(h, 4);
      if (startsWith(h, 0, "fmt ") && h.length >= 24) {
        s.audioCodec = waveFormat(u16le(h, 8));
        byteRate = u32le(h, 16);
      } else if (startsWith(h, 0, "data")) {
        long available = in.size() < 0 ? size : Math.max(0, in.size() - offset - 8);
        long data = size == 0xFFFFFFFFL || size > available ? available : size;
        if (byteRate > 0) {
          s.durationMillis = data * 1000 / byteRate;
        } else {
          s.problem("the 'fmt ' chunk is missing or gives no byte rate, so the duration is unknown");
        }
        return;
      }
      offset += 8 + size + (size & 1);
    }
  }
}
