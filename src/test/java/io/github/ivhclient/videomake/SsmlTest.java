package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.internal.SsmlChecker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SsmlTest {

  @Test
  void buildsEscapedTextAndTheDocumentedTags() {
    String ssml = Ssml.builder()
        .text("Tom & Jerry <3 \"quotes\" ")
        .phoneme("好", "hao3")
        .pause(Duration.ofMillis(500))
        .pause(Ssml.BreakStrength.X_STRONG)
        .word("friends")
        .build();

    assertThat(ssml).isEqualTo("Tom &amp; Jerry &lt;3 &quot;quotes&quot; "
        + "<phoneme alphabet=\"py\" ph=\"hao3\">好</phoneme><break time=\"500ms\"/>"
        + "<break strength=\"x-strong\"/><word>friends</word>");
    assertThat(SsmlChecker.check(ssml)).isEmpty();
  }

  @Test
  void refusesLineBreaks() {
    assertThatThrownBy(() -> Ssml.builder().text("one\ntwo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line breaks");
    assertThatThrownBy(() -> Ssml.builder().word("a\rb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line breaks");
  }

  @Test
  void refusesAPhonemeThatIsNotOneCharacterWithATonedSyllable() {
    assertThatThrownBy(() -> Ssml.builder().phoneme("好人", "hao3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> Ssml.builder().phoneme(" ", "hao3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> Ssml.builder().phoneme("好", "hao"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tone digit");
    assertThatThrownBy(() -> Ssml.builder().phoneme("好", "hao3\" x=\"1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tone digit");
    assertThat(Ssml.builder().text("x").phoneme("𠀀", "ci2").build()).contains(">𠀀<");
  }

  @Test
  void refusesNonPositivePausesAndBlankWords() {
    assertThatThrownBy(() -> Ssml.builder().pause(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    assertThatThrownBy(() -> Ssml.builder().pause(Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    assertThat(Ssml.builder().text("a").pause(Duration.ofMillis(1)).build()).endsWith("<break time=\"1ms\"/>");
    assertThatThrownBy(() -> Ssml.builder().word("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void enforcesTheLengthInCodePointsIncludingMarkup() {
    assertThatThrownBy(() -> Ssml.builder().text("abc").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3");
    assertThat(Ssml.builder().text("abcd").build()).isEqualTo("abcd");
    String emoji = "😀".repeat(2000);
    assertThat(Ssml.builder().text(emoji).build()).hasSize(4000);
    assertThatThrownBy(() -> Ssml.builder().text(emoji + "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2001");
  }
}
