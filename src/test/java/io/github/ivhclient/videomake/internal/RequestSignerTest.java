package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

  @Test
  void publishedVectorOne() {
    String toSign = RequestSigner.stringToSign(Map.of("timestamp", "1717639699", "appkey", "example_appkey"));

    assertThat(toSign).isEqualTo("appkey=example_appkey&timestamp=1717639699");
    assertThat(RequestSigner.signature(toSign, "example_accesstoken"))
        .isEqualTo("aCNWYzZdplxWVo+JsqzZc9+J9XrwWWITfX3eQpsLVno=");
  }

  @Test
  void publishedVectorTwo() {
    String toSign = RequestSigner.stringToSign(
        Map.of("appkey", "e38267c0e86411ebb02aed82acb0ed99", "timestamp", "1646636485"));

    assertThat(RequestSigner.signature(toSign, "f68f2d10ae9e4604b76fb05cf46bccec"))
        .isEqualTo("BfWuaC9kmaicCggXc693uK+sZQ8qe88O4HVQNTdwZuo=");
  }

  @Test
  void signedUrlCarriesTheUrlEncodedSignatureByteForByte() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1717639699), ZoneOffset.UTC);
    RequestSigner signer = new RequestSigner("example_appkey", "example_accesstoken", clock);

    Request signed = signer.sign(new Request.Builder().url("https://gw.tvs.qq.com/v2/x").build());

    assertThat(signed.url().encodedQuery()).isEqualTo(
        "appkey=example_appkey&timestamp=1717639699&signature=aCNWYzZdplxWVo%2BJsqzZc9%2BJ9XrwWWITfX3eQpsLVno%3D");
  }

  @Test
  void resigningReplacesStaleParametersWithAFreshTimestamp() {
    Instant[] now = {Instant.ofEpochSecond(1_000)};
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    RequestSigner signer = new RequestSigner("k", "t", clock);
    Request first = signer.sign(new Request.Builder().url("https://h/p").build());
    now[0] = Instant.ofEpochSecond(1_060);

    Request second = signer.sign(first);

    HttpUrl url = second.url();
    assertThat(url.queryParameterValues("timestamp")).containsExactly("1060");
    assertThat(url.queryParameterValues("signature")).hasSize(1)
        .isNotEqualTo(first.url().queryParameterValues("signature"));
  }

  @Test
  void aUrlWithoutAQueryIsSignedAsOneWithStaleParameters() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1717639699), ZoneOffset.UTC);
    for (String appKey : new String[] {"example_appkey", "a+b c/d=e&f%20", "k\u00e9y-\u4e2d"}) {
      RequestSigner signer = new RequestSigner(appKey, "example_accesstoken", clock);

      HttpUrl plain = signer.sign(new Request.Builder().url("https://h/v2/x").build()).url();
      HttpUrl stale = signer.sign(new Request.Builder().url("https://h/v2/x?signature=old&timestamp=1").build()).url();

      assertThat(plain).as(appKey).isEqualTo(stale);
      assertThat(plain.queryParameter("appkey")).isEqualTo(appKey);
    }
  }

  @Test
  void toStringMasksTheAppKey() {
    assertThat(new RequestSigner("e38267c0e86411eb", "secret-token", Clock.systemUTC()).toString())
        .doesNotContain("e38267c0e86411eb").doesNotContain("secret-token");
  }
}
