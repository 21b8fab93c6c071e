package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationIssue.Severity;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.PayloadReader.MalformedJsonException;
import io.github.ivhclient.videomake.internal.PayloadReader.Result;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadReaderTest {
  private static final String TEXT = """
      {"RefVideoUrl":"https://cdn.example.com/a.mp4","DriverType":"Text",
       "InputSsml":"Hello there","SpeechParam":{"Speed":1.0,"TimbreKey":"voice_a","Volume":3}}""";

  /** The text-driven payload with one member replaced or added, e.g. {@code "Speed":"1.0"} inside SpeechParam. */
  private static String textWith(String speech, String video) {
    return "{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\",\"InputSsml\":\"Hello there\","
        + "\"SpeechParam\":{\"TimbreKey\":\"voice_a\"," + speech + "}"
        + (video == null ? "" : ",\"VideoParam\":{" + video + "}") + "}";
  }

  @Test
  void readsThePayloadObject() {
    Result result = PayloadReader.read(TEXT);
    assertThat(result.issues()).isEmpty();
    VideoMakeNoTrainPayload payload = result.payload();
    assertThat(payload.getDriverType()).isEqualTo(DriverTypeEnum.TEXT);
    assertThat(payload.getSpeechParam().getSpeed()).isEqualTo(1.0);
    assertThat(payload.getSpeechParam().getVolume()).isEqualTo(3);
    assertThat(result.report().all()).isEmpty();
  }

  @Test
  void readsTheEnvelope() {
    Result result = PayloadReader.read("{\"Header\":{},\"Payload\":" + TEXT + "}");
    assertThat(result.issues()).isEmpty();
    assertThat(result.payload().getInputSsml()).isEqualTo("Hello there");
  }

  @Test
  void envelopeExtrasAreWarningsAndABadHeaderIsAnError() {
    Result extras = PayloadReader.read("{\"Header\":{\"Token\":\"x\"},\"Payload\":" + TEXT + ",\"Extra\":1}");
    assertThat(extras.issues())
        .extracting(ValidationIssue::severity, ValidationIssue::path, ValidationIssue::rule)
        .containsExactlyInAnyOrder(
            tuple(Severity.WARNING, "Header.Token", "unknownField"),
            tuple(Severity.WARNING, "Extra", "unknownField"));
    assertThat(extras.payload()).isNotNull();

    Result badHeader = PayloadReader.read("{\"Header\":[],\"Payload\":" + TEXT + "}");
    assertThat(badHeader.issues()).extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple("Header", "type"));
    assertThat(badHeader.payload()).isNull();
  }

  @Test
  void unknownFieldsAreWarningsAtTheirWirePath() {
    Result result = PayloadReader.read(textWith("\"Pitch\":2", "\"Resolution\":\"4k\",\"MakeType\":\"Circle\""));
    assertThat(result.issues())
        .extracting(ValidationIssue::severity, ValidationIssue::path, ValidationIssue::rule)
        .containsExactlyInAnyOrder(
            tuple(Severity.WARNING, "Payload.SpeechParam.Pitch", "unknownField"),
            tuple(Severity.WARNING, "Payload.VideoParam.Resolution", "unknownField"));
    assertThat(result.payload().getVideoParam().getMakeType()).isEqualTo(MakeTypeEnum.CIRCLE);
  }

  @ParameterizedTest(name = "{0} -> type error at {1}")
  @CsvSource(delimiter = '|', value = {
      "\"Speed\":\"1.0\"                                   | Payload.SpeechParam.Speed",
      "\"Speed\":true                                      | Payload.SpeechParam.Speed",
      "\"Speed\":null                                      | Payload.SpeechParam.Speed",
      "\"Speed\":[1]                                       | Payload.SpeechParam.Speed",
      "\"Speed\":1,\"Volume\":1.5                          | Payload.SpeechParam.Volume",
      "\"Speed\":1,\"Volume\":true                         | Payload.SpeechParam.Volume",
      "\"Speed\":1,\"Volume\":\"3\"                        | Payload.SpeechParam.Volume",
      "\"Speed\":1,\"Volume\":4294967296                   | Payload.SpeechParam.Volume",
      "\"Speed\":1,\"EmotionCategory\":{\"a\":1}           | Payload.SpeechParam.EmotionCategory",
      "\"Speed\":1,\"EmotionCategory\":7                   | Payload.SpeechParam.EmotionCategory",
  })
  void wrongJsonTypesInSpeechParamAreTypeErrors(String member, String path) {
    assertTypeError(PayloadReader.read(textWith(member, null)), path);
  }

  @ParameterizedTest(name = "{0} -> type error at {1}")
  @CsvSource(delimiter = '|', value = {
      "\"DisableIdDetect\":\"1\"                                        | Payload.VideoParam.DisableIdDetect",
      "\"DisableIdDetect\":true                                         | Payload.VideoParam.DisableIdDetect",
      "\"EnableFakeTeeth\":0.5                                          | Payload.VideoParam.EnableFakeTeeth",
      "\"MakeType\":1                                                   | Payload.VideoParam.MakeType",
      "\"StartTime\":\"2\"                                              | Payload.VideoParam.StartTime",
      "\"DisableIntervals\":{\"StartTime\":1,\"EndTime\":2}             | Payload.VideoParam.DisableIntervals",
      "\"DisableIntervals\":[{\"StartTime\":1,\"EndTime\":2},[3,4]]     | Payload.VideoParam.DisableIntervals[1]",
      "\"DisableIntervals\":[{\"StartTime\":1,\"EndTime\":2},null]      | Payload.VideoParam.DisableIntervals[1]",
      "\"DisableIntervals\":[{\"StartTime\":1,\"EndTime\":\"2\"}]       | Payload.VideoParam.DisableIntervals[0].EndTime",
      "\"RefPhotoUrl\":false                                            | Payload.VideoParam.RefPhotoUrl",
  })
  void wrongJsonTypesInVideoParamAreTypeErrors(String member, String path) {
    assertTypeError(PayloadReader.read(textWith("\"Speed\":1", member)), path);
  }

  @ParameterizedTest(name = "{0} -> type error at {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"RefVideoUrl\":5,\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://a.example/a.mp3\"}     | Payload.RefVideoUrl",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":true,\"InputAudioUrl\":\"https://a.example/a.mp3\"} | Payload.DriverType",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://a.example/a.mp3\",\"VideoLoop\":\"0\"} | Payload.VideoLoop",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://a.example/a.mp3\",\"CallbackUrl\":null} | Payload.CallbackUrl",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://a.example/a.mp3\",\"VideoParam\":\"x\"} | Payload.VideoParam",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"Text\",\"InputSsml\":1234,\"SpeechParam\":{\"Speed\":1,\"TimbreKey\":\"v\"}} | Payload.InputSsml",
      "{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"Text\",\"InputSsml\":\"abcd\",\"SpeechParam\":[]} | Payload.SpeechParam",
  })
  void wrongJsonTypesAtTheTopAreTypeErrors(String json, String path) {
    assertTypeError(PayloadReader.read(json), path);
  }

  private static void assertTypeError(Result result, String path) {
    assertThat(result.issues())
        .extracting(ValidationIssue::severity, ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple(Severity.ERROR, path, "type"));
    assertThat(result.payload()).as("nothing is bound when a value was rejected").isNull();
    ValidationReport report = result.report();
    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).filteredOn(i -> i.path().equals(path)).hasSize(1);
  }

  @Test
  void integralNumbersAreIntegersAsInJsonSchema() {
    Result result = PayloadReader.read(textWith("\"Speed\":1,\"Volume\":4.0", "\"DisableIdDetect\":1.0"));
    assertThat(result.issues()).isEmpty();
    assertThat(result.payload().getSpeechParam().getVolume()).isEqualTo(4);
    assertThat(result.payload().getSpeechParam().getSpeed()).isEqualTo(1.0);
  }

  @Test
  void typeErrorsNameTheExpectedAndActualTypeAndValue() {
    ValidationIssue issue = PayloadReader.read(textWith("\"Speed\":\"1.0\"", null)).issues().get(0);
    assertThat(issue.message()).isEqualTo("must be a number, not a string");
    assertThat(issue.rejectedValue()).isEqualTo("\"1.0\"");
    ValidationIssue flag = PayloadReader.read(textWith("\"Speed\":1", "\"DisableIdDetect\":1.5")).issues().get(0);
    assertThat(flag.message()).isEqualTo("must be a 32-bit integer, not a number with a fraction");
    assertThat(flag.rejectedValue()).isEqualTo("1.5");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "\"Speed\":1,\"EmotionIntensity\":99999999999999999999 | Payload.SpeechParam.EmotionIntensity | is outside the 32-bit integer range | 99999999999999999999",
      "\"Speed\":1,\"EmotionIntensity\":2147483648           | Payload.SpeechParam.EmotionIntensity | is outside the 32-bit integer range | 2147483648",
      "\"Speed\":1,\"Volume\":-2147483649                    | Payload.SpeechParam.Volume           | is outside the 32-bit integer range | -2147483649",
      "\"Speed\":1,\"Volume\":1e400                          | Payload.SpeechParam.Volume           | is outside the 32-bit integer range | 1e400",
      "\"Speed\":1,\"Volume\":-1E+99999999999                | Payload.SpeechParam.Volume           | is outside the 32-bit integer range | -1E+99999999999",
      "\"Speed\":1,\"Volume\":1e-400                         | Payload.SpeechParam.Volume           | must be a 32-bit integer, not a number with a fraction | 1e-400",
      "\"Speed\":1e400                                         | Payload.SpeechParam.Speed            | is outside the range of a 64-bit floating-point number | 1e400",
      "\"Speed\":-1.5e309                                      | Payload.SpeechParam.Speed            | is outside the range of a 64-bit floating-point number | -1.5e309",
  })
  void numbersBeyondTheirFormatAreErrorsAtTheirWirePathNotSyntaxErrors(String member, String path, String message,
      String rejected) {
    Result result = PayloadReader.read(textWith(member, null));

    assertThat(result.issues())
        .extracting(ValidationIssue::severity, ValidationIssue::path, ValidationIssue::rule, ValidationIssue::message,
            ValidationIssue::rejectedValue)
        .containsExactly(tuple(Severity.ERROR, path, "type", message, rejected));
    assertThat(result.payload()).isNull();
    assertThat(result.report().errors()).extracting(ValidationIssue::path).containsExactly(path);
  }

  @Test
  void numbersAtTheEdgeOfTheirFormatAreRead() {
    Result result = PayloadReader.read(textWith("\"Speed\":1,\"EmotionIntensity\":2147483647,\"Volume\":-2147483648",
        "\"StartTime\":1e-400,\"EndTime\":1.7976931348623157e308"));

    assertThat(result.issues()).isEmpty();
    assertThat(result.payload().getSpeechParam().getEmotionIntensity()).isEqualTo(Integer.MAX_VALUE);
    assertThat(result.payload().getSpeechParam().getVolume()).isEqualTo(Integer.MIN_VALUE);
    assertThat(result.payload().getVideoParam().getStartTime()).isEqualTo(0.0);
    assertThat(result.payload().getVideoParam().getEndTime()).isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void aHugeNumberInAnUnknownFieldIsValidJson() {
    Result result = PayloadReader.read("{\"a\":1e999," + TEXT.substring(1));

    assertThat(result.issues()).extracting(ValidationIssue::severity, ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple(Severity.WARNING, "Payload.a", "unknownField"));
    assertThat(result.payload()).isNotNull();
  }

  @Test
  void rejectedNumbersAreQuotedAsWritten() {
    assertThat(PayloadReader.read(textWith("\"Speed\":1,\"Volume\":2.50", null)).issues())
        .extracting(ValidationIssue::rejectedValue).containsExactly("2.50");
    assertThat(PayloadReader.read("{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"https://a.example/a.mp3\",\"VideoLoop\":2.0}").issues())
        .extracting(ValidationIssue::rule, ValidationIssue::rejectedValue).containsExactly(tuple("enum", "2.0"));
  }

  @Test
  void enumValuesOutsideTheContractAreEnumErrorsWithTheWrittenValue() {
    Result result = PayloadReader.read("{\"RefVideoUrl\":\"https://a.example/a.mp4\",\"DriverType\":\"Txt\","
        + "\"VideoLoop\":2,\"VideoParam\":{\"MakeType\":\"custom\"}}");
    assertThat(result.issues())
        .extracting(ValidationIssue::path, ValidationIssue::rule, ValidationIssue::rejectedValue)
        .containsExactlyInAnyOrder(
            tuple("Payload.DriverType", "enum", "\"Txt\""),
            tuple("Payload.VideoLoop", "enum", "2"),
            tuple("Payload.VideoParam.MakeType", "enum", "\"custom\""));
    assertThat(result.payload()).isNull();
    // The validator does not repeat them (nor claim DriverType is missing).
    assertThat(result.report().errors()).extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactlyInAnyOrder(
            tuple("Payload.DriverType", "enum"),
            tuple("Payload.VideoLoop", "enum"),
            tuple("Payload.VideoParam.MakeType", "enum"));
  }

  @Test
  void theReportAddsEveryValidationRuleAndKeepsListIndices() {
    Result result = PayloadReader.read(textWith("\"Speed\":9", "\"DisableIntervals\":["
        + "{\"StartTime\":1,\"EndTime\":2},\"x\",{\"StartTime\":5,\"EndTime\":4}]"));
    assertThat(result.report().errors())
        .extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactlyInAnyOrder(
            tuple("Payload.SpeechParam.Speed", "maximum"),
            tuple("Payload.VideoParam.DisableIntervals[1]", "type"),
            tuple("Payload.VideoParam.DisableIntervals[2].EndTime", "startBeforeEnd"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"Payload\"", "42", "null", "{\"Payload\":[]}", "{\"Header\":{},\"Payload\":null}"})
  void somethingOtherThanAnObjectIsATypeErrorAtThePayload(String json) {
    Result result = PayloadReader.read(json);
    assertThat(result.issues()).extracting(ValidationIssue::path, ValidationIssue::rule)
        .containsExactly(tuple("Payload", "type"));
    assertThat(result.payload()).isNull();
    assertThat(result.report().isValid()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"RefVideoUrl\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":1} {\"b\":2}",
      "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-1e}", "{\"a\":01}", "{\"DriverType\":\"Text\",\"DriverType\":\"OriginalVoice\"}", "{a:1}",
      "{\"InputSsml\":\"line\none\"}"})
  void malformedJsonThrowsWithAOneLineMessage(String json) {
    assertThatThrownBy(() -> PayloadReader.read(json))
        .isInstanceOf(MalformedJsonException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid JSON: ")
        .hasMessageContaining(" at ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("setLenient"));
  }

  @Test
  void secretsInADuplicateKeyMessageAreMasked() {
    assertThatThrownBy(() -> PayloadReader.read(
        "{\"CallbackUrl\":\"https://cb.example/x?ivh_token=abc\",\"CallbackUrl\":\"https://cb.example/x?ivh_token=def\"}"))
        .isInstanceOf(MalformedJsonException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc").doesNotContain("def"));
  }
}
