package io.github.ivhclient.videomake.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The result files the sandbox serves: one small MP4 for every task and an SRT per task.
 *
 * <p>The MP4 is an ISO base media file built here rather than shipped as a binary resource: an
 * {@code ftyp} box and a {@code moov} box holding one video track of {@value #VIDEO_DURATION_MILLIS}
 * ms with an empty sample table. Players and parsers accept its structure; it has no frames,
 * because a sandbox result only has to prove that the URL serves an MP4.
 */
final class SandboxMedia {
  static final long VIDEO_DURATION_MILLIS = 1000;
  private static final int TIMESCALE = 1000;
  private static final int WIDTH = 16;
  private static final int HEIGHT = 16;
  private static final byte[] MP4 = buildMp4();

  /** Real, playable sample media served under {@code samples/}: for preflight in the demo and in tests. */
  static final String SAMPLE_VIDEO = "samples/template.mp4";
  static final String SAMPLE_AUDIO = "samples/voice.mp3";
  private static final java.util.Map<String, byte[]> SAMPLES = java.util.Map.of(
      SAMPLE_VIDEO, resource("template.mp4"),
      SAMPLE_AUDIO, resource("voice.mp3"));

  private SandboxMedia() {}

  /** A sample's bytes (12 s of H.264 640x360 with AAC; 2 s of MP3), or null for another name. */
  static byte[] sample(String name) {
    byte[] bytes = SAMPLES.get(name);
    return bytes == null ? null : bytes.clone();
  }

  private static byte[] resource(String name) {
    try (java.io.InputStream in = SandboxMedia.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing sandbox resource " + name);
      }
      return in.readNBytes(1024 * 1024);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A fresh copy of the MP4 bytes. */
  static byte[] mp4() {
    return MP4.clone();
  }

  /** One cue showing {@code text} for the length of the video. */
  static byte[] srt(String text) {
    String cue = "1\n00:00:00,000 --> 00:00:01,000\n" + text + "\n";
    return cue.getBytes(StandardCharsets.UTF_8);
  }

  /** The spoken text of an SSML string: tags removed, entities and spaces normalized. */
  static String plainText(String ssml) {
    if (ssml == null) {
      return "";
    }
    return ssml.replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static byte[] buildMp4() {
    byte[] ftyp = box("ftyp", ascii("isom"), int32(0x200), ascii("isom"), ascii("iso2"), ascii("mp41"));
    byte[] mvhd = box("mvhd", int32(0), int32(0), int32(0), int32(TIMESCALE), int32((int) VIDEO_DURATION_MILLIS),
        int32(0x00010000), int16(0x0100), new byte[2 + 8], matrix(), new byte[24], int32(2));
    byte[] tkhd = box("tkhd", int32(0x000003), int32(0), int32(0), int32(1), int32(0),
        int32((int) VIDEO_DURATION_MILLIS), new byte[8], int16(0), int16(0), int16(0), new byte[2], matrix(),
        int32(WIDTH << 16), int32(HEIGHT << 16));
    byte[] mdhd = box("mdhd", int32(0), int32(0), int32(0), int32(TIMESCALE), int32((int) VIDEO_DURATION_MILLIS),
        int16(0x55C4), int16(0)); // 0x55C4 is the packed ISO-639 code "und"
    byte[] hdlr = box("hdlr", int32(0), int32(0), ascii("vide"), new byte[12],
        "VideoHandler\0".getBytes(StandardCharsets.US_ASCII));
    byte[] vmhd = box("vmhd", int32(1), int16(0), new byte[6]);
    byte[] dinf = box("dinf", box("dref", int32(0), int32(1), box("url ", int32(1))));
    byte[] stbl = box("stbl",
        box("stsd", int32(0), int32(0)),
        box("stts", int32(0), int32(0)),
        box("stsc", int32(0), int32(0)),
        box("stsz", int32(0), int32(0), int32(0)),
        box("stco", int32(0), int32(0)));
    byte[] trak = box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", vmhd, dinf, stbl)));
    return concat(ftyp, box("moov", mvhd, trak));
  }

  private static byte[] box(String type, byte[]... parts) {
    byte[] body = concat(parts);
    return concat(int32(8 + body.length), ascii(type), body);
  }

  /** The identity transformation in the 3x3 fixed-point layout of mvhd and tkhd. */
  private static byte[] matrix() {
    return concat(int32(0x00010000), int32(0), int32(0), int32(0), int32(0x00010000), int32(0),
        int32(0), int32(0), int32(0x40000000));
  }

  private static byte[] int32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  private static byte[] int16(int value) {
    return ByteBuffer.allocate(2).putShort((short) value).array();
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
