package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ivhclient.videomake.IvhCallbackException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackUrlsTest {
  private static final String SECRET = "0123456789abcdef-application-secret";
  private final CallbackUrls urls = CallbackUrls.withSecret(SECRET);

  private void assertForged(String url) {
    assertThatThrownBy(() -> urls.verify(url))
        .as(url)
        .isInstanceOfSatisfying(IvhCallbackException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
          assertThat(e.reason().httpStatus()).isEqualTo(403);
          assertThat(e.getMessage()).doesNotContain(SECRET);
        });
  }

  private static String token(String url) {
    return url.substring(url.indexOf("ivh_token=") + "ivh_token=".length());
  }

  @Test
  void mintedUrlVerifiesAndReturnsTheCorrelationId() {
    String url = urls.mint("https://app.example.com/ivh/callback", "order-42");

    assertThat(url).startsWith("https://app.example.com/ivh/callback?ivh_ref=order-42&ivh_token=");
    assertThat(token(url)).matches("[A-Za-z0-9_-]{43}");
    assertThat(urls.verify(url)).isEqualTo("order-42");
  }

  @Test
  void verifyAcceptsThePathAndQueryAServerSeesBehindAProxy() {
    String url = urls.mint("https://app.example.com/ivh/callback?tenant=a%20b", "id with spaces & symbols/é");
    URI uri = URI.create(url);

    assertThat(urls.verify(uri.getRawPath() + "?" + uri.getRawQuery())).isEqualTo("id with spaces & symbols/é");
    assertThat(urls.verify(url.replace("https://app.example.com", "http://10.0.0.7:8080"))).isEqualTo("id with spaces & symbols/é");
  }

  @Test
  void anotherSecretsTokenIsRefused() {
    String url = CallbackUrls.withSecret("another-secret-of-16+bytes").mint("https://app.example.com/cb", "order-42");

    assertForged(url);
  }

  @Test
  void missingOrDuplicatedTokenIsRefused() {
    String url = urls.mint("https://app.example.com/cb", "order-42");

    assertForged("https://app.example.com/cb?ivh_ref=order-42");
    assertForged("https://app.example.com/cb");
    assertForged(url + "&ivh_token=" + token(url));
    assertForged(url.replace("ivh_ref=order-42&", ""));
  }

  @Test
  void alteredRefPathOrParameterIsRefused() {
    String url = urls.mint("https://app.example.com/cb?tenant=a", "order-42");

    assertForged(url.replace("order-42", "order-43"));
    assertForged(url.replace("/cb?", "/cb2?"));
    assertForged(url.replace("tenant=a", "tenant=b"));
    assertForged(url.replace("tenant=a&", ""));
    assertForged(url + "&admin=1");
    String token = token(url);
    assertForged(url.replace(token, token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A')));
    assertForged(url.replace(token, ""));
    assertForged("https://app.example.com/cb?tenant=a&ivh_ref=%zz&ivh_token=" + token);
    assertThat(urls.verify(url)).isEqualTo("order-42");
  }

  @Test
  void reorderedParametersStillVerify() {
    String url = urls.mint("https://app.example.com/cb?tenant=a", "order-42");
    URI uri = URI.create(url);
    String[] p = uri.getRawQuery().split("&");

    assertThat(urls.verify(uri.getRawPath() + "?" + p[2] + "&" + p[1] + "&" + p[0])).isEqualTo("order-42");
  }

  @Test
  void mintRefusesUnusableInputsAndTooLongUrls() {
    assertThatThrownBy(() -> urls.mint("ftp://app.example.com/cb", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.mint("/cb", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.mint("https://app.example.com/cb#frag", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.mint("https://app.example.com/cb?ivh_ref=1", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.mint("https://app.example.com/cb", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> urls.mint(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("baseUrl");

    String base = "https://app.example.com/cb";
    int room = CallbackUrls.MAX_URL_LENGTH - (base.length() + "?ivh_ref=".length() + "&ivh_token=".length() + 43);
    assertThat(urls.mint(base, "r".repeat(room))).hasSize(CallbackUrls.MAX_URL_LENGTH);
    assertThatThrownBy(() -> urls.mint(base, "r".repeat(room + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000")
        .hasMessageNotContaining("ivh_token=");
  }

  @Test
  void secretIsLongEnoughAndNeverShown() {
    assertThatThrownBy(() -> CallbackUrls.withSecret("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
    byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
    CallbackUrls fromBytes = CallbackUrls.withSecret(bytes);
    bytes[0] ^= 1; // changing the caller's array later changes nothing

    assertThat(fromBytes.verify(urls.mint("https://app.example.com/cb", "x"))).isEqualTo("x");
    assertThat(urls.toString()).doesNotContain(SECRET).doesNotContain("0123");
  }
}
