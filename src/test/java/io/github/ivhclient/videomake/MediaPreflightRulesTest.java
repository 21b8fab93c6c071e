package io.github.ivhclient.videomake;

import static io.github.ivhclient.videomake.MediaProbeTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The document's media rules over the committed fixtures: passing and failing case of each. */
class MediaPreflightRulesTest {
  private static final MediaPreflight PREFLIGHT = MediaPreflight.create(PreflightOptions.builder()
      .allowLocalFiles(true).build());

  @AfterAll
  static void close() {
    PREFLIGHT.close();
  }

  private static VideoMakeNoTrainPayload request(String video) {
    VideoMakeNoTrainPayload payload = new VideoMakeNoTrainPayload();
    payload.setRefVideoUrl(fixture(video).toString());
    return payload;
  }

  private static List<String> rules(List<ValidationIssue> issues) {
    return issues.stream().map(i -> i.path() + " " + i.rule()).toList();
  }

  @Test
  void anH264Mp4WithAWavPasses() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    payload.setInputAudioUrl(fixture("audio.wav").toString());
    payload.setConcurrencyType(ConcurrencyTypeEnum.SHARED);

    PreflightReport report = PREFLIGHT.check(payload);

    assertThat(report.all()).isEmpty();
    assertThat(report.notes()).isEmpty();
    assertThat(report.media()).containsOnlyKeys("Payload.RefVideoUrl", "Payload.InputAudioUrl");
    assertThat(report.media().get("Payload.RefVideoUrl").videoCodec()).contains("h264");
  }

  @ParameterizedTest
  @ValueSource(strings = {"video-h264.mp4", "video-h264.mov", "video-h264.avi"})
  void mp4MovAndAviWithH264Pass(String video) {
    assertThat(PREFLIGHT.check(request(video)).all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"video-hevc.mp4", "video-mpeg4.avi"})
  void anotherCodecIsAnErrorQuotingTheConversionCommand(String video) {
    PreflightReport report = PREFLIGHT.check(request(video));

    assertThat(rules(report.errors())).containsExactly("Payload.RefVideoUrl videoCodec");
    assertThat(report.errors().get(0).message())
        .contains("H.264")
        .contains("ffmpeg -i in.mov -c:v libx264 -preset medium -crf 23 -c:a aac -b:a 128k out.mp4");
  }

  @Test
  void matroskaNamedMp4IsNotMp4() {
    PreflightReport report = PREFLIGHT.check(request("video-matroska-named.mp4"));

    assertThat(rules(report.errors())).containsExactly("Payload.RefVideoUrl format");
    assertThat(report.errors().get(0).rejectedValue()).isEqualTo("matroska");
  }

  @Test
  void resolutionBelow360IsAnError() {
    PreflightReport report = PREFLIGHT.check(request("video-320x240.mp4"));

    assertThat(rules(report.errors())).containsExactly("Payload.RefVideoUrl resolution");
    assertThat(report.errors().get(0).rejectedValue()).isEqualTo("320x240");
  }

  @Test
  void underOneSecondIsAnError() {
    PreflightReport report = PREFLIGHT.check(request("video-0.4s.mp4"));

    assertThat(rules(report.errors())).containsExactly("Payload.RefVideoUrl minDuration");
  }

  @Test
  void sevenHundredSecondsDependsOnConcurrencyType() {
    VideoMakeNoTrainPayload shared = request("video-700s.mp4");
    shared.setConcurrencyType(ConcurrencyTypeEnum.SHARED);
    VideoMakeNoTrainPayload exclusive = request("video-700s.mp4");
    exclusive.setConcurrencyType(ConcurrencyTypeEnum.EXCLUSIVE);
    VideoMakeNoTrainPayload blank = request("video-700s.mp4");

    assertThat(rules(PREFLIGHT.check(shared).errors())).containsExactly("Payload.RefVideoUrl maxDuration");
    PreflightReport exclusiveReport = PREFLIGHT.check(exclusive);
    assertThat(exclusiveReport.errors()).isEmpty();
    assertThat(rules(exclusiveReport.warnings())).containsExactly("Payload.RefVideoUrl recommendedDuration");
    PreflightReport blankReport = PREFLIGHT.check(blank);
    assertThat(blankReport.errors()).isEmpty();
    assertThat(rules(blankReport.warnings())).containsExactly("Payload.RefVideoUrl maxDuration");
    assertThat(blankReport.warnings().get(0).message()).contains("Exclusive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"audio.wav", "audio.mp3", "audio.wma", "audio.m4a", "audio.aac", "audio.ogg"})
  void everyAudioFormatOfTheDocumentPasses(String audio) {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    payload.setInputAudioUrl(fixture(audio).toString());

    assertThat(PREFLIGHT.check(payload).all()).isEmpty();
  }

  @Test
  void flacAudioIsAnError() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    payload.setInputAudioUrl(fixture("audio.flac").toString());

    assertThat(rules(PREFLIGHT.check(payload).errors())).containsExactly("Payload.InputAudioUrl format");
  }

  @Test
  void halfASecondOfAudioIsAnError() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    payload.setInputAudioUrl(fixture("audio-0.5s.wav").toString());

    assertThat(rules(PREFLIGHT.check(payload).errors())).containsExactly("Payload.InputAudioUrl minDuration");
  }

  /** The committed 2 s mp3 with its Info header's frame count rewritten to 11 minutes. */
  private static Path elevenMinuteMp3(Path dir) throws IOException {
    byte[] mp3 = Files.readAllBytes(fixture("audio.mp3"));
    int info = new String(mp3, StandardCharsets.ISO_8859_1).indexOf("Info");
    int frames = 11 * 60 * 8000 / 576 + 1; // 8 kHz MPEG-2.5 layer III: 576 samples a frame
    mp3[info + 8] = (byte) (frames >>> 24);
    mp3[info + 9] = (byte) (frames >>> 16);
    mp3[info + 10] = (byte) (frames >>> 8);
    mp3[info + 11] = (byte) frames;
    Path file = dir.resolve("eleven-minutes.mp3");
    Files.write(file, mp3);
    return file;
  }

  @Test
  void elevenMinutesOfMp3DependsOnConcurrencyType(@TempDir Path dir) throws IOException {
    Path mp3 = elevenMinuteMp3(dir);
    VideoMakeNoTrainPayload shared = request("video-h264.mp4");
    shared.setInputAudioUrl(mp3.toString());
    shared.setConcurrencyType(ConcurrencyTypeEnum.SHARED);
    VideoMakeNoTrainPayload exclusive = request("video-h264.mp4");
    exclusive.setInputAudioUrl(mp3.toString());
    exclusive.setConcurrencyType(ConcurrencyTypeEnum.EXCLUSIVE);
    VideoMakeNoTrainPayload blank = request("video-h264.mp4");
    blank.setInputAudioUrl(mp3.toString());

    PreflightReport sharedReport = PREFLIGHT.check(shared);
    assertThat(rules(sharedReport.errors())).containsExactly("Payload.InputAudioUrl maxDuration");
    assertThat(sharedReport.media().get("Payload.InputAudioUrl").duration()).hasValueSatisfying(d ->
        assertThat(d.toSeconds()).isEqualTo(660));
    assertThat(PREFLIGHT.check(exclusive).errors()).isEmpty();
    PreflightReport blankReport = PREFLIGHT.check(blank);
    assertThat(blankReport.errors()).isEmpty();
    assertThat(rules(blankReport.warnings())).containsExactly("Payload.InputAudioUrl maxDuration");
  }

  @Test
  void audioLongerThanTheVideoNotesTheVideoLoopAlignment(@TempDir Path dir) throws IOException {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    payload.setInputAudioUrl(elevenMinuteMp3(dir).toString());
    payload.setConcurrencyType(ConcurrencyTypeEnum.EXCLUSIVE);

    assertThat(PREFLIGHT.check(payload).notes()).singleElement().asString()
        .contains("longer than the template video (12 s)")
        .contains("VideoLoop 0 (the default)")
        .contains("reverse splicing");

    payload.setVideoLoop(VideoMakeNoTrainPayload.VideoLoopEnum.FORWARD_SPLICING);
    assertThat(PREFLIGHT.check(payload).notes()).singleElement().asString().contains("forward splicing");
  }

  @Test
  void aCustomClipPastTheVideosEndIsAnError() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    VideoParam param = new VideoParam();
    param.setMakeType(MakeTypeEnum.CUSTOM);
    param.setStartTime(2.0);
    param.setEndTime(15.5);
    payload.setVideoParam(param);

    PreflightReport report = PREFLIGHT.check(payload);

    assertThat(rules(report.errors())).containsExactly("Payload.VideoParam.EndTime withinVideo");
    assertThat(report.errors().get(0).message()).contains("12 s");
    param.setEndTime(12.0);
    assertThat(PREFLIGHT.check(payload).errors()).isEmpty();
  }

  @Test
  void startTimesAndDisableIntervalsMustLieWithinTheVideo() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    VideoParam param = new VideoParam();
    param.setMakeType(MakeTypeEnum.CUSTOM_ONLY_START);
    param.setStartTime(12.0);
    DisableInterval inside = new DisableInterval();
    inside.setStartTime(1.0);
    inside.setEndTime(2.0);
    DisableInterval past = new DisableInterval();
    past.setStartTime(11.0);
    past.setEndTime(13.0);
    param.setDisableIntervals(List.of(inside, past));
    payload.setVideoParam(param);

    assertThat(rules(PREFLIGHT.check(payload).errors())).containsExactly(
        "Payload.VideoParam.StartTime withinVideo",
        "Payload.VideoParam.DisableIntervals[1].EndTime withinVideo");
  }

  @Test
  void photoAndAuthorizationFiles() {
    VideoMakeNoTrainPayload payload = request("video-h264.mp4");
    VideoParam param = new VideoParam();
    param.setRefPhotoUrl(fixture("photo-100x100.png").toString());
    payload.setVideoParam(param);
    payload.setIdentityWrittenUrl(fixture("authorization.pdf").toString());
    payload.setIdentityVideoUrl(fixture("video-h264.mov").toString());

    assertThat(rules(PREFLIGHT.check(payload).errors())).containsExactly(
        "Payload.VideoParam.RefPhotoUrl resolution",
        "Payload.IdentityVideoUrl format");

    for (String photo : List.of("photo.jpg", "photo.png", "photo.bmp", "photo.webp")) {
      param.setRefPhotoUrl(fixture(photo).toString());
      payload.setIdentityVideoUrl(fixture("video-h264.mp4").toString());
      assertThat(PREFLIGHT.check(payload).all()).as(photo).isEmpty();
    }
    payload.setIdentityWrittenUrl(fixture("photo.png").toString());
    assertThat(rules(PREFLIGHT.check(payload).errors())).containsExactly("Payload.IdentityWrittenUrl format");
  }

  @Test
  void aMissingLocalFileIsAnErrorAtItsPath() {
    VideoMakeNoTrainPayload payload = new VideoMakeNoTrainPayload();
    payload.setRefVideoUrl(fixture("video-h264.mp4").resolveSibling("missing.mp4").toString());

    PreflightReport report = PREFLIGHT.check(payload);

    assertThat(rules(report.errors())).containsExactly("Payload.RefVideoUrl reachable");
    assertThat(report.errors().get(0).message()).contains("no such file");
  }
}
