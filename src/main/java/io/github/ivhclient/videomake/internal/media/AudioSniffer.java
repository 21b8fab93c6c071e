package io.github.ivhclient.videomake.internal.media;

import static io.github.ivhclient.videomake.internal.media.Bytes.fourCc;
import static io.github.ivhclient.videomake.internal.media.Bytes.guid;
import static io.github.ivhclient.videomake.internal.media.Bytes.printable;
import static io.github.ivhclient.videomake.internal.media.Bytes.regionEquals;
import static io.github.ivhclient.videomake.internal.media.Bytes.s64le;
import static io.github.ivhclient.videomake.internal.media.Bytes.startsWith;
import static io.github.ivhclient.videomake.internal.media.Bytes.u16le;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32be;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32le;

/** Audio outside RIFF and ISO: Ogg, FLAC, ASF (wma), and MP3 or AAC in their own frames. */
final class AudioSniffer {
  private AudioSniffer() {}

  static void ogg(BlockReader in, byte[] head, Sniffed s) {
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

  static void flac(byte[] head, Sniffed s) {
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

  static void asf(BlockReader in, Sniffed s) {
    s.container = "asf";
    byte[] h = in.read(0, 30);
    long headerSize = h.length >= 30 ? s64le(h, 16) : -1;
    if (headerSize < 30 || headerSize > MediaSniffer.MAX_HEADER_BYTES) {
      s.problem("the ASF header declares an impossible size (" + headerSize + ")");
      return;
    }
    byte[] b = in.read(0, (int) headerSize);
    int at = 30;
    for (int count = 0; count < MediaSniffer.MAX_CHUNKS && b.length - at >= 24; count++) {
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
          s.audioCodec = RiffSniffer.waveFormat(u16le(b, at + 78));
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
  static void mpegAudio(BlockReader in, Sniffed s) {
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
}
