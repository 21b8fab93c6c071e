package io.github.ivhclient.videomake;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link MediaPreflight} found in one media file, judged by its bytes (never by its name):
 * container, codecs, dimensions, duration and size. A value the bytes did not tell is empty;
 * {@link #problems()} says why.
 */
public final class MediaInfo {
  private final String source;
  private final String container;
  private final String videoCodec;
  private final String audioCodec;
  private final int width;
  private final int height;
  private final Duration duration;
  private final boolean durationEstimated;
  private final long size;
  private final long bytesRead;
  private final List<String> problems;

  private MediaInfo(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source");
    this.container = b.container;
    this.videoCodec = b.videoCodec;
    this.audioCodec = b.audioCodec;
    this.width = b.width;
    this.height = b.height;
    this.duration = b.duration;
    this.durationEstimated = b.durationEstimated;
    this.size = b.size;
    this.bytesRead = b.bytesRead;
    this.problems = List.copyOf(b.problems);
  }

  /** The file or URL read, with secret-looking query parameters masked. */
  public String source() {
    return source;
  }

  /** {@code mp4}, {@code mov}, {@code avi}, {@code matroska}, {@code wav}, {@code mp3}, {@code asf}, {@code m4a}, {@code aac}, {@code ogg}, {@code flac}, {@code jpeg}, {@code png}, {@code bmp}, {@code webp}, {@code pdf}, … */
  public Optional<String> container() {
    return Optional.ofNullable(container);
  }

  /** e.g. {@code h264}, {@code hevc}, {@code mpeg4}. */
  public Optional<String> videoCodec() {
    return Optional.ofNullable(videoCodec);
  }

  /** e.g. {@code aac}, {@code mp3}, {@code pcm}, {@code vorbis}, {@code wmav2}. */
  public Optional<String> audioCodec() {
    return Optional.ofNullable(audioCodec);
  }

  /** Pixels; for a video, its video track's. */
  public OptionalInt width() {
    return width > 0 ? OptionalInt.of(width) : OptionalInt.empty();
  }

  public OptionalInt height() {
    return height > 0 ? OptionalInt.of(height) : OptionalInt.empty();
  }

  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** True when the duration was estimated from the size and the bitrate (a constant-bitrate mp3 or a long aac). */
  public boolean durationEstimated() {
    return durationEstimated;
  }

  /** Bytes, as the file system or the server's headers said. */
  public OptionalLong size() {
    return size >= 0 ? OptionalLong.of(size) : OptionalLong.empty();
  }

  /** Bytes actually read to judge the file. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Why something could not be read or told: unreachable, truncated, index out of reach, … */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(source).append(": ").append(container == null ? "unknown" : container);
    if (videoCodec != null) {
      out.append(", video ").append(videoCodec);
    }
    if (width > 0 && height > 0) {
      out.append(' ').append(width).append('x').append(height);
    }
    if (audioCodec != null) {
      out.append(", audio ").append(audioCodec);
    }
    if (duration != null) {
      out.append(", ").append(durationEstimated ? "about " : "").append(seconds(duration)).append(" s");
    }
    if (size >= 0) {
      out.append(", ").append(size).append(" bytes");
    }
    out.append(" (").append(bytesRead).append(" bytes read)");
    return out.toString();
  }

  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** Assembled by the prober; not for callers. */
  static final class Builder {
    private String source;
    private String container;
    private String videoCodec;
    private String audioCodec;
    private int width;
    private int height;
    private Duration duration;
    private boolean durationEstimated;
    private long size = -1;
    private long bytesRead;
    private List<String> problems = List.of();

    Builder source(String value) {
      source = value;
      return this;
    }

    Builder container(String value) {
      container = value;
      return this;
    }

    Builder codecs(String video, String audio) {
      videoCodec = video;
      audioCodec = audio;
      return this;
    }

    Builder dimensions(int w, int h) {
      width = w;
      height = h;
      return this;
    }

    Builder duration(Duration value, boolean estimated) {
      duration = value;
      durationEstimated = estimated;
      return this;
    }

    Builder size(long value) {
      size = value;
      return this;
    }

    Builder bytesRead(long value) {
      bytesRead = value;
      return this;
    }

    Builder problems(List<String> value) {
      problems = value;
      return this;
    }

    MediaInfo build() {
      return new MediaInfo(this);
    }
  }
}
