package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-URL shortcut reads the file name without {@link HttpUrl}: wherever it answers, HttpUrl
 * must parse the URL and give the same last path segment, so the findings are the same.
 */
class UrlRulesTest {
  private static final String ALPHABET = "hHtps:/.-_~%?#@[]\\ aAzZ09xn\u00E9\u2028\t";

  @ParameterizedTest
  @ValueSource(strings = {
      "http://virtualhuman-cos-test-1251316161.cos.ap-nanjing.myqcloud.com/ref_video.mp4",
      "https://a.example/v.mp4?sig=abc%2F&x=1#frag",
      "https://a.example",
      "https://a.example/",
      "https://a.example/dir/",
      "http://x/a;b=c/file.name.MP4",
  })
  void plainUrlsReadTheSameFileNameAsHttpUrl(String url) {
    assertThat(UrlRules.plainFileName(url)).isNotNull();
    assertSameAsHttpUrl(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP://a.example/v.mp4", "http://a.example:8080/v.mp4", "http://u@a.example/v.mp4",
      "http://1.2.3.4/v.mp4", "http://a.example/%76.mp4", "http://a.example/x/../v.mp4", "http://a.example/.",
      "http://a..example/v.mp4", "http://-a.example/v.mp4", "http://a.example\\v.mp4", "http://xn--nxasmq6b/v.mp4",
      "http://a.example/v .mp4", " http://a.example/v.mp4", "http://a_b.example/v.mp4", "http:/a.example",
  })
  void everythingElseGoesThroughHttpUrl(String url) {
    assertThat(UrlRules.plainFileName(url)).isNull();
  }

  @Test
  void randomUrlsAgreeWithHttpUrl() {
    Random random = new Random(20261129);
    List<String> starts = List.of("http://", "https://", "http://a.b", "https://h.example/", "http://x/");
    for (int n = 0; n < 200_000; n++) {
      StringBuilder url = new StringBuilder(starts.get(random.nextInt(starts.size())));
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        url.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertSameAsHttpUrl(url.toString());
    }
  }

  private static void assertSameAsHttpUrl(String url) {
    String plain = UrlRules.plainFileName(url);
    if (plain != null) {
      HttpUrl parsed = HttpUrl.parse(url);
      assertThat(parsed).as(url).isNotNull();
      List<String> segments = parsed.pathSegments();
      assertThat(plain).as(url).isEqualTo(segments.get(segments.size() - 1));
    }
  }
}
