package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationIssue.Severity;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.VideoLoopEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.VideoParametersConsistentEnum;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.DisableIdDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.DisableOcclusionDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.EnableFakeTeethEnum;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadValidatorTest {
  private static final PayloadValidator VALIDATOR = new PayloadValidator();
  private static final String VIDEO = "https://cdn.example.com/templates/anchor.mp4";
  private static final String AUDIO = "https://cdn.example.com/audio/speech.mp3";

  static VideoMakeNoTrainPayload text() {
    return new VideoMakeNoTrainPayload()
        .refVideoUrl(VIDEO)
        .driverType(DriverTypeEnum.TEXT)
        .inputSsml("Hello, I am the virtual <phoneme alphabet=\"py\" ph=\"fu4\">福</phoneme> anchor")
        .speechParam(new SpeechParam().speed(1.0).timbreKey("voice_a"));
  }

  static VideoMakeNoTrainPayload audio() {
    return new VideoMakeNoTrainPayload().refVideoUrl(VIDEO).driverType(DriverTypeEnum.ORIGINAL_VOICE).inputAudioUrl(AUDIO);
  }

  static VideoMakeNoTrainPayload custom(double start, double end) {
    VideoMakeNoTrainPayload p = text();
    p.videoParam(new VideoParam().makeType(MakeTypeEnum.CUSTOM).startTime(start).endTime(end));
    return p;
  }

  static VideoMakeNoTrainPayload intervals(double... bounds) {
    List<DisableInterval> list = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      list.add(new DisableInterval().startTime(bounds[i]).endTime(bounds[i + 1]));
    }
    VideoMakeNoTrainPayload p = text();
    p.videoParam(new VideoParam().disableIntervals(list));
    return p;
  }

  static VideoMakeNoTrainPayload with(VideoMakeNoTrainPayload base, Consumer<VideoMakeNoTrainPayload> change) {
    change.accept(base);
    return base;
  }

  static VideoParam video(VideoMakeNoTrainPayload p) {
    if (p.getVideoParam() == null) {
      p.videoParam(new VideoParam());
    }
    return p.getVideoParam();
  }

  static String repeat(String s, int times) {
    return s.repeat(times);
  }

  /** Each rule: the violating case (the rule fires at the path) and the passing case (no error at all). */
  static Stream<Arguments> rules() {
    return Stream.of(
        // rule, path, severity, violating, passing
        rule("required", "Payload.RefVideoUrl", Severity.ERROR,
            with(text(), p -> p.refVideoUrl(null)), text()),
        rule("required", "Payload.DriverType", Severity.ERROR,
            with(text(), p -> p.driverType(null)), text()),
        rule("enum", "Payload.DriverType", Severity.ERROR,
            with(text(), p -> p.driverType(DriverTypeEnum.UNKNOWN_DEFAULT_OPEN_API)), text()),
        rule("requiredWhenText", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml(null)), text()),
        rule("requiredWhenText", "Payload.SpeechParam", Severity.ERROR,
            with(text(), p -> p.speechParam(null)), audio()),
        rule("requiredWhenText", "Payload.SpeechParam.Speed", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().speed(null)), text()),
        rule("requiredWhenText", "Payload.SpeechParam.TimbreKey", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().timbreKey(null)), text()),
        rule("requiredWhenOriginalVoice", "Payload.InputAudioUrl", Severity.ERROR,
            with(audio(), p -> p.inputAudioUrl(null)), audio()),
        rule("minLength", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("abc")), with(text(), p -> p.inputSsml("abcd"))),
        rule("minLength", "Payload.InputSsml", Severity.ERROR, // 3 code points, 6 UTF-16 units
            with(text(), p -> p.inputSsml("😀😀😀")), with(text(), p -> p.inputSsml("😀😀😀😀"))),
        rule("maxLength", "Payload.InputSsml", Severity.ERROR, // 2000 code points are 4000 UTF-16 units
            with(text(), p -> p.inputSsml(repeat("a", 2001))), with(text(), p -> p.inputSsml(repeat("😀", 2000)))),
        rule("maxLength", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml(repeat("😀", 2001))), with(text(), p -> p.inputSsml(repeat("a", 2000)))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\nline two")), with(text(), p -> p.inputSsml("line one line two"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\rline two")), with(text(), p -> p.inputSsml("line one\tline two"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR, // Java's $ would accept a final line break
            with(text(), p -> p.inputSsml("one line\n")), with(text(), p -> p.inputSsml("one line"))),
        // every Unicode line terminator is a line break: NEL, LS, PS, VT, FF
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\u0085line two")), with(text(), p -> p.inputSsml("line one\u00A0two"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\u2028line two")), with(text(), p -> p.inputSsml("line one\u2027two"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\u2029line two")), with(text(), p -> p.inputSsml("line one\u202Ftwo"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\u000Bline two")), with(text(), p -> p.inputSsml("line one\u0009two"))),
        rule("pattern", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("line one\u000Cline two")), with(text(), p -> p.inputSsml("line one two"))),
        rule("ssmlWellFormed", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("Tom & Jerry")), with(text(), p -> p.inputSsml("Tom &amp; Jerry"))),
        rule("ssmlWellFormed", "Payload.InputSsml", Severity.ERROR,
            with(text(), p -> p.inputSsml("a <word>b c")), with(text(), p -> p.inputSsml("a <word>b</word> c"))),
        rule("ssmlTag", "Payload.InputSsml", Severity.WARNING,
            with(text(), p -> p.inputSsml("<speak>hello</speak>")), with(text(), p -> p.inputSsml("hello <break time=\"500ms\"/>"))),
        rule("minimum", "Payload.SpeechParam.Speed", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().speed(0.49)), with(text(), p -> p.getSpeechParam().speed(0.5))),
        rule("maximum", "Payload.SpeechParam.Speed", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().speed(1.51)), with(text(), p -> p.getSpeechParam().speed(1.5))),
        rule("type", "Payload.SpeechParam.Speed", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().speed(Double.NaN)), text()),
        rule("blankTimbreKey", "Payload.SpeechParam.TimbreKey", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().timbreKey("")), with(text(), p -> p.getSpeechParam().timbreKey("v"))),
        rule("blankTimbreKey", "Payload.SpeechParam.TimbreKey", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().timbreKey(" \t")), with(text(), p -> p.getSpeechParam().timbreKey(" v"))),
        rule("minimum", "Payload.SpeechParam.Volume", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().volume(-1)), with(text(), p -> p.getSpeechParam().volume(0))),
        rule("maximum", "Payload.SpeechParam.Volume", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().volume(11)), with(text(), p -> p.getSpeechParam().volume(10))),
        rule("minimum", "Payload.SpeechParam.EmotionIntensity", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().emotionCategory("happy").emotionIntensity(49)),
            with(text(), p -> p.getSpeechParam().emotionCategory("happy").emotionIntensity(50))),
        rule("maximum", "Payload.SpeechParam.EmotionIntensity", Severity.ERROR,
            with(text(), p -> p.getSpeechParam().emotionCategory("happy").emotionIntensity(201)),
            with(text(), p -> p.getSpeechParam().emotionCategory("happy").emotionIntensity(200))),
        rule("enum", "Payload.ConcurrencyType", Severity.ERROR,
            with(text(), p -> p.concurrencyType(ConcurrencyTypeEnum.UNKNOWN_DEFAULT_OPEN_API)),
            with(text(), p -> p.concurrencyType(ConcurrencyTypeEnum.SHARED))),
        rule("enum", "Payload.VideoLoop", Severity.ERROR,
            with(text(), p -> p.videoLoop(VideoLoopEnum.NUMBER_unknown_default_open_api)),
            with(text(), p -> p.videoLoop(VideoLoopEnum.FORWARD_SPLICING))),
        rule("enum", "Payload.VideoParametersConsistent", Severity.ERROR,
            with(text(), p -> p.videoParametersConsistent(VideoParametersConsistentEnum.NUMBER_unknown_default_open_api)),
            with(text(), p -> p.videoParametersConsistent(VideoParametersConsistentEnum.MATCH_INPUT))),
        rule("enum", "Payload.VideoParam.DisableIdDetect", Severity.ERROR,
            with(text(), p -> video(p).disableIdDetect(DisableIdDetectEnum.NUMBER_unknown_default_open_api)),
            with(text(), p -> video(p).disableIdDetect(DisableIdDetectEnum.DRIVE_ALL_FACES))),
        rule("enum", "Payload.VideoParam.DisableOcclusionDetect", Severity.ERROR,
            with(text(), p -> video(p).disableOcclusionDetect(DisableOcclusionDetectEnum.NUMBER_unknown_default_open_api)),
            with(text(), p -> video(p).disableOcclusionDetect(DisableOcclusionDetectEnum.IGNORE_OCCLUSION))),
        rule("enum", "Payload.VideoParam.EnableFakeTeeth", Severity.ERROR,
            with(text(), p -> video(p).enableFakeTeeth(EnableFakeTeethEnum.NUMBER_unknown_default_open_api)),
            with(text(), p -> video(p).enableFakeTeeth(EnableFakeTeethEnum.FAKE_TEETH))),
        rule("enum", "Payload.VideoParam.MakeType", Severity.ERROR,
            with(text(), p -> video(p).makeType(MakeTypeEnum.UNKNOWN_DEFAULT_OPEN_API)),
            with(text(), p -> video(p).makeType(MakeTypeEnum.CIRCLE))),
        rule("maxLength", "Payload.CallbackUrl", Severity.ERROR,
            with(text(), p -> p.callbackUrl("https://cb.example.com/" + repeat("a", 1000 - 23))),
            with(text(), p -> p.callbackUrl("https://cb.example.com/" + repeat("a", 999 - 23)))),
        rule("absoluteHttpUrl", "Payload.CallbackUrl", Severity.ERROR,
            with(text(), p -> p.callbackUrl("ftp://cb.example.com/done")),
            with(text(), p -> p.callbackUrl("HTTPS://cb.example.com/done?ivh_token=abc"))),
        rule("absoluteHttpUrl", "Payload.RefVideoUrl", Severity.ERROR,
            with(text(), p -> p.refVideoUrl("/templates/anchor.mp4")), with(text(), p -> p.refVideoUrl("http://cdn.example.com/a.mp4"))),
        // HttpUrl parses (and encodes) white space: sent as written, with a warning
        rule("urlWhitespace", "Payload.RefVideoUrl", Severity.WARNING,
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/my anchor.mp4")),
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/my%20anchor.mp4"))),
        rule("urlWhitespace", "Payload.RefVideoUrl", Severity.WARNING,
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/my\u00A0anchor.mp4")),
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/my_anchor.mp4"))),
        rule("urlWhitespace", "Payload.RefVideoUrl", Severity.WARNING,
            with(text(), p -> p.refVideoUrl(" https://cdn.example.com/anchor.mp4\n")),
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/anchor.mp4"))),
        rule("absoluteHttpUrl", "Payload.InputAudioUrl", Severity.ERROR,
            with(audio(), p -> p.inputAudioUrl("speech.mp3")), audio()),
        rule("absoluteHttpUrl", "Payload.IdentityWrittenUrl", Severity.ERROR,
            with(text(), p -> p.identityWrittenUrl("file:///letter.pdf")),
            with(text(), p -> p.identityWrittenUrl("https://cdn.example.com/letter.pdf"))),
        rule("absoluteHttpUrl", "Payload.IdentityVideoUrl", Severity.ERROR,
            with(text(), p -> p.identityVideoUrl("mailto:someone@example.com")),
            with(text(), p -> p.identityVideoUrl("https://cdn.example.com/letter.mp4"))),
        rule("absoluteHttpUrl", "Payload.VideoParam.RefPhotoUrl", Severity.ERROR,
            with(text(), p -> video(p).refPhotoUrl("cdn.example.com/face.jpg")),
            with(text(), p -> video(p).refPhotoUrl("https://cdn.example.com/face.jpg"))),
        // URL syntax is what OkHttp's HttpUrl parses: '_' in a host and '|' in a query pass
        rule("urlSyntax", "Payload.RefVideoUrl", Severity.ERROR,
            with(text(), p -> p.refVideoUrl("https://cdn.example.com:port/a.mp4")),
            with(text(), p -> p.refVideoUrl("https://my_bucket.example.com/a.mp4"))),
        rule("urlSyntax", "Payload.CallbackUrl", Severity.ERROR,
            with(text(), p -> p.callbackUrl("https://cb example.com/done")),
            with(text(), p -> p.callbackUrl("https://cb.example.com/done?a=b|c&d={e}"))),
        rule("urlSyntax", "Payload.InputAudioUrl", Severity.ERROR,
            with(audio(), p -> p.inputAudioUrl("http://")), with(audio(), p -> p.inputAudioUrl("http://[::1]:8080/a.mp3"))),
        // Custom without one of its times: the documented default applies (a warning naming it)
        rule("customDefaultTime", "Payload.VideoParam.StartTime", Severity.WARNING,
            with(custom(0, 10), p -> video(p).startTime(null)), custom(0, 10)),
        rule("customDefaultTime", "Payload.VideoParam.EndTime", Severity.WARNING,
            with(custom(0, 10), p -> video(p).endTime(null)), custom(0, 10)),
        rule("segmentLongerThan5s", "Payload.VideoParam.EndTime", Severity.ERROR,
            custom(1, 6), custom(1, 6.001)),
        rule("segmentLongerThan5s", "Payload.VideoParam.EndTime", Severity.ERROR,
            custom(10, 2), custom(1.005, 6.006)),
        rule("negativeTime", "Payload.VideoParam.StartTime", Severity.WARNING,
            with(custom(-0.001, 10), p -> {}), custom(0, 10)),
        rule("negativeTime", "Payload.VideoParam.EndTime", Severity.WARNING,
            with(text(), p -> video(p).makeType(MakeTypeEnum.CIRCLE).startTime(1.0).endTime(-1.0)),
            with(text(), p -> video(p).makeType(MakeTypeEnum.CIRCLE).startTime(1.0))),
        rule("decimals", "Payload.VideoParam.StartTime", Severity.WARNING, // binary 1.005 must still count as 3 decimals
            custom(1.0005, 10), custom(1.005, 10)),
        rule("decimals", "Payload.VideoParam.EndTime", Severity.WARNING,
            custom(0, 10.0 / 3 + 5), custom(0, 10.999)),
        rule("maxItems", "Payload.VideoParam.DisableIntervals", Severity.ERROR,
            intervals(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), intervals(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)),
        rule("intervalEndMissing", "Payload.VideoParam.DisableIntervals[0].StartTime", Severity.WARNING,
            with(intervals(0, 1), p -> video(p).getDisableIntervals().get(0).startTime(null)), intervals(0, 1)),
        rule("intervalEndMissing", "Payload.VideoParam.DisableIntervals[1].EndTime", Severity.WARNING,
            with(intervals(0, 1, 2, 3), p -> video(p).getDisableIntervals().get(1).endTime(null)), intervals(0, 1, 2, 3)),
        rule("required", "Payload.VideoParam.DisableIntervals[1]", Severity.ERROR,
            with(intervals(0, 1, 2, 3), p -> video(p).getDisableIntervals().set(1, null)), intervals(0, 1, 2, 3)),
        rule("negativeTime", "Payload.VideoParam.DisableIntervals[0].StartTime", Severity.WARNING,
            intervals(-1, 1), intervals(0, 1)),
        rule("decimals", "Payload.VideoParam.DisableIntervals[2].EndTime", Severity.WARNING,
            intervals(0, 1, 2, 3, 4, 5.1234), intervals(0, 1, 2, 3, 4, 5.123)),
        rule("startBeforeEnd", "Payload.VideoParam.DisableIntervals[1].EndTime", Severity.ERROR,
            intervals(0, 1, 3, 2.999), intervals(0, 1, 3, 3.001)),
        rule("zeroLengthInterval", "Payload.VideoParam.DisableIntervals[1].EndTime", Severity.WARNING,
            intervals(0, 1, 3, 3), intervals(0, 1, 3, 3.001)),
        rule("intervalsOverlap", "Payload.VideoParam.DisableIntervals[1].StartTime", Severity.WARNING,
            intervals(0, 2, 1.999, 3), intervals(0, 2, 2, 3)),
        rule("chronological", "Payload.VideoParam.DisableIntervals[1].StartTime", Severity.ERROR,
            intervals(2, 3, 1, 5), intervals(1, 5, 2, 3)),
        rule("chronological", "Payload.VideoParam.DisableIntervals[2].StartTime", Severity.ERROR,
            intervals(5, 6, 7, 8, 1, 2), intervals(1, 2, 5, 6, 7, 8)),
        // warnings: the request is valid, the service ignores the parameter
        // the document says only Speed "is not effective" when audio-driven
        rule("ignoredWithOriginalVoice", "Payload.SpeechParam.Speed", Severity.WARNING,
            with(audio(), p -> p.speechParam(new SpeechParam().speed(1.0))),
            with(audio(), p -> p.speechParam(new SpeechParam().timbreKey("female_1").volume(3)))),
        rule("inputSsmlWithOriginalVoice", "Payload.InputSsml", Severity.WARNING,
            with(audio(), p -> p.inputSsml("hello there")), audio()),
        rule("ignoredWithoutEmotionCategory", "Payload.SpeechParam.EmotionIntensity", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().emotionIntensity(120)),
            with(text(), p -> p.getSpeechParam().emotionIntensity(120).emotionCategory("sad"))),
        rule("ignoredWithoutEmotionCategory", "Payload.SpeechParam.EmotionIntensity", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().emotionIntensity(120).emotionCategory("")),
            with(text(), p -> p.getSpeechParam().emotionIntensity(120).emotionCategory("happy"))),
        rule("ignoredByMakeType", "Payload.VideoParam.StartTime", Severity.WARNING,
            with(text(), p -> video(p).makeType(MakeTypeEnum.DEFAULT).startTime(2.0)),
            with(text(), p -> video(p).makeType(MakeTypeEnum.CIRCLE).startTime(2.0))),
        rule("ignoredByMakeType", "Payload.VideoParam.EndTime", Severity.WARNING, // MakeType absent means Default
            with(text(), p -> video(p).endTime(20.0)), with(text(), p -> video(p).disableIdDetect(DisableIdDetectEnum.TRACE_FACE_ID))),
        rule("ignoredByMakeType", "Payload.VideoParam.EndTime", Severity.WARNING,
            with(text(), p -> video(p).makeType(MakeTypeEnum.CUSTOM_ONLY_START).startTime(1.0).endTime(20.0)),
            with(text(), p -> video(p).makeType(MakeTypeEnum.CUSTOM_ONLY_START).startTime(1.0))),
        rule("ignoredByMakeType", "Payload.VideoLoop", Severity.WARNING,
            with(text(), p -> video(p.videoLoop(VideoLoopEnum.FORWARD_SPLICING)).makeType(MakeTypeEnum.CIRCLE)),
            with(text(), p -> video(p.videoLoop(VideoLoopEnum.FORWARD_SPLICING)).makeType(MakeTypeEnum.DEFAULT))),
        rule("ignoredWithDisableIdDetect", "Payload.VideoParam.RefPhotoUrl", Severity.WARNING,
            with(text(), p -> video(p).disableIdDetect(DisableIdDetectEnum.DRIVE_ALL_FACES).refPhotoUrl("https://cdn.example.com/face.png")),
            with(text(), p -> video(p).disableIdDetect(DisableIdDetectEnum.TRACE_FACE_ID).refPhotoUrl("https://cdn.example.com/face.png"))),
        rule("volumeIgnoredByTimbre", "Payload.SpeechParam.Volume", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().timbreKey("female_1").volume(5)),
            with(text(), p -> p.getSpeechParam().timbreKey("female_24").volume(5))),
        rule("volumeIgnoredByTimbre", "Payload.SpeechParam.Volume", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().timbreKey("male_20").volume(1)),
            with(text(), p -> p.getSpeechParam().timbreKey("male_20").volume(0))),
        rule("volumeIgnoredByTimbre", "Payload.SpeechParam.Volume", Severity.WARNING,
            with(text(), p -> p.getSpeechParam().timbreKey("female_23").volume(10)),
            with(text(), p -> p.getSpeechParam().timbreKey("male_21").volume(10))),
        rule("fileExtension", "Payload.RefVideoUrl", Severity.WARNING,
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/a.mkv?v=a.mp4")),
            with(text(), p -> p.refVideoUrl("https://cdn.example.com/a.MOV?v=a.mkv"))),
        rule("fileExtension", "Payload.IdentityVideoUrl", Severity.WARNING,
            with(text(), p -> p.identityVideoUrl("https://cdn.example.com/letter.mov")),
            with(text(), p -> p.identityVideoUrl("https://cdn.example.com/letter.mp4"))),
        rule("fileExtension", "Payload.InputAudioUrl", Severity.WARNING,
            with(audio(), p -> p.inputAudioUrl("https://cdn.example.com/speech.flac")),
            with(audio(), p -> p.inputAudioUrl("https://cdn.example.com/speech.m4a"))),
        rule("fileExtension", "Payload.VideoParam.RefPhotoUrl", Severity.WARNING,
            with(text(), p -> video(p).refPhotoUrl("https://cdn.example.com/face.gif")),
            with(text(), p -> video(p).refPhotoUrl("https://cdn.example.com/face.webp"))),
        rule("fileExtension", "Payload.IdentityWrittenUrl", Severity.WARNING,
            with(text(), p -> p.identityWrittenUrl("https://cdn.example.com/letter")),
            with(text(), p -> p.identityWrittenUrl("https://cdn.example.com/letter.PDF"))));
  }

  private static Arguments rule(String rule, String path, Severity severity,
      VideoMakeNoTrainPayload violating, VideoMakeNoTrainPayload passing) {
    return Arguments.of(rule, path, severity, violating, passing);
  }

  @ParameterizedTest(name = "[{index}] {0} at {1}")
  @MethodSource("rules")
  void eachRuleFiresOnTheViolatingCaseOnly(String rule, String path, Severity severity,
      VideoMakeNoTrainPayload violating, VideoMakeNoTrainPayload passing) {
    ValidationReport bad = VALIDATOR.validate(violating);
    assertThat(bad.all())
        .as("violating case of %s", rule)
        .anySatisfy(issue -> {
          assertThat(issue.rule()).isEqualTo(rule);
          assertThat(issue.path()).isEqualTo(path);
          assertThat(issue.severity()).isEqualTo(severity);
        });
    if (severity == Severity.WARNING) {
      assertThat(bad.isValid()).as("a warning does not block: %s", bad).isTrue();
    }

    ValidationReport good = VALIDATOR.validate(passing);
    assertThat(good.errors()).as("passing case of %s", rule).isEmpty();
    assertThat(good.all()).extracting(ValidationIssue::rule).doesNotContain(rule);
  }

  @Test
  void theTwoDocumentedRequestsAreCleanAndBaseCasesHaveNoWarnings() {
    assertThat(VALIDATOR.validate(text()).all()).isEmpty();
    assertThat(VALIDATOR.validate(audio()).all()).isEmpty();
  }

  @Test
  void aMissingPayloadIsOneError() {
    assertThat(VALIDATOR.validate(null).errors())
        .extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple("Payload", "required"));
  }

  @Test
  void reportsEveryViolationAtOnceWithWirePathsRulesAndValues() {
    VideoMakeNoTrainPayload p = text()
        .refVideoUrl("ftp://cdn.example.com/a.mp4")
        .inputSsml("ab\ncd")
        .callbackUrl("https://cb example.com/x?ivh_token=s3cr3t-token");
    p.getSpeechParam().speed(2.0).volume(11).timbreKey(null);
    p.videoParam(new VideoParam().makeType(MakeTypeEnum.CUSTOM).startTime(1.0).endTime(3.0005)
        .disableIntervals(new ArrayList<>(List.of(
            new DisableInterval().startTime(1.0).endTime(2.0),
            new DisableInterval().startTime(0.5).endTime(0.25)))));

    ValidationReport report = VALIDATOR.validate(p);

    assertThat(report.errors())
        .extracting(ValidationIssue::path, ValidationIssue::rule, ValidationIssue::rejectedValue)
        .containsExactlyInAnyOrder(
            tuple("Payload.RefVideoUrl", "absoluteHttpUrl", "ftp://cdn.example.com/a.mp4"),
            tuple("Payload.InputSsml", "pattern", "ab\ncd"),
            tuple("Payload.CallbackUrl", "urlSyntax", "https://cb example.com/x?ivh_token=****"),
            tuple("Payload.SpeechParam.Speed", "maximum", "2.0"),
            tuple("Payload.SpeechParam.Volume", "maximum", "11"),
            tuple("Payload.SpeechParam.TimbreKey", "requiredWhenText", null),
            tuple("Payload.VideoParam.EndTime", "segmentLongerThan5s", "3.0005"),
            tuple("Payload.VideoParam.DisableIntervals[1].StartTime", "chronological", "0.5"),
            tuple("Payload.VideoParam.DisableIntervals[1].EndTime", "startBeforeEnd", "0.25"));
    assertThat(report.warnings()).extracting(ValidationIssue::path, ValidationIssue::rule)
        .contains(tuple("Payload.VideoParam.EndTime", "decimals"));
    assertThat(report.toString()).doesNotContain("s3cr3t");
  }

  /** Issue 8: the requests a new user found refused although the API document allows them. */
  @Test
  void blankValuesAreAcceptedWhereTheDocumentGivesBlankAMeaning() {
    VideoMakeNoTrainPayload blank = with(text(), p -> {
      p.concurrencyType(ConcurrencyTypeEnum.BLANK);
      p.getSpeechParam().emotionCategory("").timbreLanguage("");
    });
    ValidationReport report = VALIDATOR.validate(blank);
    assertThat(report.all()).as("ConcurrencyType \"Leave blank\", empty EmotionCategory and TimbreLanguage").isEmpty();
    assertThat(JsonSupport.moshi().adapter(VideoMakeNoTrainPayload.class).toJson(blank))
        .contains("\"ConcurrencyType\":\"\"", "\"EmotionCategory\":\"\"", "\"TimbreLanguage\":\"\"");
  }

  @Test
  void customWithOneTimeIsValidAndTheWarningNamesTheDefaultThatApplies() {
    ValidationReport noEnd = VALIDATOR.validate(with(text(), p -> video(p).makeType(MakeTypeEnum.CUSTOM).startTime(2.0)));
    assertThat(noEnd.isValid()).isTrue();
    assertThat(noEnd.warnings()).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("Payload.VideoParam.EndTime");
      assertThat(w.message()).contains("the default selection is the end time of the selected video clips");
    });
    ValidationReport noStart = VALIDATOR.validate(with(text(), p -> video(p).makeType(MakeTypeEnum.CUSTOM).endTime(2.0)));
    assertThat(noStart.isValid()).as("the 5 s rule needs both times: %s", noStart).isTrue();
    assertThat(noStart.warnings()).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("Payload.VideoParam.StartTime");
      assertThat(w.message()).contains("the default start time");
    });
  }

  @Test
  void extraDecimalsAreAWarningAndTheValueIsSentAsWritten() {
    VideoMakeNoTrainPayload thirds = custom(0, 10.0 / 3 + 5);
    ValidationReport report = VALIDATOR.validate(thirds);
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).extracting(ValidationIssue::rule).containsExactly("decimals");
    assertThat(JsonSupport.moshi().adapter(VideoMakeNoTrainPayload.class).toJson(thirds))
        .contains("\"EndTime\":" + (10.0 / 3 + 5));
  }

  @Test
  void overlappingZeroLengthAndHalfOpenIntervalsAreValidOutOfOrderOnesAreNot() {
    VideoMakeNoTrainPayload allowed = intervals(1, 3, 2, 4, 4, 4);
    video(allowed).getDisableIntervals().add(new DisableInterval().startTime(5.0));
    video(allowed).getDisableIntervals().add(new DisableInterval().endTime(9.0));
    ValidationReport report = VALIDATOR.validate(allowed);
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).extracting(ValidationIssue::rule)
        .containsExactlyInAnyOrder("intervalsOverlap", "zeroLengthInterval", "intervalEndMissing", "intervalEndMissing");
    assertThat(VALIDATOR.validate(intervals(3, 4, 1, 2)).errors()).extracting(ValidationIssue::rule)
        .containsExactly("chronological");
    assertThat(VALIDATOR.validate(intervals(3, 2)).errors()).extracting(ValidationIssue::rule)
        .containsExactly("startBeforeEnd");
  }

  @Test
  void urlsThatHttpClientsAcceptAreAccepted() {
    for (String url : List.of("https://my_bucket.example.com/a.mp4", "https://cdn.example.com/a.mp4?x=1|2",
        "http://cdn.example.com/{id}/a.mp4", "HTTPS://CDN.example.com:8443/a.mp4#t=1")) {
      assertThat(VALIDATOR.validate(with(text(), p -> p.refVideoUrl(url))).all()).as(url).isEmpty();
    }
  }

  @Test
  void originalVoiceWarnsAboutSpeedOnlyAsTheDocumentDoes() {
    ValidationReport report = VALIDATOR.validate(with(audio(),
        p -> p.speechParam(new SpeechParam().speed(1.2).timbreKey("voice_a").volume(2))));
    assertThat(report.warnings()).extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple("Payload.SpeechParam.Speed", "ignoredWithOriginalVoice"));
    assertThat(report.warnings().get(0).message()).doesNotContain("speech parameters are ignored");
  }

  @Test
  void warnOnlyTurnsErrorsIntoWarningsAndOffReportsNothingButTheWireFormatStaysAnError() {
    VideoMakeNoTrainPayload refused = with(text(), p -> p.getSpeechParam().speed(2.0));
    ValidationReport warnOnly = VALIDATOR.validate(refused, ValidationMode.WARN_ONLY);
    assertThat(warnOnly.isValid()).isTrue();
    assertThat(warnOnly.warnings()).singleElement().satisfies(w -> {
      assertThat(w.rule()).isEqualTo("maximum");
      assertThat(w.message()).startsWith("(not enforced) ");
    });
    assertThat(VALIDATOR.validate(refused, ValidationMode.OFF).all()).isEmpty();
    assertThat(VALIDATOR.validate(refused, ValidationMode.ENFORCE).isValid()).isFalse();

    for (ValidationMode mode : ValidationMode.values()) {
      VideoMakeNoTrainPayload unsendable = with(text(), p -> {
        p.getSpeechParam().speed(Double.NaN).timbreKey("a\uD800");
        p.concurrencyType(ConcurrencyTypeEnum.UNKNOWN_DEFAULT_OPEN_API);
      });
      assertThat(VALIDATOR.validate(unsendable, mode).errors()).as(mode.name())
          .extracting(ValidationIssue::rule).containsExactlyInAnyOrder("type", "wellFormedUnicode", "enum");
    }
  }

  @Test
  void anEnumUnknownToTheClientNamesTheKnownValues() {
    ValidationIssue issue = VALIDATOR.validate(text().driverType(DriverTypeEnum.UNKNOWN_DEFAULT_OPEN_API)).errors().get(0);
    assertThat(issue.message()).contains("[Text, OriginalVoice]");
  }

  @Test
  void messagesDoNotDependOnTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      ValidationIssue issue = VALIDATOR.validate(with(text(), p -> p.getSpeechParam().speed(9.0))).errors().get(0);
      assertThat(issue.message()).isEqualTo("must be at most 1.5");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void rejectedTextIsShortenedAndMasked() {
    ValidationIssue issue = VALIDATOR.validate(with(text(), p -> p.inputSsml(repeat("😀", 3000)))).errors().get(0);
    assertThat(issue.rejectedValue()).hasSize(120 * 2 + 1).endsWith("…");
    ValidationIssue url = VALIDATOR.validate(with(text(),
        p -> p.refVideoUrl("https://cdn.example.com/a.mkv?signature=abcdef&ivh_token=zzz"))).warnings().get(0);
    assertThat(url.rejectedValue()).isEqualTo("a.mkv");
    ValidationIssue bad = VALIDATOR.validate(with(text(),
        p -> p.refVideoUrl("cdn.example.com/a.mp4?signature=abcdef&appkey=k123"))).errors().get(0);
    assertThat(bad.rejectedValue()).isEqualTo("cdn.example.com/a.mp4?signature=****&appkey=****");
  }

  @Test
  void needsNoExpressionLanguageImplementation() {
    assertThatThrownBy(() -> Class.forName("jakarta.el.ExpressionFactory")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.glassfish.expressly.ExpressionFactoryImpl"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(VALIDATOR.validate(with(text(), p -> p.getSpeechParam().speed(0.1))).errors()).hasSize(1);
  }

  @Test
  void violationsLogNothing() {
    java.util.logging.Logger hibernate = java.util.logging.Logger.getLogger("org.hibernate.validator");
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(java.util.logging.Level.ALL);
    hibernate.addHandler(handler);
    try {
      // @DecimalMax's default message holds EL, which ParameterMessageInterpolator would warn about.
      assertThat(VALIDATOR.validate(with(text(), p -> p.getSpeechParam().speed(0.1))).errors()).hasSize(1);
      assertThat(VALIDATOR.validate(with(text(), p -> p.getSpeechParam().speed(9.0))).errors()).hasSize(1);
    } finally {
      hibernate.removeHandler(handler);
    }
    assertThat(records).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
  }

  @Test
  void anUnpairedSurrogateIsAnErrorBecauseUtf8WouldSendAQuestionMarkInstead() {
    ValidationReport lone = VALIDATOR.validate(with(text(), p -> p.inputSsml("ab\uD800cd")));
    assertThat(lone.errors()).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo("Payload.InputSsml");
      assertThat(i.rule()).isEqualTo("wellFormedUnicode");
      assertThat(i.message()).contains("at character 3");
      assertThat(i.rejectedValue()).isEqualTo("U+D800");
    });
    assertThat(VALIDATOR.validate(with(text(), p -> p.getSpeechParam().timbreKey("\uDC00x"))).errors())
        .extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple("Payload.SpeechParam.TimbreKey", "wellFormedUnicode"));
    assertThat(VALIDATOR.validate(with(text(), p -> p.inputSsml("ab\uD83D\uDE00cd"))).isValid()).isTrue();
  }

  @Test
  void isThreadSafe() throws Exception {
    List<VideoMakeNoTrainPayload> inputs = Arrays.asList(text(), audio(), custom(1, 2), intervals(3, 1),
        with(text(), p -> p.inputSsml("a & b")), with(text(), p -> p.getSpeechParam().speed(3.0)));
    List<String> expected = inputs.stream().map(i -> VALIDATOR.validate(i).toString()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        results.add(pool.submit(() -> {
          PayloadValidator own = new PayloadValidator();
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < inputs.size(); i++) {
              PayloadValidator v = round % 2 == 0 ? VALIDATOR : own;
              if (!v.validate(inputs.get(i)).toString().equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
