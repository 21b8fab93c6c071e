package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.IvhCallbackException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackParserTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private final CallbackParser parser = CallbackParser.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertRefused(String body, Reason reason, String... fragments) {
    assertThatThrownBy(() -> parser.parse(utf8(body)))
        .as(body)
        .isInstanceOfSatisfying(IvhCallbackException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.operation()).isEqualTo("videoResultCallback");
          assertThat(e.getMessage()).contains(fragments);
        });
  }

  @Test
  void documentedSuccessBodyBecomesASuccessResult() {
    TaskResult result = parser.parse(utf8("{\"Payload\":{\"Progress\":100,\"MediaUrl\":\"https://cdn/x.mp4\","
        + "\"SubtitlesUrl\":\"https://cdn/x.srt\",\"Status\":\"SUCCESS\",\"FailMessage\":\"\",\"TaskId\":\"abc123\"}}"));

    assertThat(result.taskId()).isEqualTo("abc123");
    assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.mediaUrl()).isEqualTo("https://cdn/x.mp4");
    assertThat(result.subtitlesUrl()).isEqualTo("https://cdn/x.srt");
    assertThat(result.observedAt()).isEqualTo(NOW);
    assertThat(result.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(result.lastSeenRunningAt()).isEmpty();
    assertThat(result.progress()).isEqualTo(100);
  }

  @Test
  void progressIsZeroWhenTheBodyHasNone() {
    assertThat(parser.parse(utf8("{\"Payload\":{\"Status\":\"SUCCESS\",\"TaskId\":\"t0\"}}")).progress()).isZero();
    assertRefused("{\"Payload\":{\"Status\":\"SUCCESS\",\"TaskId\":\"t0\",\"Progress\":\"lots\"}}",
        Reason.MALFORMED_BODY, "wrong type");
  }

  @Test
  void failBodyBecomesAFailResultWithItsMessage() {
    TaskResult result = parser.parse(utf8(
        "{\"Payload\":{\"Progress\":-1,\"MediaUrl\":\"\",\"Status\":\"FAIL\",\"FailMessage\":\"face not found\",\"TaskId\":\"t1\"}}"));

    assertThat(result.state()).isEqualTo(TaskState.FAIL);
    assertThat(result.failMessage()).isEqualTo("face not found");
    assertThat(result.progress()).isEqualTo(-1);
    assertThat(result.mediaUrl()).isEmpty();
    assertThat(result.subtitlesUrl()).isEmpty();
  }

  @Test
  void unknownFieldsAndAHeaderAreIgnored() {
    TaskResult result = parser.parse(utf8("{\"Header\":{\"Code\":0},\"Extra\":[1,{\"a\":null}],\"Payload\":{"
        + "\"TaskId\":\"t2\",\"Status\":\"SUCCESS\",\"MediaUrl\":\"https://cdn/y.mp4\",\"Resolution\":\"4k\","
        + "\"TextTimestampResult\":[{\"Sentence\":\"hi\"}]}}"));

    assertThat(result.taskId()).isEqualTo("t2");
    assertThat(result.mediaUrl()).isEqualTo("https://cdn/y.mp4");
  }

  @Test
  void numericTaskIdKeepsItsDigits() {
    TaskResult result = parser.parse(utf8("{\"Payload\":{\"TaskId\":1234567890123,\"Status\":\"FAIL\"}}"));

    assertThat(result.taskId()).isEqualTo("1234567890123");
  }

  @Test
  void malformedBodiesAreRefusedWithTheReason() {
    assertRefused("", Reason.MALFORMED_BODY, "empty");
    assertRefused("{\"Payload\":", Reason.MALFORMED_BODY, "not JSON");
    assertRefused("Status=SUCCESS", Reason.MALFORMED_BODY, "not JSON");
    assertRefused("[1,2]", Reason.MALFORMED_BODY, "not a JSON object");
    assertRefused("{\"TaskId\":\"t\",\"Status\":\"SUCCESS\"}", Reason.MALFORMED_BODY, "Payload: required");
    assertRefused("{\"Payload\":\"SUCCESS\"}", Reason.MALFORMED_BODY, "Payload: required, must be an object");
    assertRefused("{\"Payload\":{\"Status\":\"SUCCESS\"}}", Reason.MALFORMED_BODY, "Payload.TaskId");
    assertRefused("{\"Payload\":{\"TaskId\":\"\",\"Status\":\"SUCCESS\"}}", Reason.MALFORMED_BODY, "Payload.TaskId");
    assertRefused("{\"Payload\":{\"TaskId\":\"t\"}}", Reason.MALFORMED_BODY, "Payload.Status: required");
    assertRefused("{\"Payload\":{\"TaskId\":\"t\",\"Status\":\"MAKING\"}}", Reason.MALFORMED_BODY,
        "Payload.Status", "SUCCESS or FAIL", "MAKING");
    assertRefused("{\"Payload\":{\"TaskId\":\"t\",\"Status\":\"success\"}}", Reason.MALFORMED_BODY, "success");
    assertRefused("{\"Payload\":{\"TaskId\":\"t\",\"Status\":\"SUCCESS\",\"Progress\":\"done\"}}",
        Reason.MALFORMED_BODY, "$.Payload.Progress");
    assertRefused("{\"Payload\":{\"TaskId\":{},\"Status\":\"SUCCESS\"}}", Reason.MALFORMED_BODY, "$.Payload.TaskId");
  }

  @Test
  void bodiesOverTheLimitAreRefusedBeforeParsing() {
    CallbackParser small = CallbackParser.builder().maxBodyBytes(64).build();
    String body = "{\"Payload\":{\"TaskId\":\"t\",\"Status\":\"SUCCESS\",\"MediaUrl\":\"https://cdn/x.mp4\"}}";
    String padded = body.replace("{\"Payload\"", "{\"Pad\":\"" + "x".repeat(CallbackParser.DEFAULT_MAX_BODY_BYTES) + "\",\"Payload\"");

    assertThat(utf8(body).length).isGreaterThan(64);
    assertThatThrownBy(() -> small.parse(utf8(body)))
        .isInstanceOfSatisfying(IvhCallbackException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
          assertThat(e.reason().httpStatus()).isEqualTo(413);
          assertThat(e.getMessage()).contains("64 bytes");
        });
    assertThatThrownBy(() -> parser.parse(utf8(padded)))
        .isInstanceOfSatisfying(IvhCallbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThat(CallbackParser.builder().maxBodyBytes(utf8(body).length).build().parse(utf8(body)).taskId()).isEqualTo("t");
  }

  @Test
  void streamsAreReadOnlyUpToTheLimit() {
    CallbackParser small = CallbackParser.builder().maxBodyBytes(100).build();
    byte[] huge = new byte[10_000_000];
    ByteArrayInputStream in = new ByteArrayInputStream(huge);

    assertThatThrownBy(() -> small.parse(in))
        .isInstanceOfSatisfying(IvhCallbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThat(in.available()).isEqualTo(huge.length - 101);
    assertThat(parser.parse(new ByteArrayInputStream(utf8("{\"Payload\":{\"TaskId\":\"s\",\"Status\":\"FAIL\"}}"))).taskId())
        .isEqualTo("s");
  }

  @Test
  void builderRejectsNonsenseLimits() {
    assertThatThrownBy(() -> CallbackParser.builder().maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackParser.builder().clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> parser.parse((byte[]) null)).isInstanceOf(NullPointerException.class).hasMessage("body");
    assertThat(new CallbackParser().maxBodyBytes()).isEqualTo(64 * 1024);
  }
}
