package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLineTest {

  @Test
  void aShortOneLineTextIsKeptAsItIs() {
    assertThat(FailureLine.of("getProgress: HTTP 502: bad gateway (RequestID r-1)", List.of("RequestID r-1")))
        .isEqualTo("getProgress: HTTP 502: bad gateway (RequestID r-1)");
  }

  @Test
  void whitespaceRunsIncludingNewlinesBecomeOneSpace() {
    assertThat(FailureLine.of("  HTTP 502:\n<html>\r\n\t<body>  x </body>\n", List.of()))
        .isEqualTo("HTTP 502: <html> <body> x </body>");
  }

  @Test
  void aLongTextIsCutToTheLimitAndEndsWithAnEllipsis() {
    String line = FailureLine.of("Header.Code=7 RequestID r-1 " + "word ".repeat(200), List.of("Header.Code=7"));
    assertThat(line.length()).isBetween(FailureLine.MAX_LENGTH - 5, FailureLine.MAX_LENGTH);
    assertThat(line).startsWith("Header.Code=7 RequestID r-1 word")
        .endsWith(FailureLine.ELLIPSIS);
  }

  @Test
  void essentialsBeyondTheCutAreAppendedAfterTheEllipsis() {
    String line = FailureLine.of("HTTP 502: " + "x".repeat(1000) + " (RequestID req-far)",
        List.of("RequestID req-far"));
    assertThat(line).startsWith("HTTP 502: xxx").endsWith(FailureLine.ELLIPSIS + " (RequestID req-far)");
    assertThat(line.length()).isLessThanOrEqualTo(FailureLine.MAX_LENGTH);
  }

  @Test
  void theCutNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String line = FailureLine.of("a" + emoji.repeat(400), List.of());
    String head = line.substring(0, line.length() - FailureLine.ELLIPSIS.length());
    assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
  }
}
