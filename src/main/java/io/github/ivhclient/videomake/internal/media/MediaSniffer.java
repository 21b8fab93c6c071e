package io.github.ivhclient.videomake.internal.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a media file's container, codecs, dimensions and duration from its bytes, never from its
 * name. Hand-written and bounded on purpose: the libraries that parse these formats read a stream
 * from its start, while an MP4 index at the end of a remote file must be reached with a Range read
 * (see README, "Media preflight"). Every loop has a count limit, every size is checked against its
 * parent and the file, and every read goes through the budget of the {@link ByteSource}.
 */
public final class MediaSniffer {
  private static final int MAX_TOP_LEVEL_BOXES = 4096;
  private static final int MAX_CHILD_BOXES = 1024;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_CHUNKS = 1024;
  private static final int MAX_HEADER_BYTES = 1024 * 1024;

  private MediaSniffer() {}

  /** Never throws for bad bytes; a {@link MediaReadException} only when the source cannot deliver them. */
  public static Sniffed sniff(ByteSource source) {
    Sniffed s = new Sniffed();
    sniff(source, s);
    return s;
  }

  /**
   * Fills {@code s} as far as the bytes go, so a caller keeps what was found before a
   * {@link MediaReadException} (a server without Range support, an exhausted budget).
   */
  public static void sniff(ByteSource source, Sniffed s) {
    BlockReader in = new BlockReader(source);
    byte[] head = in.read(0, 64);
    if (head.length == 0) {
      s.problem("the file is empty");
      return;
    }
    if (startsWith(head, 4, "ftyp") || startsWith(head, 4, "moov") || startsWith(head, 4, "mdat")
        || startsWith(head, 4, "wide") || startsWith(head, 4, "free") || startsWith(head, 4, "skip")) {
      isoBmff(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "AVI ")) {
      avi(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
      wav(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
      webp(head, s);
    } else if (head.length >= 4 && u32be(head, 0) == 0x1A45DFA3L) {
      s.container = indexOf(head, "webm") >= 0 ? "webm" : "matroska";
      s.kind = Sniffed.Kind.VIDEO;
    } else if (startsWith(head, 0, "OggS")) {
      ogg(in, head, s);
    } else if (startsWith(head, 0, "fLaC")) {
      flac(head, s);
    } else if (head.length >= 16 && u32be(head, 0) == 0x3026B275L && u32be(head, 4) == 0x8E66CF11L) {
      asf(in, s);
    } else if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
      jpeg(in, s);
    } else if (head.length >= 24 && u32be(head, 0) == 0x89504E47L && u32be(head, 4) == 0x0D0A1A0AL) {
      image(s, "png", u32be(head, 16), u32be(head, 20));
    } else if (startsWith(head, 0, "BM") && head.length >= 26) {
      bmp(head, s);
    } else if (startsWith(head, 0, "GIF8") && head.length >= 10) {
      image(s, "gif", u16le(head, 6), u16le(head, 8));
    } else if (indexOf(in.read(0, 1024), "%PDF-") >= 0) {
      s.container = "pdf";
      s.kind = Sniffed.Kind.DOCUMENT;
    } else {
      mpegAudio(in, s);
    }
  }

  // ---- ISO base media (mp4, mov, m4a) ------------------------------------------------------

  private static void isoBmff(BlockReader in, Sniffed s) {
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
        if (body > MAX_HEADER_BYTES * 8L || size >= 0 && offset + boxSize > size) {
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

  private static String codecOf(String fourCc) {
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

  // ---- RIFF: AVI and WAV -------------------------------------------------------------------

  private static void avi(BlockReader in, Sniffed s) {
    s.container = "avi";
    s.kind = Sniffed.Kind.VIDEO;
    long offset = 12;
    for (int count = 0; count < MAX_CHUNKS; count++) {
      byte[] h = in.read(offset, 12);
      if (h.length < 12) {
        s.problem("no AVI header list ('hdrl') was found");
        return;
      }
      long size = u32le(h, 4);
      if (startsWith(h, 0, "LIST") && startsWith(h, 8, "hdrl")) {
        if (size > MAX_HEADER_BYTES) {
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
    for (int count = 0; count < MAX_CHUNKS && to - at >= 8; count++) {
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

  private static String waveFormat(int tag) {
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

  private static void wav(BlockReader in, Sniffed s) {
    s.container = "wav";
    s.kind = Sniffed.Kind.AUDIO;
    long offset = 12;
    long byteRate = 0;
    for (int count = 0; count < MAX_CHUNKS; count++) {
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

  // ---- Other audio -------------------------------------------------------------------------

  private static void ogg(BlockReader in, byte[] head, Sniffed s) {
    s.container = "ogg";
    s.kind = Sniffed.Kind.AUDIO;
    if (head.length < 28) {
      s.problem("the first Ogg page is truncated");
      return;
    }
    int packet = 27 + (head[26] & 0xff);
    byte[] p = in.read(packet, 32);
    long rate = 0;
    if (startsWith(p, 1, "vorbis") && p.length >= 16) {
      s.audioCodec = "vorbis";
      rate = u32le(p, 12);
    } else if (startsWith(p, 0, "OpusHead")) {
      s.audioCodec = "opus";
      rate = 48000;
    } else if (startsWith(p, 1, "FLAC")) {
      s.audioCodec = "flac";
    } else if (startsWith(p, 0, "Speex")) {
      s.audioCodec = "speex";
    } else if (startsWith(p, 1, "theora")) {
      s.audioCodec = null;
      s.videoCodec = "theora";
      s.kind = Sniffed.Kind.VIDEO;
    }
    long size = in.size();
    if (rate <= 0 || size < 0) {
      return;
    }
    int tail = (int) Math.min(size, BlockReader.BLOCK);
    byte[] end = in.read(size - tail, tail);
    for (int i = end.length - 14; i >= 0; i--) {
      if (end[i] == 'O' && end[i + 1] == 'g' && end[i + 2] == 'g' && end[i + 3] == 'S') {
        long granule = s64le(end, i + 6);
        if (granule > 0) {
          long preSkip = "opus".equals(s.audioCodec) && p.length >= 12 ? u16le(p, 10) : 0;
          s.durationMillis = Math.max(0, granule - preSkip) * 1000 / rate;
        }
        return;
      }
    }
    s.problem("no last Ogg page was found, so the duration is unknown");
  }

  private static void flac(byte[] head, Sniffed s) {
    s.container = "flac";
    s.audioCodec = "flac";
    s.kind = Sniffed.Kind.AUDIO;
    if (head.length < 26 || (head[4] & 0x7f) != 0) {
      s.problem("the FLAC stream info is missing");
      return;
    }
    int b = 8; // STREAMINFO body
    long rate = ((head[b + 10] & 0xffL) << 12) | ((head[b + 11] & 0xffL) << 4) | ((head[b + 12] & 0xf0L) >> 4);
    long samples = ((head[b + 13] & 0x0fL) << 32) | u32be(head, b + 14);
    if (rate > 0 && samples > 0) {
      s.durationMillis = samples * 1000 / rate;
    }
  }

  private static final byte[] ASF_FILE_PROPERTIES = guid("8CABDCA1-A947-11CF-8EE4-00C00C205365");
  private static final byte[] ASF_STREAM_PROPERTIES = guid("B7DC0791-A9B7-11CF-8EE6-00C00C205365");
  private static final byte[] ASF_AUDIO = guid("F8699E40-5B4D-11CF-A8FD-00805F5C442B");
  private static final byte[] ASF_VIDEO = guid("BC19EFC0-5B4D-11CF-A8FD-00805F5C442B");

  private static void asf(BlockReader in, Sniffed s) {
    s.container = "asf";
    byte[] h = in.read(0, 30);
    long headerSize = h.length >= 30 ? s64le(h, 16) : -1;
    if (headerSize < 30 || headerSize > MAX_HEADER_BYTES) {
      s.problem("the ASF header declares an impossible size (" + headerSize + ")");
      return;
    }
    byte[] b = in.read(0, (int) headerSize);
    int at = 30;
    for (int count = 0; count < MAX_CHUNKS && b.length - at >= 24; count++) {
      long size = s64le(b, at + 16);
      if (size < 24 || size > b.length - at) {
        s.problem("an ASF header object declares an impossible size (" + size + ")");
        break;
      }
      if (regionEquals(b, at, ASF_FILE_PROPERTIES) && size >= 104) {
        long play = s64le(b, at + 64);
        long preroll = s64le(b, at + 80);
        if (play > 0 && preroll >= 0) {
          s.durationMillis = Math.max(0, play / 10_000 - preroll);
        }
      } else if (regionEquals(b, at, ASF_STREAM_PROPERTIES) && size >= 80) {
        if (regionEquals(b, at + 24, ASF_AUDIO) && s.audioCodec == null) {
          s.audioCodec = waveFormat(u16le(b, at + 78));
        } else if (regionEquals(b, at + 24, ASF_VIDEO) && s.videoCodec == null && size >= 78 + 11 + 20) {
          s.videoCodec = printable(fourCc(b, at + 78 + 11 + 16)).strip().toLowerCase(java.util.Locale.ROOT);
        }
      }
      at += (int) size;
    }
    s.kind = s.videoCodec != null ? Sniffed.Kind.VIDEO : s.audioCodec != null ? Sniffed.Kind.AUDIO
        : Sniffed.Kind.UNKNOWN;
  }

  private static final int[][] MP3_BITRATES = {
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};    // MPEG-2/2.5 layer III
  private static final int[] ADTS_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
      12000, 11025, 8000, 7350};

  /** MP3 (MPEG audio layer III, after an optional ID3v2 tag) or AAC in ADTS frames. */
  private static void mpegAudio(BlockReader in, Sniffed s) {
    long start = 0;
    byte[] h = in.read(0, 10);
    if (startsWith(h, 0, "ID3") && h.length == 10) {
      start = 10 + (((h[6] & 0x7fL) << 21) | ((h[7] & 0x7fL) << 14) | ((h[8] & 0x7fL) << 7) | (h[9] & 0x7fL))
          + ((h[5] & 0x10) != 0 ? 10 : 0);
    }
    byte[] b = in.read(start, 4096);
    for (int i = 0; i + 4 <= b.length; i++) {
      if ((b[i] & 0xff) != 0xFF || (b[i + 1] & 0xE0) != 0xE0) {
        continue;
      }
      if ((b[i + 1] & 0xF6) == 0xF0 && adts(in, start + i, s)) {
        return;
      }
      if (mp3(in, b, i, start, s)) {
        return;
      }
    }
    s.problem("the container is not one preflight knows (it reads mp4, mov, avi, Matroska, wav, mp3, wma,"
        + " m4a, aac, ogg, flac, jpeg, png, bmp, webp and pdf)");
  }

  private static boolean mp3(BlockReader in, byte[] b, int i, long start, Sniffed s) {
    int version = (b[i + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    int layer = (b[i + 1] >> 1) & 3;   // 1: layer III
    int bitrateIndex = (b[i + 2] >> 4) & 0xf;
    int rateIndex = (b[i + 2] >> 2) & 3;
    if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return false;
    }
    int sampleRate = new int[] {44100, 48000, 32000}[rateIndex] / (version == 3 ? 1 : version == 2 ? 2 : 4);
    int bitrate = MP3_BITRATES[version == 3 ? 0 : 1][bitrateIndex] * 1000;
    int samplesPerFrame = version == 3 ? 1152 : 576;
    int frameLength = samplesPerFrame / 8 * bitrate / sampleRate + ((b[i + 2] >> 1) & 1);
    // A second frame where the first says it ends: a lone 0xFFE pattern is not a stream.
    byte[] next = in.read(start + i + frameLength, 2);
    if (next.length == 2 && ((next[0] & 0xff) != 0xFF || (next[1] & 0xE0) != 0xE0)) {
      return false;
    }
    s.container = "mp3";
    s.audioCodec = "mp3";
    s.kind = Sniffed.Kind.AUDIO;
    boolean mono = ((b[i + 3] >> 6) & 3) == 3;
    int xing = i + 4 + (version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17));
    if (xing + 12 <= b.length && (startsWith(b, xing, "Xing") || startsWith(b, xing, "Info"))
        && (u32be(b, xing + 4) & 1) != 0) {
      s.durationMillis = u32be(b, xing + 8) * samplesPerFrame * 1000 / sampleRate;
    } else if (i + 36 + 18 <= b.length && startsWith(b, i + 36, "VBRI")) {
      s.durationMillis = u32be(b, i + 36 + 14) * samplesPerFrame * 1000 / sampleRate;
    } else if (in.size() > 0) {
      s.durationMillis = Math.max(0, in.size() - start - i) * 8 * 1000 / bitrate;
      s.durationEstimated = true;
    }
    return true;
  }

  private static boolean adts(BlockReader in, long at, Sniffed s) {
    byte[] first = in.read(at, 7);
    if (first.length < 7 || ((first[2] >> 2) & 0xf) >= ADTS_RATES.length) {
      return false;
    }
    int rate = ADTS_RATES[(first[2] >> 2) & 0xf];
    long size = in.size();
    long frames = 0;
    long offset = at;
    // Walk the frame headers within the first 256 KiB; past that, scale by the average frame.
    long limit = at + 256 * 1024;
    while (offset < limit && frames < 100_000) {
      byte[] h = in.read(offset, 7);
      if (h.length < 7 || (h[0] & 0xff) != 0xFF || (h[1] & 0xF6) != 0xF0) {
        break;
      }
      int length = ((h[3] & 3) << 11) | ((h[4] & 0xff) << 3) | ((h[5] & 0xe0) >> 5);
      if (length < 7) {
        s.problem("an ADTS frame declares an impossible length (" + length + ")");
        break;
      }
      frames += (h[6] & 3) + 1;
      offset += length;
    }
    if (frames < 2) {
      return false;
    }
    s.container = "aac";
    s.audioCodec = "aac";
    s.kind = Sniffed.Kind.AUDIO;
    long millis = frames * 1024 * 1000 / rate;
    if (offset < limit || size < 0 || offset >= size) {
      s.durationMillis = millis;
    } else {
      s.durationMillis = millis * (size - at) / (offset - at);
      s.durationEstimated = true;
    }
    return true;
  }

  // ---- Images ------------------------------------------------------------------------------

  private static void jpeg(BlockReader in, Sniffed s) {
    s.container = "jpeg";
    s.kind = Sniffed.Kind.IMAGE;
    long offset = 2;
    for (int count = 0; count < MAX_CHUNKS; count++) {
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

  private static void bmp(byte[] h, Sniffed s) {
    long header = u32le(h, 14);
    if (header == 12) {
      image(s, "bmp", u16le(h, 18), u16le(h, 20));
    } else {
      image(s, "bmp", Math.abs((long) (int) u32le(h, 18)), Math.abs((long) (int) u32le(h, 22)));
    }
  }

  private static void webp(byte[] h, Sniffed s) {
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

  private static void image(Sniffed s, String container, long width, long height) {
    s.container = container;
    s.kind = Sniffed.Kind.IMAGE;
    s.width = (int) Math.min(Integer.MAX_VALUE, width);
    s.height = (int) Math.min(Integer.MAX_VALUE, height);
  }

  // ---- Bytes -------------------------------------------------------------------------------

  private static long scale(long value, long timescale) {
    return Math.multiplyHigh(value, 1000) != 0 ? value / timescale * 1000 : value * 1000 / timescale;
  }

  private static boolean startsWith(byte[] b, int at, String ascii) {
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

  private static int indexOf(byte[] b, String ascii) {
    for (int i = 0; i + ascii.length() <= b.length; i++) {
      if (startsWith(b, i, ascii)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionEquals(byte[] b, int at, byte[] expected) {
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
  private static byte[] guid(String text) {
    String hex = text.replace("-", "");
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new byte[] {raw[3], raw[2], raw[1], raw[0], raw[5], raw[4], raw[7], raw[6],
        raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]};
  }

  private static String fourCc(byte[] b, int at) {
    return at + 4 <= b.length ? new String(b, at, 4, StandardCharsets.ISO_8859_1) : "";
  }

  /** A four-character code safe to print: anything but printable ASCII becomes '?'. */
  private static String printable(String fourCc) {
    StringBuilder out = new StringBuilder();
    for (char c : fourCc.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  private static long u32be(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
  }

  private static long s64be(byte[] b, int at) {
    return (u32be(b, at) << 32) | u32be(b, at + 4);
  }

  private static int u16be(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static int u16le(byte[] b, int at) {
    return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
  }

  private static long u24le(byte[] b, int at) {
    return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16);
  }

  private static long u32le(byte[] b, int at) {
    return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 3] & 0xffL) << 24);
  }

  private static long s64le(byte[] b, int at) {
    return u32le(b, at) | (u32le(b, at + 4) << 32);
  }
}
