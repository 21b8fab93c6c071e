package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.IvhHttpException;
import org.junit.jupiter.api.Test;

class EnvelopeUnwrapperTest {
  private static final int MAX = IvhHttpException.MAX_BODY_EXCERPT;
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void aShortBodyIsKeptWhole() {
    assertThat(EnvelopeUnwrapper.excerpt("{\"a\":1}")).isEqualTo("{\"a\":1}");
    assertThat(EnvelopeUnwrapper.excerpt(null)).isEmpty();
    assertThat(EnvelopeUnwrapper.excerpt("x".repeat(MAX))).hasSize(MAX);
  }

  @Test
  void aLongBodyIsCutBeforeASurrogatePairItWouldSplit() {
    assertThat(EnvelopeUnwrapper.excerpt("x".repeat(MAX - 1) + EMOJI)).isEqualTo("x".repeat(MAX - 1));
    assertThat(EnvelopeUnwrapper.excerpt("x".repeat(MAX - 2) + EMOJI + "y")).isEqualTo("x".repeat(MAX - 2) + EMOJI);
    assertThat(EnvelopeUnwrapper.excerpt("x".repeat(MAX) + EMOJI)).isEqualTo("x".repeat(MAX));
  }

  @Test
  void secretsInTheExcerptAreMasked() {
    assertThat(EnvelopeUnwrapper.excerpt("bad call /x?appkey=AKsecret&signature=abc%3D"))
        .isEqualTo("bad call /x?appkey=****&signature=****");
  }
}
