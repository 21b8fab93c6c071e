package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Redaction#maskUrl}: for URLs a caller configured, every credential-shaped part goes. */
class UrlMaskingTest {

  @Test
  void masksUserInfoAndEveryQueryAndFragmentValue() {
    assertThat(Redaction.maskUrl("https://bob:pa55@h.example.com:8443/p?a=1&b=two#c=3"))
        .isEqualTo("https://****@h.example.com:8443/p?a=****&b=****#c=****");
  }

  @Test
  void leavesAUrlWithoutSecretsAlone() {
    assertThat(Redaction.maskUrl("https://h.example.com/p/q")).isEqualTo("https://h.example.com/p/q");
    assertThat(Redaction.maskUrl("http://a b/?")).isEqualTo("http://a b/?");
    assertThat(Redaction.maskUrl(null)).isNull();
  }
}
