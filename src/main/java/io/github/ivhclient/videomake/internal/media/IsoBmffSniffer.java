package io.github.ivhclient.videomake.internal.media;

import static io.github.ivhclient.videomake.internal.media.Bytes.fourCc;
import static io.github.ivhclient.videomake.internal.media.Bytes.printable;
import static io.github.ivhclient.videomake.internal.media.Bytes.s64be;
import static io.github.ivhclient.videomake.internal.media.Bytes.scale;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32be;

import java.util.ArrayList;
import java.util.List;

/** ISO base media files (mp4, mov, m4a): brands, tracks, codecs, dimensions and duration from the index. */
final class IsoBmffSniffer {
  private static final int MAX_TOP_LEVEL_BOXES = 4096;
  private static final int MAX_CHILD_BOXES = 1024;
  private static final int MAX_DEPTH = 8;

  private IsoBmffSniffer() {}

  static void sniff(BlockReader in, Sniffed s) {
    long size = in.size();
    long offset = 0;
    String brand = null;
    boolean moovFound = false;
    for (int count = 0; count < MAX_TOP_LEVEL_BOXES; count++) {
      if (size >= 0 && offset >= size) {
        break;
      }
      byte[] h = in.read(offset, 16);
      if (h.length == 0) {
        break;
      }
      if (h.length < 8) {
        s.problem("the file is truncated inside a box header at byte " + offset);
        break;
      }
      long boxSize = u32be(h, 0);
      String type = fourCc(h, 4);
      int header = 8;
      if (boxSize == 1) {
        if (h.length < 16) {
          s.problem("the file is truncated inside a box header at byte " + offset);
          break;
        }
        boxSize = s64be(h, 8);
        header = 16;
      } else if (boxSize == 0) {
        boxSize = size < 0 ? Long.MAX_VALUE - offset : size - offset;
      }
      if (boxSize < header) {
        s.problem("the box '" + printable(type) + "' at byte " + offset + " declares an impossible size (" + boxSize + ")");
        break;
      }
      if (type.equals("ftyp")) {
        brand = fourCc(in.read(offset + header, 4), 0);
        // Known now, and kept if a later read fails (a server without Range support).
        s.container = isoContainer(brand, false);
      } else if (type.equals("moov")) {
        long body = boxSize - header;
        if (body > MediaSniffer.MAX_HEADER_BYTES * 8L || size >= 0 && offset + boxSize > size) {
          s.problem("the index ('moov') at byte " + offset + " declares " + boxSize + " bytes, "
              + (size >= 0 && offset + boxSize > size ? "past the end of the file" : "more than a parser reads"));
          break;
        }
        byte[] moov = in.read(offset + header, (int) body);
        if (moov.length < body) {
          s.problem("the file is truncated inside its index ('moov')");
        }
        moov(moov, s);
        moovFound = true;
      }
      if (size >= 0 && boxSize > size - offset) {
        s.problem("the box '" + printable(type) + "' at byte " + offset + " declares " + boxSize
            + " bytes, past the end of the file (" + size + " bytes): the file is truncated or corrupt");
        break;
      }
      if (moovFound && brand != null) {
        break;
      }
      if (boxSize > Long.MAX_VALUE - offset) {
        break;
      }
      offset += boxSize;
    }
    s.container = isoContainer(brand, moovFound);
    if (!moovFound) {
      s.problem("no index ('moov' box) was found, so the codecs and duration are unknown");
    }
    s.kind = s.videoCodec != null ? Sniffed.Kind.VIDEO : s.audioCodec != null ? Sniffed.Kind.AUDIO
        : Sniffed.Kind.UNKNOWN;
    if (s.kind == Sniffed.Kind.AUDIO && s.container.equals("mp4")) {
      s.container = "m4a";
    }
  }

  private static String isoContainer(String brand, boolean moovFound) {
    return brand == null ? (moovFound ? "mov" : "mp4")
        : brand.equals("qt  ") ? "mov"
        : brand.startsWith("M4A") || brand.startsWith("M4B") ? "m4a"
        : "mp4";
  }

  /** One track's facts, gathered while walking its boxes. */
  private static final class Track {
    String handler;
    String format;
    int width;
    int height;
    long timescale;
    long duration = -1;
  }

  private static void moov(byte[] moov, Sniffed s) {
    List<Track> tracks = new ArrayList<>();
    long[] movie = {0, -1};
    walk(moov, 0, moov.length, 0, null, tracks, movie, s);
    if (movie[0] > 0 && movie[1] >= 0) {
      s.durationMillis = scale(movie[1], movie[0]);
    }
    for (Track t : tracks) {
      if ("vide".equals(t.handler) && s.videoCodec == null) {
        s.videoCodec = codecOf(t.format);
        s.width = t.width;
        s.height = t.height;
      } else if ("soun".equals(t.handler) && s.audioCodec == null) {
        s.audioCodec = codecOf(t.format);
      }
      if (s.durationMillis < 0 && t.timescale > 0 && t.duration >= 0) {
        s.durationMillis = scale(t.duration, t.timescale);
      }
    }
  }

  private static void walk(byte[] b, int from, int to, int depth, Track track, List<Track> tracks, long[] movie,
      Sniffed s) {
    if (depth > MAX_DEPTH) {
      s.problem("the index nests boxes deeper than " + MAX_DEPTH + " levels");
      return;
    }
    int at = from;
    for (int count = 0; count < MAX_CHILD_BOXES && to - at >= 8; count++) {
      long size = u32be(b, at);
      String type = fourCc(b, at + 4);
      int header = 8;
      if (size == 1) {
        if (to - at < 16) {
          break;
        }
        size = s64be(b, at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || size > to - at) {
        s.problem("the index box '" + printable(type) + "' declares an impossible size (" + size + ")");
        return;
      }
      int body = at + header;
      int end = (int) (at + size);
      switch (type) {
        case "trak" -> {
          Track t = new Track();
          tracks.add(t);
          walk(b, body, end, depth + 1, t, tracks, movie, s);
        }
        case "mdia", "minf", "stbl" -> walk(b, body, end, depth + 1, track, tracks, movie, s);
        case "mvhd" -> {
          long[] td = timescaleAndDuration(b, body, end);
          if (td != null) {
            movie[0] = td[0];
            movie[1] = td[1];
          }
        }
        case "mdhd" -> {
          long[] td = timescaleAndDuration(b, body, end);
          if (td != null && track != null) {
            track.timescale = td[0];
            track.duration = td[1];
          }
        }
        case "tkhd" -> {
          int w = body < end && b[body] == 1 ? body + 88 : body + 76;
          if (track != null && w + 8 <= end) {
            track.width = (int) (u32be(b, w) >>> 16);
            track.height = (int) (u32be(b, w + 4) >>> 16);
          }
        }
        case "hdlr" -> {
          // The first one is the media handler; QuickTime adds a data handler ('alis') inside minf.
          if (track != null && track.handler == null && body + 12 <= end) {
            track.handler = fourCc(b, body + 8);
          }
        }
        case "stsd" -> {
          if (track != null && body + 16 <= end && u32be(b, body + 4) > 0) {
            track.format = fourCc(b, body + 12);
          }
        }
        default -> { }
      }
      at = end;
    }
  }

  /** mvhd and mdhd share the layout: version 1 has 64-bit times and duration. */
  private static long[] timescaleAndDuration(byte[] b, int body, int end) {
    if (body < end && b[body] == 1 && body + 32 <= end) {
      long duration = s64be(b, body + 24);
      return new long[] {u32be(b, body + 20), duration < 0 ? -1 : duration};
    }
    if (body + 20 <= end) {
      long duration = u32be(b, body + 16);
      return new long[] {u32be(b, body + 12), duration == 0xFFFFFFFFL ? -1 : duration};
    }
    return null;
  }

  static String codecOf(String fourCc) {
    if (fourCc == null) {
      return null;
    }
    return switch (fourCc) {
      case "avc1", "avc2", "avc3", "avc4" -> "h264";
      case "hvc1", "hev1" -> "hevc";
      case "mp4v" -> "mpeg4";
      case "av01" -> "av1";
      case "vp08" -> "vp8";
      case "vp09" -> "vp9";
      case "apch", "apcn", "apcs", "apco", "ap4h", "ap4x" -> "prores";
      case "jpeg", "mjpa", "mjpb" -> "mjpeg";
      case "mp4a" -> "aac";
      case ".mp3" -> "mp3";
      case "Opus" -> "opus";
      case "fLaC" -> "flac";
      case "ac-3" -> "ac3";
      case "ec-3" -> "eac3";
      case "alac" -> "alac";
      case "lpcm", "sowt", "twos", "in24", "in32", "fl32", "fl64", "raw " -> "pcm";
      default -> printable(fourCc).strip();
    };
  }
}
