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

  @Test
  void masksSecretParametersWhereverTheyStartIncludingAfterAnHtmlEscapedAmpersand() {
    assertThat(Redaction.maskQuery("https://e.com/cb?ivh_ref=1&amp;ivh_token=SECRETTOKENXYZ tail"))
        .isEqualTo("https://e.com/cb?ivh_ref=1&amp;ivh_token=**** tail");
    assertThat(Redaction.maskQuery("appkey=AK1&signature=S%2B1 and token=T1"))
        .isEqualTo("appkey=****&signature=**** and token=****");
    assertThat(Redaction.maskQuery("?myappkey=keep&notoken=keep")).isEqualTo("?myappkey=keep&notoken=keep");
  }
}
