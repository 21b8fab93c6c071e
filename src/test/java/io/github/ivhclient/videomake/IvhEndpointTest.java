package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IvhEndpointTest {

  @ParameterizedTest
  @CsvSource({
      "http://127.0.0.1:8080,             http://127.0.0.1:8080/",
      "http://127.0.0.2,                  http://127.0.0.2/",
      "http://[::1]:4010,                 http://[::1]:4010/",
      "http://localhost:4010,             http://localhost:4010/",
      "HTTP://LOCALHOST:4010,             http://LOCALHOST:4010/",
      "https://gw.example.com,            https://gw.example.com/",
      "https://203.0.113.7:8443,          https://203.0.113.7:8443/",
      "https://proxy.example.com/ivh,     https://proxy.example.com/ivh/",
      "https://proxy.example.com/ivh/,    https://proxy.example.com/ivh/",
      "'  https://gw.example.com/  ',     https://gw.example.com/",
  })
  void acceptsHttpsAnywhereAndPlainHttpOnlyOnLoopback(String url, String baseUri) {
    assertThat(IvhEndpoint.custom(url).baseUri()).hasToString(baseUri);
  }

  @Test
  void aPathPrefixIsKeptForEveryCall() {
    assertThat(IvhEndpoint.custom("https://proxy.example.com/a/b").baseUri().resolve("v2/ivh/x"))
        .hasToString("https://proxy.example.com/a/b/v2/ivh/x");
  }

  @ParameterizedTest
  @CsvSource({
      "http://gw.example.com,              plain http is allowed only for loopback addresses",
      "http://10.0.0.5:8080,               plain http is allowed only for loopback addresses",
      "http://localhost.example.com,       plain http is allowed only for loopback addresses",
      "http://[::2],                       plain http is allowed only for loopback addresses",
      "/v2/ivh,                            must be an absolute http(s) URL",
      "gw.example.com,                     must be an absolute http(s) URL",
      "ftp://gw.example.com,               must be an absolute http(s) URL",
      "https:relative,                     must be an absolute http(s) URL",
      "https://gw.example.com/?x=1,        must not have a query or fragment",
      "https://gw.example.com/#top,        must not have a query or fragment",
      "https://user@gw.example.com,        must not carry user info",
      "http://a b,                         is not a URL",
  })
  void rejects(String url, String rule) {
    assertThatThrownBy(() -> IvhEndpoint.custom(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rule);
  }

  @Test
  void userInfoIsRejectedAndNeverEchoed() {
    assertThatThrownBy(() -> IvhEndpoint.custom("https://admin:s3cr3tPass@gw.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry user info")
        .hasMessageContaining("https://****@gw.example.com/")
        .hasMessageNotContaining("s3cr3tPass")
        .hasMessageNotContaining("admin");
  }

  @Test
  void queryValuesAreMaskedInTheMessage() {
    assertThatThrownBy(() -> IvhEndpoint.custom("https://gw.example.com/?appkey=AKsecret1&token=t0k3n#frag=f"))
        .hasMessageContaining("?appkey=****&token=****#frag=****")
        .hasMessageNotContaining("AKsecret1")
        .hasMessageNotContaining("t0k3n");
    assertThatThrownBy(() -> IvhEndpoint.custom("http://gw.example.com/?sig=abc"))
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> IvhEndpoint.custom("http://a b/?key=v4lue"))
        .hasMessageContaining("is not a URL")
        .hasMessageNotContaining("v4lue")
        .hasNoCause();
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> IvhEndpoint.custom(null)).isInstanceOf(NullPointerException.class).hasMessage("url");
  }

  @Test
  void theBuilderShorthandAppliesTheSameRules() {
    assertThatThrownBy(() -> IvhClient.builder().endpoint("http://gw.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(IvhEndpoint.custom("https://gw.example.com")).isEqualTo(IvhEndpoint.custom("https://gw.example.com/"));
  }
}
