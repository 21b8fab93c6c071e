package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationIssue.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsmlCheckerTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Hello, world",
      "Tom &amp; Jerry &lt;3 &#20320; &#x597D; &quot;hi&quot; &apos;x&apos; a > b",
      "I am <phoneme alphabet=\"py\" ph=\"fu4\">福</phoneme> here",
      "I am <phoneme alphabet='py' ph='lv4'>绿</phoneme> here",
      "wait<break/>now<break time=\"500ms\"/>or<break time=\"0.5s\"/>and<break time=\"1.5s\" strength=\"x-strong\"/>go",
      "wait <break></break> go",
      "<word>hello world</word> and <word>你好</word>",
  })
  void acceptsWellFormedDocumentedMarkup(String ssml) {
    assertThat(SsmlChecker.check(ssml)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tom & Jerry                                   | ssmlWellFormed | unescaped '&' at character 5",
      "Tom &amp Jerry                                | ssmlWellFormed | unescaped '&'",
      "1 < 2 indeed                                  | ssmlWellFormed | unescaped '<' at character 3",
      "<word>hello                                   | ssmlWellFormed | <word> at character 1 is never closed",
      "<word>hello</phoneme>                         | ssmlWellFormed | does not close <word>",
      "hello</word>                                  | ssmlWellFormed | closes nothing",
      "<word>a<break/></word></word>                 | ssmlWellFormed | closes nothing",
      "<break time=500ms/> go                        | ssmlWellFormed | needs a quoted value",
      "<break time/> go                              | ssmlWellFormed | has no value",
      "<break time=\"1&2\"/> go                      | ssmlWellFormed | unescaped '<' or '&'",
      "<break time=\"1ms\" time=\"2ms\"/> go         | ssmlWellFormed | repeated",
      "<word x=\"1\" hello                          | ssmlWellFormed | has no value",
      "<word x=\"1\"                                | ssmlWellFormed | not closed with '>'",
      "<!-- note --> text                            | ssmlWellFormed | unescaped '<'",
      "<phoneme ph=\"fu4\">福</phoneme>              | ssmlPhoneme    | needs alphabet=\"py\"",
      "<phoneme alphabet=\"ipa\" ph=\"fu4\">福</phoneme> | ssmlPhoneme | needs alphabet=\"py\"",
      "<phoneme alphabet=\"py\">福</phoneme>         | ssmlPhoneme    | needs ph",
      "<phoneme alphabet=\"py\" ph=\"fu\">福</phoneme>   | ssmlPhoneme | tone digit",
      "<phoneme alphabet=\"py\" ph=\"fu9\">福</phoneme>  | ssmlPhoneme | tone digit",
      "<phoneme alphabet=\"py\" ph=\"fu4\"><word>福</word></phoneme> | ssmlPhoneme | text only",
      "a<break>x</break>b                            | ssmlBreak      | must be empty",
      "a<break time=\"500\"/>b                       | ssmlBreak      | unit ms or s",
      "a<break time=\"-1s\"/>b                       | ssmlBreak      | unit ms or s",
      "a<break time=\"0ms\"/>b                       | ssmlBreak      | unit ms or s",
      "a<break time=\"0.0s\"/>b                      | ssmlBreak      | unit ms or s",
      "a<break strength=\"loud\"/>b                  | ssmlBreak      | strength must be one of x-weak, weak, medium, strong, x-strong",
      "say <word> </word> now                        | ssmlWord       | must wrap a word",
  })
  void rejectsBrokenOrMisusedMarkup(String ssml, String rule, String messagePart) {
    List<ValidationIssue> issues = SsmlChecker.check(ssml.strip());

    assertThat(issues).filteredOn(i -> i.severity() == Severity.ERROR)
        .anySatisfy(i -> {
          assertThat(i.path()).isEqualTo("Payload.InputSsml");
          assertThat(i.rule()).isEqualTo(rule);
          assertThat(i.message()).contains(messagePart);
        });
  }

  @Test
  void warnsOfUndocumentedTagsAndOfUndocumentedAttributesOnDocumentedTags() {
    List<ValidationIssue> issues = SsmlChecker.check(
        "<speak>Hi <say-as interpret-as=\"digits\">12</say-as><break time=\"1s\" pitch=\"x\"/></speak>");

    assertThat(issues).allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.WARNING));
    assertThat(issues).extracting(ValidationIssue::rejectedValue)
        .containsExactlyInAnyOrder("speak", "say-as", "pitch");
  }

  @Test
  void aPhonemeOverSeveralCharactersIsOnlyAWarningBecauseTheTablesOwnExampleDoesIt() {
    List<ValidationIssue> issues = SsmlChecker.check(
        "Hello, I am the virtual <phoneme alphabet=\"py\" ph=\"fu4\">anchor</phoneme>");

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.severity()).isEqualTo(Severity.WARNING);
      assertThat(i.rule()).isEqualTo("ssmlPhoneme");
      assertThat(i.rejectedValue()).isEqualTo("anchor");
    });
  }

  @Test
  void aPhonemeOverOneAstralCharacterCountsOneCodePoint() {
    assertThat(SsmlChecker.check("x <phoneme alphabet=\"py\" ph=\"ci2\">𠀀</phoneme>")).isEmpty();
  }

  @Test
  void positionsCountCodePointsAsTheGatewayCountsCharacters() {
    assertThat(SsmlChecker.check("😀😀😀😀 a & b")).singleElement()
        .satisfies(i -> assertThat(i.message()).contains("at character 8"));
  }

  @Test
  void theEchoedNeighbourhoodNeverSplitsASurrogatePair() {
    String ssml = "< " + "😀".repeat(60);
    assertThat(SsmlChecker.check(ssml)).singleElement().satisfies(i -> {
      assertThat(i.rejectedValue()).endsWith("…");
      String echoed = i.rejectedValue().substring(0, i.rejectedValue().length() - 1);
      assertThat(echoed.codePointCount(0, echoed.length())).isEqualTo(40);
      assertThat(Character.isHighSurrogate(echoed.charAt(echoed.length() - 1))).isFalse();
    });
  }

  @Test
  void nullHasNoMarkupProblems() {
    assertThat(SsmlChecker.check(null)).isEmpty();
  }

  /** The scan the checker uses reads pinyin exactly as the published pattern does. */
  @Test
  void thePinyinScanAgreesWithThePattern() {
    String alphabet = "aZüÜvé15609 -\u00FC";
    java.util.Random random = new java.util.Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(9); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(SsmlChecker.isPinyin(text)).as(text.toString())
          .isEqualTo(SsmlChecker.PINYIN.matcher(text).matches());
    }
    assertThat(SsmlChecker.isPinyin("lü3")).isTrue();
    assertThat(SsmlChecker.isPinyin("zhuang1")).isTrue();
    assertThat(SsmlChecker.isPinyin("zhuangg1")).isFalse();
  }
}
