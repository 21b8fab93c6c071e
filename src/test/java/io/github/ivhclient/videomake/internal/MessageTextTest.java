package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PT0.25S, 250ms", "PT0S, 0ms", "PT1S, 1s", "PT1.5S, 1.5s", "PT1.05S, 1.05s", "PT2M30S, 2m30s", "PT10M, 10m",
      "PT1H, 1h", "PT26H5M, 26h5m", "PT1H0.001S, 1h0.001s", "PT-2S, -2s"})
  void durationsReadAsPeopleWriteThem(Duration duration, String text) {
    assertThat(MessageText.duration(duration)).isEqualTo(text);
  }

  @Test
  void oneLineNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    assertThat(MessageText.oneLine("x".repeat(9) + emoji, 10)).isEqualTo("x".repeat(9) + "…");
    assertThat(MessageText.oneLine("x".repeat(8) + emoji + "y", 10)).isEqualTo("x".repeat(8) + emoji + "…");
    assertThat(MessageText.oneLine(null, 10)).isEmpty();
    assertThat(MessageText.oneLine(" \n ", 10)).isEmpty();
  }
}
