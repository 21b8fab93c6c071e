package io.github.ivhclient.videomake.internal.media;

import java.util.ArrayList;
import java.util.List;

/** What the bytes of one file say; fields stay unset (null, 0, -1) when the bytes do not tell. */
public final class Sniffed {
  /** What a file is for, as far as its container tells. */
  public enum Kind { VIDEO, AUDIO, IMAGE, DOCUMENT, UNKNOWN }

  public Kind kind = Kind.UNKNOWN;
  /** e.g. mp4, mov, avi, matroska, wav, mp3, asf, m4a, aac, ogg, flac, jpeg, png, bmp, webp, pdf */
  public String container;
  public String videoCodec;
  public String audioCodec;
  public int width;
  public int height;
  /** Milliseconds, -1 when unknown. */
  public long durationMillis = -1;
  /** True when the duration is estimated from the size and the average frame, not read from an index. */
  public boolean durationEstimated;
  /** Why the file could not be judged fully (truncated, corrupt sizes, index out of reach). */
  public final List<String> problems = new ArrayList<>();

  Sniffed problem(String text) {
    if (problems.size() < 10) {
      problems.add(text);
    }
    return this;
  }
}
