package io.github.ivhclient.videomake.internal.media;

import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/**
 * The API document's rules on media files, each citing its sentence. Where the document leaves
 * room (a blank ConcurrencyType, "5G" read as 10^9 or 2^30 bytes), the stricter reading warns and
 * only the looser one is an error.
 */
public final class MediaRules {
  public static final String VIDEO = "Payload.RefVideoUrl";
  public static final String AUDIO = "Payload.InputAudioUrl";
  public static final String PHOTO = "Payload.VideoParam.RefPhotoUrl";
  public static final String WRITTEN = "Payload.IdentityWrittenUrl";
  public static final String ID_VIDEO = "Payload.IdentityVideoUrl";

  /** The document's conversion command (section "encoding format conversion"), with its example names. */
  public static final String CONVERSION = "ffmpeg -i in.mov -c:v libx264 -preset medium -crf 23 -c:a aac -b:a 128k out.mp4";

  private static final long KB = 1000;
  private static final long KIB = 1024;
  private static final Duration DEFAULT_VIDEO_MAX = Duration.ofSeconds(600);
  private static final Duration DEFAULT_AUDIO_MAX = Duration.ofMinutes(10);
  private static final Duration EXCLUSIVE_MAX = Duration.ofMinutes(20);
  private static final Duration MIN = Duration.ofSeconds(1);

  private MediaRules() {}

  /** Where a finding goes. */
  public interface Findings {
    void add(ValidationIssue issue);

    void note(String text);
  }

  /** The rules on one file, by the wire path of the field that names it. */
  public static void file(String path, MediaInfo info, ConcurrencyTypeEnum concurrency, Findings out) {
    String container = info.container().orElse(null);
    switch (path) {
      case VIDEO -> {
        if (!Set.of("mp4", "mov", "avi").contains(container)) {
          format(path, container, "mp4, mov or avi",
              "RefVideoUrl: \"Support muxing formats: mp4, mov, avi\"", out);
          return;
        }
        String codec = info.videoCodec().orElse(null);
        if (codec != null && !codec.equals("h264")) {
          out.add(ValidationIssue.error(path, "videoCodec", "the video is encoded as " + codec + "; RefVideoUrl: \"The"
              + " video itself requires the encoding format to be H.264.\" Convert it, as the document shows: "
              + CONVERSION, codec));
        } else if (codec == null) {
          out.add(ValidationIssue.warning(path, "videoCodec", "no video track was found, so the H.264 requirement"
              + " could not be checked" + problems(info), null));
        }
        size(path, info, 5 * KB * KB * KB, 5 * KIB * KIB * KIB, false, "RefVideoUrl: \"File size: up to 5G.\"", out);
        dimensions(path, info, 360, 4096, "RefVideoUrl: \"Video resolution: pixel requirement between 360 and 4096.\"", out);
        outputCap(path, info, concurrency, out);
        duration(path, info, DEFAULT_VIDEO_MAX, concurrency, "RefVideoUrl: \"Video duration: supports 1-600 seconds,"
            + " recommended duration is 10-120 seconds (when ConcurrencyType is Exclusive, supports 20-minute video"
            + " duration).\"", true, out);
      }
      case AUDIO -> {
        String format = audioFormat(info);
        if (format == null) {
          format(path, describe(info), "wav, mp3, wma, m4a, aac or ogg",
              "InputAudioUrl: \"Supported formats: wav, mp3, wma, m4a, aac, ogg\"", out);
          return;
        }
        size(path, info, 100 * KB * KB, 100 * KIB * KIB, false, "InputAudioUrl: \"Size requirements: no more than 100 MB\"", out);
        duration(path, info, DEFAULT_AUDIO_MAX, concurrency, "InputAudioUrl: \"Duration cannot exceed 10 minutes, no"
            + " less than 1 second (when ConcurrencyType is Exclusive, supports 20-minute audio duration).\"", false, out);
      }
      case PHOTO -> {
        if (!Set.of("jpeg", "png", "bmp", "webp").contains(container)) {
          format(path, container, "jpg, jpeg, png, bmp or webp",
              "VideoParam.RefPhotoUrl: \"Format support: jpg, jpeg, png, bmp, webp\"", out);
          return;
        }
        size(path, info, 10 * KB * KB, 10 * KIB * KIB, false, "VideoParam.RefPhotoUrl: \"File size: ≤10 MB\"", out);
        dimensions(path, info, 192, 4096, "VideoParam.RefPhotoUrl: \"Image size: resolution requirement between 192"
            + " and 4096.\"", out);
      }
      case WRITTEN -> {
        if (!"pdf".equals(container)) {
          format(path, container, "PDF", "IdentityWrittenUrl: \"PDF authorization letter in PDF format\"", out);
          return;
        }
        size(path, info, 10 * KB * KB, 10 * KIB * KIB, true,
            "IdentityWrittenUrl: \"file size less than 10 MB.\"", out);
      }
      case ID_VIDEO -> {
        if (!"mp4".equals(container)) {
          format(path, container, "mp4", "IdentityVideoUrl: \"Video format authorization letter in mp4 format\"", out);
          return;
        }
        size(path, info, 5 * KB * KB * KB, 5 * KIB * KIB * KIB, true,
            "IdentityVideoUrl: \"file size less than 5 GB.\"", out);
      }
      default -> throw new IllegalArgumentException("no media rules for " + path);
    }
  }

  /** wav, mp3, wma, m4a, aac or ogg as the bytes say, or null for anything else. */
  static String audioFormat(MediaInfo info) {
    String container = info.container().orElse("");
    String audio = info.audioCodec().orElse("");
    boolean hasVideo = info.videoCodec().isPresent();
    return switch (container) {
      case "wav", "mp3", "aac" -> container;
      case "asf" -> !hasVideo && audio.startsWith("wma") ? "wma" : null;
      case "m4a" -> !hasVideo ? "m4a" : null;
      case "ogg" -> !hasVideo ? "ogg" : null;
      default -> null;
    };
  }

  private static String describe(MediaInfo info) {
    String container = info.container().orElse(null);
    if (container == null) {
      return null;
    }
    return info.videoCodec().isPresent() ? container + " with a video track" : container;
  }

  private static void format(String path, String found, String allowed, String quote, Findings out) {
    out.add(found == null
        ? ValidationIssue.error(path, "format", "the file's content is not a format preflight recognises; it must be "
            + allowed + ". " + quote, null)
        : ValidationIssue.error(path, "format", "the file's content is " + found + " (judged by its bytes, not its name);"
            + " it must be " + allowed + ". " + quote, found));
  }

  private static void size(String path, MediaInfo info, long decimal, long binary, boolean strictlyLess, String quote,
      Findings out) {
    if (info.size().isEmpty()) {
      return;
    }
    long size = info.size().getAsLong();
    boolean overBinary = strictlyLess ? size >= binary : size > binary;
    boolean overDecimal = strictlyLess ? size >= decimal : size > decimal;
    if (overBinary) {
      out.add(ValidationIssue.error(path, "maxFileSize", "the file has " + size + " bytes, over the limit. " + quote,
          String.valueOf(size)));
    } else if (overDecimal) {
      out.add(ValidationIssue.warning(path, "maxFileSize", "the file has " + size + " bytes: within the limit read"
          + " in binary units (" + binary + "), over it in decimal units (" + decimal + "); the document does not say"
          + " which. " + quote, String.valueOf(size)));
    }
  }

  private static void dimensions(String path, MediaInfo info, int min, int max, String quote, Findings out) {
    if (info.width().isEmpty() || info.height().isEmpty()) {
      out.add(ValidationIssue.warning(path, "resolution", "the dimensions could not be read" + problems(info), null));
      return;
    }
    int w = info.width().getAsInt();
    int h = info.height().getAsInt();
    if (w < min || h < min || w > max || h > max) {
      out.add(ValidationIssue.error(path, "resolution", w + "x" + h + " is outside " + min + " to " + max
          + " pixels per side. " + quote, w + "x" + h));
    }
  }

  private static void outputCap(String path, MediaInfo info, ConcurrencyTypeEnum concurrency, Findings out) {
    if (info.width().isEmpty() || info.height().isEmpty() || concurrency == ConcurrencyTypeEnum.EXCLUSIVE) {
      return;
    }
    int w = info.width().getAsInt();
    int h = info.height().getAsInt();
    if (Math.max(w, h) > 2560 || Math.min(w, h) > 1440) {
      out.add(ValidationIssue.warning(path, "outputCap", w + "x" + h + " is above the Shared output cap"
          + (concurrency == ConcurrencyTypeEnum.SHARED ? "" : " (a blank ConcurrencyType may resolve to Shared)")
          + ", so the result will be smaller than the input. RefVideoUrl: \"When ConcurrencyType is Shared, the"
          + " maximum output is 2560*1440.\"", w + "x" + h));
    }
  }

  private static void duration(String path, MediaInfo info, Duration defaultMax, ConcurrencyTypeEnum concurrency,
      String quote, boolean recommended, Findings out) {
    if (info.duration().isEmpty()) {
      out.add(ValidationIssue.warning(path, "duration", "the duration could not be read" + problems(info), null));
      return;
    }
    Duration d = info.duration().get();
    String value = seconds(d) + " s";
    String about = info.durationEstimated() ? "about " : "";
    boolean exclusive = concurrency == ConcurrencyTypeEnum.EXCLUSIVE;
    boolean shared = concurrency == ConcurrencyTypeEnum.SHARED;
    ValidationIssue issue = null;
    if (d.compareTo(MIN) < 0) {
      issue = ValidationIssue.error(path, "minDuration", "the file lasts " + about + value + ", under 1 second. " + quote, value);
    } else if (d.compareTo(EXCLUSIVE_MAX) > 0) {
      issue = ValidationIssue.error(path, "maxDuration", "the file lasts " + about + value + ", over 20 minutes even with"
          + " ConcurrencyType Exclusive. " + quote, value);
    } else if (d.compareTo(defaultMax) > 0 && shared) {
      issue = ValidationIssue.error(path, "maxDuration", "the file lasts " + about + value + ", over the "
          + seconds(defaultMax) + " s allowed with ConcurrencyType Shared (Exclusive allows 20 minutes). " + quote, value);
    } else if (d.compareTo(defaultMax) > 0 && !exclusive) {
      issue = ValidationIssue.warning(path, "maxDuration", "the file lasts " + about + value + ", over the default "
          + seconds(defaultMax) + " s: allowed only if the gateway resolves the blank ConcurrencyType to Exclusive"
          + " (20 minutes); set ConcurrencyType to be sure. " + quote, value);
    } else if (recommended && (d.compareTo(Duration.ofSeconds(10)) < 0 || d.compareTo(Duration.ofSeconds(120)) > 0)) {
      issue = ValidationIssue.warning(path, "recommendedDuration", "the file lasts " + about + value
          + ", outside the recommended 10 to 120 seconds. " + quote, value);
    }
    if (issue != null && info.durationEstimated() && issue.severity() == ValidationIssue.Severity.ERROR) {
      // An estimate (constant-bitrate mp3 by its size) is not proof enough to refuse.
      issue = ValidationIssue.warning(issue.path(), issue.rule(), issue.message(), issue.rejectedValue());
    }
    if (issue != null) {
      out.add(issue);
    }
  }

  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  private static String problems(MediaInfo info) {
    return info.problems().isEmpty() ? "" : ": " + String.join("; ", info.problems());
  }

  /** The finding for a file that could not be read, at its field's path. */
  public static ValidationIssue unreadable(String path, MediaReadException e) {
    String message = e.getMessage();
    return switch (e.kind()) {
      case UNREACHABLE, NON_PUBLIC_ADDRESS -> ValidationIssue.error(path, e.kind().rule(), message, null);
      case HTTP_STATUS -> e.statusCode() >= 400 && e.statusCode() < 500
          ? ValidationIssue.error(path, e.kind().rule(), message, String.valueOf(e.statusCode()))
          : ValidationIssue.warning(path, e.kind().rule(), message + " (a server error may be passing)",
              String.valueOf(e.statusCode()));
      case TIMEOUT -> ValidationIssue.warning(path, e.kind().rule(), message + ". The document warns: \"Ensure download"
          + " speed, otherwise it may cause download failure\"", null);
      default -> ValidationIssue.warning(path, e.kind().rule(), message + "; the file was not fully judged", null);
    };
  }
}
