package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import java.util.Objects;

/**
 * Factories for the two common VideoMakeNoTrain requests. They fill only what the mode requires;
 * every other field stays the caller's to set on the returned (mutable, generated) model.
 *
 * <pre>{@code
 * VideoMakeNoTrainPayload request = VideoMakeRequests.textDriven(
 *     "https://cdn.example.com/template.mp4", "Hello, world", "female_1", 1.0);
 * request.getSpeechParam().volume(3);
 * }</pre>
 */
public final class VideoMakeRequests {
  private VideoMakeRequests() {}

  /** {@code DriverType=Text}: the video speaks {@code ssml} with the given voice and speed. */
  public static VideoMakeNoTrainPayload textDriven(String refVideoUrl, String ssml, String timbreKey, double speed) {
    return new VideoMakeNoTrainPayload()
        .refVideoUrl(Objects.requireNonNull(refVideoUrl, "refVideoUrl"))
        .driverType(DriverTypeEnum.TEXT)
        .inputSsml(Objects.requireNonNull(ssml, "ssml"))
        .speechParam(new SpeechParam().timbreKey(Objects.requireNonNull(timbreKey, "timbreKey")).speed(speed));
  }

  /** {@code DriverType=OriginalVoice}: the video's lips follow the audio at {@code inputAudioUrl}. */
  public static VideoMakeNoTrainPayload audioDriven(String refVideoUrl, String inputAudioUrl) {
    return new VideoMakeNoTrainPayload()
        .refVideoUrl(Objects.requireNonNull(refVideoUrl, "refVideoUrl"))
        .driverType(DriverTypeEnum.ORIGINAL_VOICE)
        .inputAudioUrl(Objects.requireNonNull(inputAudioUrl, "inputAudioUrl"));
  }
}
