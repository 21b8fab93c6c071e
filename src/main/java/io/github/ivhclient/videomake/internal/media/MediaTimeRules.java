package io.github.ivhclient.videomake.internal.media;

import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.VideoLoopEnum;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The rules between the request's times and the media files: times that must lie within the
 * template video, and what the gateway does when the audio outlasts it. {@link MediaRules} judges
 * each file on its own.
 */
public final class MediaTimeRules {
  private MediaTimeRules() {}

  /** Times in the request that must lie within the template video, and what happens when the audio is longer. */
  public static void crossField(VideoMakeNoTrainPayload payload, MediaInfo video, MediaInfo audio, MediaRules.Findings out) {
    if (video == null || video.duration().isEmpty()) {
      return;
    }
    Duration length = video.duration().get();
    BigDecimal videoSeconds = BigDecimal.valueOf(length.toMillis(), 3);
    String lasts = "the template video lasts " + MediaRules.seconds(length) + " s";
    VideoParam param = payload.getVideoParam();
    MakeTypeEnum makeType = param == null ? null : param.getMakeType();
    if (param != null) {
      boolean startUsed = makeType == MakeTypeEnum.CUSTOM || makeType == MakeTypeEnum.CIRCLE
          || makeType == MakeTypeEnum.CUSTOM_ONLY_START;
      if (startUsed && param.getStartTime() != null && after(param.getStartTime(), videoSeconds, true)) {
        out.add(ValidationIssue.error("Payload.VideoParam.StartTime", "withinVideo", "must be before the end of the"
            + " template video: " + lasts + " (MakeType " + makeType.getValue() + " starts the clip there)",
            plain(param.getStartTime())));
      }
      if (makeType == MakeTypeEnum.CUSTOM && param.getEndTime() != null && after(param.getEndTime(), videoSeconds, false)) {
        out.add(ValidationIssue.error("Payload.VideoParam.EndTime", "withinVideo", "must not be past the end of the"
            + " template video: " + lasts + " (MakeType Custom selects the clip up to EndTime)",
            plain(param.getEndTime())));
      }
      List<DisableInterval> intervals = param.getDisableIntervals();
      for (int i = 0; intervals != null && i < intervals.size(); i++) {
        DisableInterval interval = intervals.get(i);
        if (interval == null) {
          continue;
        }
        String at = "Payload.VideoParam.DisableIntervals[" + i + "]";
        if (interval.getStartTime() != null && after(interval.getStartTime(), videoSeconds, true)) {
          out.add(ValidationIssue.error(at + ".StartTime", "withinVideo", "must be before the end of the template"
              + " video: " + lasts, plain(interval.getStartTime())));
        } else if (interval.getEndTime() != null && after(interval.getEndTime(), videoSeconds, false)) {
          out.add(ValidationIssue.error(at + ".EndTime", "withinVideo", "must not be past the end of the template"
              + " video: " + lasts, plain(interval.getEndTime())));
        }
      }
    }
    if (audio != null && audio.duration().isPresent() && audio.duration().get().compareTo(length) > 0) {
      out.note(videoLoopNote(payload, makeType, MediaRules.seconds(audio.duration().get()), MediaRules.seconds(length)));
    }
  }

  private static String videoLoopNote(VideoMakeNoTrainPayload payload, MakeTypeEnum makeType, String audio,
      String video) {
    String start = "The audio (" + audio + " s) is longer than the template video (" + video + " s): \"the generated"
        + " video will align with the audio duration\". ";
    if (makeType == MakeTypeEnum.CIRCLE) {
      return start + "With MakeType Circle VideoLoop is disabled; the starting and ending frames align.";
    }
    if (makeType == MakeTypeEnum.CUSTOM_ONLY_START) {
      return start + "With MakeType CustomOnlyStart VideoLoop is disabled and the video is lengthened by reverse"
          + " splicing.";
    }
    String segment = makeType == MakeTypeEnum.CUSTOM ? "the StartTime-EndTime segment" : "the video";
    return payload.getVideoLoop() == VideoLoopEnum.FORWARD_SPLICING
        ? start + "VideoLoop 1: " + segment + " is repeated by forward splicing."
        : start + "VideoLoop " + (payload.getVideoLoop() == null ? "0 (the default)" : "0")
            + ": " + segment + " is lengthened by reverse splicing (played back and forth).";
  }

  private static boolean after(Double value, BigDecimal limit, boolean inclusive) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return false;
    }
    int c = BigDecimal.valueOf(value).compareTo(limit);
    return inclusive ? c >= 0 : c > 0;
  }

  private static String plain(Double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
