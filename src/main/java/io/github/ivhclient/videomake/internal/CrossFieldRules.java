package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.DisableIdDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import java.math.BigDecimal;

/**
 * The rules between fields that the generator drops: the {@code DriverType} conditionals,
 * parameters the service ignores, the Custom segment's length, the order of the disable
 * intervals, and the sign and decimals of times.
 */
final class CrossFieldRules {
  private static final BigDecimal MIN_SEGMENT_SECONDS = BigDecimal.valueOf(5);
  private static final int MAX_TIME_DECIMALS = 3;

  private static final int LAST_FIXED_VOLUME_MALE = 20;
  private static final int LAST_FIXED_VOLUME_FEMALE = 23;

  private CrossFieldRules() {}

  /** What DriverType requires or makes ineffective, and the SpeechParam fields that need another one. */
  static void driverTypeRules(VideoMakeNoTrainPayload payload, Findings findings) {
    SpeechParam speech = payload.getSpeechParam();
    if (payload.getDriverType() == DriverTypeEnum.TEXT) {
      if (payload.getInputSsml() == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.InputSsml", "is required when DriverType is Text", null);
      }
      if (speech == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam", "is required when DriverType is Text", null);
      } else {
        if (speech.getSpeed() == null) {
          findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam.Speed",
              "is required when DriverType is Text", null);
        }
        if (speech.getTimbreKey() == null) {
          findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam.TimbreKey",
              "is required when DriverType is Text", null);
        }
      }
    } else if (payload.getDriverType() == DriverTypeEnum.ORIGINAL_VOICE) {
      if (payload.getInputAudioUrl() == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_ORIGINAL_VOICE, "Payload.InputAudioUrl",
            "is required when DriverType is OriginalVoice", null);
      }
      if (speech != null && speech.getSpeed() != null) {
        findings.add(ValidationRules.SPEED_WITH_ORIGINAL_VOICE, "Payload.SpeechParam.Speed",
            "speech rate control is not effective when DriverType is OriginalVoice", RejectedValues.text(speech.getSpeed()));
      }
      if (payload.getInputSsml() != null) {
        findings.add(ValidationRules.SSML_WITH_ORIGINAL_VOICE, "Payload.InputSsml",
            "the document does not say what the gateway does with text when DriverType is OriginalVoice;"
                + " it may ignore it", RejectedValues.text(payload.getInputSsml()));
      }
    }
    if (speech != null) {
      if (speech.getTimbreKey() != null && speech.getTimbreKey().isBlank()) {
        findings.add(ValidationRules.TIMBRE_KEY_BLANK, "Payload.SpeechParam.TimbreKey",
            "is blank: it names no voice; the gateway may use a default voice or fail the task",
            RejectedValues.text(speech.getTimbreKey()));
      }
      if (speech.getEmotionIntensity() != null
          && (speech.getEmotionCategory() == null || speech.getEmotionCategory().isEmpty())) {
        findings.add(ValidationRules.EMOTION_INTENSITY_WITHOUT_CATEGORY, "Payload.SpeechParam.EmotionIntensity",
            "is only effective when EmotionCategory is not empty", RejectedValues.text(speech.getEmotionIntensity()));
      }
      if (speech.getVolume() != null && speech.getVolume() != 0 && speech.getTimbreKey() != null
          && hasFixedVolume(speech.getTimbreKey())) {
        findings.add(ValidationRules.VOLUME_FIXED_TIMBRE, "Payload.SpeechParam.Volume",
            "the timbre " + speech.getTimbreKey() + " does not support volume adjustment", RejectedValues.text(speech.getVolume()));
      }
    }
  }

  /** The VideoParam rules: times by MakeType, the Custom segment, the photo, the disable intervals. */
  static void videoParamRules(VideoMakeNoTrainPayload payload, Findings findings) {
    VideoParam video = payload.getVideoParam();
    if (video == null) {
      return;
    }
    String start = "Payload.VideoParam.StartTime";
    String end = "Payload.VideoParam.EndTime";
    time(start, video.getStartTime(), findings);
    time(end, video.getEndTime(), findings);
    MakeTypeEnum makeType = video.getMakeType() == null ? MakeTypeEnum.DEFAULT : video.getMakeType();
    switch (makeType) {
      case CUSTOM -> customSegment(video, findings);
      case DEFAULT -> {
        ignoredByMakeType(start, video.getStartTime(), makeType, findings);
        ignoredByMakeType(end, video.getEndTime(), makeType, findings);
      }
      case CIRCLE, CUSTOM_ONLY_START -> {
        ignoredByMakeType(end, video.getEndTime(), makeType, findings);
        ignoredByMakeType("Payload.VideoLoop", payload.getVideoLoop(), makeType, findings);
      }
      default -> {
        // An unknown MakeType is reported by the enum rule; which times it uses is unknown.
      }
    }
    if (video.getDisableIdDetect() == DisableIdDetectEnum.DRIVE_ALL_FACES && video.getRefPhotoUrl() != null) {
      findings.add(ValidationRules.PHOTO_WITH_DISABLE_ID_DETECT, "Payload.VideoParam.RefPhotoUrl",
          "the reference photo is ignored when DisableIdDetect is 1", RejectedValues.text(video.getRefPhotoUrl()));
    }
    disableIntervalRules(video, findings);
  }

  /** Custom: longer than 5 s when both times are given; a missing time falls back to its documented default. */
  private static void customSegment(VideoParam video, Findings findings) {
    Double startTime = video.getStartTime();
    Double endTime = video.getEndTime();
    if (startTime == null) {
      findings.add(ValidationRules.CUSTOM_DEFAULT_TIME, "Payload.VideoParam.StartTime",
          "is not filled in for MakeType Custom: the video will start from the default start time", null);
    }
    if (endTime == null) {
      findings.add(ValidationRules.CUSTOM_DEFAULT_TIME, "Payload.VideoParam.EndTime",
          "is not filled in for MakeType Custom: the default selection is the end time of the selected video clips",
          null);
    }
    if (isFinite(startTime) && isFinite(endTime)) {
      BigDecimal length = BigDecimal.valueOf(endTime).subtract(BigDecimal.valueOf(startTime));
      if (length.compareTo(MIN_SEGMENT_SECONDS) <= 0) {
        findings.add(ValidationRules.SEGMENT_LONGER_THAN_5S, "Payload.VideoParam.EndTime",
            "must exceed StartTime by more than 5 seconds for MakeType Custom (the segment is "
                + length.stripTrailingZeros().toPlainString() + " s)", RejectedValues.text(endTime));
      }
    }
  }

  /**
   * The document asks for chronological order: an interval that starts before the previous one
   * starts, or ends before it starts, is an error. It does not forbid overlaps, empty intervals
   * or a missing end: warnings.
   */
  private static void disableIntervalRules(VideoParam video, Findings findings) {
    if (video.getDisableIntervals() == null) {
      return;
    }
    Double previousStart = null;
    Double previousEnd = null;
    for (int i = 0; i < video.getDisableIntervals().size(); i++) {
      var interval = video.getDisableIntervals().get(i);
      if (interval == null) {
        continue;
      }
      String at = "Payload.VideoParam.DisableIntervals[" + i + "]";
      Double start = interval.getStartTime();
      Double end = interval.getEndTime();
      time(at + ".StartTime", start, findings);
      time(at + ".EndTime", end, findings);
      if (start == null) {
        findings.add(ValidationRules.INTERVAL_END_MISSING, at + ".StartTime",
            "is not filled in: the document names no default, the gateway chooses where the interval starts", null);
      }
      if (end == null) {
        findings.add(ValidationRules.INTERVAL_END_MISSING, at + ".EndTime",
            "is not filled in: the document names no default, the gateway chooses where the interval ends", null);
      }
      if (isFinite(start) && isFinite(end)) {
        if (end < start) {
          findings.add(ValidationRules.INTERVAL_START_BEFORE_END, at + ".EndTime",
              "must not be before the interval's StartTime (" + RejectedValues.text(start) + "): the list must be in"
                  + " chronological order", RejectedValues.text(end));
        } else if (end.equals(start)) {
          findings.add(ValidationRules.INTERVAL_ZERO_LENGTH, at + ".EndTime",
              "equals the interval's StartTime: an empty interval, which the gateway may ignore or refuse",
              RejectedValues.text(end));
        }
      }
      if (isFinite(start) && isFinite(previousStart) && start < previousStart) {
        findings.add(ValidationRules.INTERVALS_CHRONOLOGICAL, at + ".StartTime",
            "must not be before the previous interval's StartTime (" + RejectedValues.text(previousStart)
                + "): the list must be in chronological order", RejectedValues.text(start));
      } else if (isFinite(start) && isFinite(previousEnd) && start < previousEnd) {
        findings.add(ValidationRules.INTERVALS_OVERLAP, at + ".StartTime",
            "is before the previous interval's EndTime (" + RejectedValues.text(previousEnd)
                + "): the intervals overlap, which the document does not mention; the gateway may merge them"
                + " or fail the task", RejectedValues.text(start));
      }
      if (isFinite(start)) {
        previousStart = isFinite(previousStart) ? Math.max(previousStart, start) : start;
      }
      if (isFinite(end)) {
        previousEnd = isFinite(previousEnd) ? Math.max(previousEnd, end) : end;
      }
    }
  }

  /** A time's sign and decimals: the document gives neither a lower bound nor more than a precision. */
  private static void time(String path, Double seconds, Findings findings) {
    if (isFinite(seconds) && seconds < 0) {
      findings.add(ValidationRules.NEGATIVE_TIME, path, "is negative, before the video starts: the document gives"
          + " no lower bound; the gateway may read it as 0 or fail the task", RejectedValues.text(seconds));
    }
    // BigDecimal.valueOf uses the shortest decimal that round-trips, so 1.005 has 3 decimals.
    if (isFinite(seconds) && BigDecimal.valueOf(seconds).stripTrailingZeros().scale() > MAX_TIME_DECIMALS) {
      findings.add(ValidationRules.DECIMALS, path, "has more than " + MAX_TIME_DECIMALS
          + " decimal places, the precision the document gives; it is sent as written and the gateway may round it",
          RejectedValues.text(seconds));
    }
  }

  private static void ignoredByMakeType(String path, Object value, MakeTypeEnum makeType, Findings findings) {
    if (value != null) {
      findings.add(ValidationRules.IGNORED_BY_MAKE_TYPE, path, "is ignored when MakeType is " + makeType.getValue()
          + (makeType == MakeTypeEnum.DEFAULT ? " (or absent)" : ""), RejectedValues.text(value));
    }
  }

  /**
   * Timbres that ignore {@code Volume}: male_1…male_20 and female_1…female_23, written without a
   * leading zero (a scan: a regex costs a matcher per request).
   */
  static boolean hasFixedVolume(String timbreKey) {
    int last = timbreKey.startsWith("male_") ? LAST_FIXED_VOLUME_MALE
        : timbreKey.startsWith("female_") ? LAST_FIXED_VOLUME_FEMALE : -1;
    int digits = timbreKey.length() - timbreKey.indexOf('_') - 1;
    if (last < 0 || digits < 1 || digits > 2) {
      return false;
    }
    int number = 0;
    for (int i = timbreKey.length() - digits; i < timbreKey.length(); i++) {
      char c = timbreKey.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      number = number * 10 + (c - '0');
    }
    return timbreKey.charAt(timbreKey.length() - digits) != '0' && number <= last;
  }

  private static boolean isFinite(Double value) {
    return value != null && Double.isFinite(value);
  }
}
