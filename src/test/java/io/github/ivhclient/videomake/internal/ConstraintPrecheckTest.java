package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The precheck may let Hibernate Validator run for nothing, never skip it when it would find a
 * violation: random payloads built from the values at and around every bound. The validator
 * applies it in its value walk ({@link ValueRules#check}), which must reach the same verdict.
 */
class ConstraintPrecheckTest {
  private static final Double[] SPEEDS = {null, 0.5, Math.nextDown(0.5), 0.4999, 1.5, Math.nextUp(1.5), 1.0,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
  private static final Double[] TIMES = {null, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-320, -1e-9, 5.0,
      Double.NaN, Double.NEGATIVE_INFINITY};
  private static final Integer[] VOLUMES = {null, -1, 0, 10, 11, Integer.MIN_VALUE, Integer.MAX_VALUE};
  private static final String[] TEXTS = {null, "", "abc", "abcd", "ab\uD83D\uDE00", "abc\uD83D\uDE00", "a\nbcd",
      "abcd\u2028", "abcd\u0085", "abcd\r", "abcd\u000B", "abcd\f", "x".repeat(2000), "x".repeat(2001),
      "\uD83D\uDE00".repeat(2000), "\uD83D\uDE00".repeat(1001)};
  private static final String[] URLS = {null, "http://a.example/v.mp4", "HTTPS://a", " \thttp:x", "ftp://a",
      "x http://a", "http" + "s".repeat(2) + "://a", "http://a/" + "x".repeat(990)};
  private static final String[] KEYS = {null, "", "female_1"};

  @Test
  void neverSaysPassWhenBeanValidationFindsAViolation() {
    Random random = new Random(20261129);
    int skipped = 0;
    for (int n = 0; n < 20_000; n++) {
      VideoMakeNoTrainPayload payload = randomPayload(random);
      boolean mayFail = ConstraintPrecheck.mayFail(payload);
      assertThat(ValueRules.check(payload, WirePaths.ROOT, new Findings()))
          .as("the validator's walk reaches the precheck's verdict: %s", payload).isEqualTo(mayFail);
      if (!mayFail) {
        skipped++;
        assertThat(BeanConstraints.violations(payload)).as(payload.toString()).isEmpty();
      }
    }
    assertThat(skipped).as("payloads the precheck passed").isGreaterThan(100);
  }

  private static VideoMakeNoTrainPayload randomPayload(Random random) {
    VideoMakeNoTrainPayload payload = new VideoMakeNoTrainPayload()
        .refVideoUrl(pick(random, URLS))
        .driverType(random.nextInt(8) == 0 ? null : VideoMakeNoTrainPayload.DriverTypeEnum.TEXT)
        .inputAudioUrl(pick(random, URLS))
        .callbackUrl(pick(random, URLS))
        .inputSsml(pick(random, TEXTS));
    if (random.nextBoolean()) {
      payload.speechParam(new SpeechParam().speed(pick(random, SPEEDS)).volume(pick(random, VOLUMES))
          .timbreKey(pick(random, KEYS)).emotionIntensity(pick(random, VOLUMES)));
    }
    if (random.nextBoolean()) {
      List<DisableInterval> intervals = null;
      if (random.nextBoolean()) {
        intervals = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
          intervals.add(random.nextInt(6) == 0 ? null
              : new DisableInterval().startTime(pick(random, TIMES)).endTime(pick(random, TIMES)));
        }
      }
      payload.videoParam(new VideoParam().startTime(pick(random, TIMES)).endTime(pick(random, TIMES))
          .refPhotoUrl(pick(random, URLS)).disableIntervals(intervals));
    }
    return payload;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
