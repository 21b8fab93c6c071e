package io.github.ivhclient.videomake.internal;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Masks the app key wherever a response repeats it (business errors such as "No project was
 * created for this appkey …" do), before any exception message or log line can quote it. Bodies
 * without the key pass through untouched; bodies larger than {@link #MAX_SCRUBBED_BYTES} are not
 * read ahead (the gateway's answers are a few kilobytes).
 */
public final class EchoScrubber implements Interceptor {
  static final long MAX_SCRUBBED_BYTES = 1 << 20;

  private final String appKey;
  private final String masked;

  public EchoScrubber(String appKey) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    this.masked = Redaction.mask(appKey);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body == null || body.contentLength() > MAX_SCRUBBED_BYTES) {
      return response;
    }
    String text = response.peekBody(MAX_SCRUBBED_BYTES).string();
    if (!text.contains(appKey)) {
      return response;
    }
    MediaType type = body.contentType();
    body.close();
    return response.newBuilder().body(ResponseBody.create(text.replace(appKey, masked), type)).build();
  }

  @Override
  public String toString() {
    return "EchoScrubber{appKey=" + masked + "}";
  }
}
