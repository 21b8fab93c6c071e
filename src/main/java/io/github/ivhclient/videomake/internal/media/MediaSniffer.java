package io.github.ivhclient.videomake.internal.media;

import static io.github.ivhclient.videomake.internal.media.Bytes.indexOf;
import static io.github.ivhclient.videomake.internal.media.Bytes.startsWith;
import static io.github.ivhclient.videomake.internal.media.Bytes.u16le;
import static io.github.ivhclient.videomake.internal.media.Bytes.u32be;

/**
 * Tells a media file's container, codecs, dimensions and duration from its bytes, never from its
 * name. Hand-written and bounded on purpose: the libraries that parse these formats read a stream
 * from its start, while an MP4 index at the end of a remote file must be reached with a Range read
 * (see README, "Media preflight"). Every loop has a count limit, every size is checked against its
 * parent and the file, and every read goes through the budget of the {@link ByteSource}. This class
 * tells the family from the first bytes; one class per family reads the rest.
 */
public final class MediaSniffer {
  /** The most chunks or header objects any parser looks at in one file. */
  static final int MAX_CHUNKS = 1024;
  /** The largest header any parser reads whole. */
  static final int MAX_HEADER_BYTES = 1024 * 1024;

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
      IsoBmffSniffer.sniff(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "AVI ")) {
      RiffSniffer.avi(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
      RiffSniffer.wav(in, s);
    } else if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
      ImageSniffer.webp(head, s);
    } else if (head.length >= 4 && u32be(head, 0) == 0x1A45DFA3L) {
      s.container = indexOf(head, "webm") >= 0 ? "webm" : "matroska";
      s.kind = Sniffed.Kind.VIDEO;
    } else if (startsWith(head, 0, "OggS")) {
      AudioSniffer.ogg(in, head, s);
    } else if (startsWith(head, 0, "fLaC")) {
      AudioSniffer.flac(head, s);
    } else if (head.length >= 16 && u32be(head, 0) == 0x3026B275L && u32be(head, 4) == 0x8E66CF11L) {
      AudioSniffer.asf(in, s);
    } else if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
      ImageSniffer.jpeg(in, s);
    } else if (head.length >= 24 && u32be(head, 0) == 0x89504E47L && u32be(head, 4) == 0x0D0A1A0AL) {
      ImageSniffer.image(s, "png", u32be(head, 16), u32be(head, 20));
    } else if (startsWith(head, 0, "BM") && head.length >= 26) {
      ImageSniffer.bmp(head, s);
    } else if (startsWith(head, 0, "GIF8") && head.length >= 10) {
      ImageSniffer.image(s, "gif", u16le(head, 6), u16le(head, 8));
    } else if (indexOf(in.read(0, 1024), "%PDF-") >= 0) {
      s.container = "pdf";
      s.kind = Sniffed.Kind.DOCUMENT;
    } else {
      AudioSniffer.mpegAudio(in, s);
    }
  }
}
