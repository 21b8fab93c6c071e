package io.github.ivhclient.videomake.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Masks the app key wherever a response repeats it (business errors such as "No project was
 * created for this appkey …" do), and the request's signature wherever it is echoed, under any
 * name, before any exception message, body excerpt or log line can quote it: every answer, 2xx
 * or not, of every call, blocking or not, passes here. Only whole
 * tokens are masked, the key with no ASCII letter or digit on either side, so a short key does
 * not garble words that contain it; a key next to Chinese text or punctuation is still masked.
 *
 * <p>It also caps what is read: a body longer than {@link ResponseBodies#MAX_BYTES} is cut to
 * that many bytes plus one, so readers still see that it is oversized (and refuse it) while no
 * more of it is ever read or held in memory. Retrofit buffers a non-2xx body whole, so the cap
 * must come before it.
 */
public final class CappingEchoScrubber implements Interceptor {
  /** Shorter "signatures" (none the signer makes) are not masked: they would garble ordinary words. */
  private static final int MIN_SIGNATURE_LENGTH = 16;

  private final Pattern appKeyToken;
  private final String masked;
  /** The app key's bytes when it is ASCII (then the same in every UTF-8 body), else {@code null}. */
  private final ByteString asciiAppKey;

  public CappingEchoScrubber(String appKey) {
    Objects.requireNonNull(appKey, "appKey");
    this.appKeyToken = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(appKey) + "(?![A-Za-z0-9])");
    this.masked = Redaction.mask(appKey);
    this.asciiAppKey = StandardCharsets.US_ASCII.newEncoder().canEncode(appKey) ? ByteString.encodeUtf8(appKey) : null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    MediaType type = body.contentType();
    Charset charset = ResponseBodies.charsetOf(type);
    String signature = chain.request().url().queryParameter(RequestSigner.SIGNATURE);
    BufferedSource source = body.source();
    boolean overCap = source.request(ResponseBodies.MAX_BYTES + 1L);
    if (!overCap && UTF_8.equals(charset) && !quotesSecret(source.getBuffer(), signature)) {
      // The usual answer: read whole, under the cap, quoting neither secret. The masking below
      // would change nothing, so its bytes stay where they are, with the Content-Type parsed once.
      return response.newBuilder().body(ResponseBody.create(source, type, body.contentLength())).build();
    }
    byte[] bytes;
    try (body) {
      bytes = ResponseBodies.readAtMost(source, ResponseBodies.MAX_BYTES + 1L);
    }
    int headLength = Math.min(bytes.length, ResponseBodies.MAX_BYTES);
    String head = new String(bytes, 0, headLength, charset);
    Buffer scrubbed = new Buffer();
    String clean = withoutSignature(withoutAppKey(head), signature);
    if (!clean.equals(head)) {
      scrubbed.write(clean.getBytes(charset));
    } else {
      scrubbed.write(bytes, 0, headLength);
    }
    if (bytes.length > ResponseBodies.MAX_BYTES) {
      // Stays one byte over the cap (padded if masking shortened it) so readers still refuse it;
      // nothing ever quotes past the cap.
      while (scrubbed.size() <= ResponseBodies.MAX_BYTES) {
        scrubbed.writeByte(' ');
      }
    }
    return response.newBuilder().body(ResponseBody.create(scrubbed.readByteArray(), type)).build();
  }

  /**
   * Whether a UTF-8 body may quote the app key or the signature, in any form masked below: an
   * ASCII string is in the decoded text exactly when its bytes are in the body's bytes.
   */
  private boolean quotesSecret(Buffer body, String signature) throws IOException {
    if (asciiAppKey == null || body.indexOf(asciiAppKey) >= 0) {
      return true;
    }
    if (signature == null || signature.length() < MIN_SIGNATURE_LENGTH) {
      return false;
    }
    return body.indexOf(ByteString.encodeUtf8(signature)) >= 0
        || body.indexOf(ByteString.encodeUtf8(URLEncoder.encode(signature, UTF_8))) >= 0;
  }

  private String withoutAppKey(String text) {
    Matcher echo = appKeyToken.matcher(text);
    return echo.find() ? echo.replaceAll(Matcher.quoteReplacement(masked)) : text;
  }

  /**
   * The request's own signature, wherever it appears and whatever the text calls it ({@code sig=},
   * a JSON field, a quoted URL), as sent or percent-encoded.
   */
  private static String withoutSignature(String text, String signature) {
    if (signature == null || signature.length() < MIN_SIGNATURE_LENGTH) {
      return text;
    }
    String result = text;
    for (String form : new String[] {signature, URLEncoder.encode(signature, UTF_8)}) {
      if (result.contains(form)) {
        result = result.replace(form, Redaction.mask(signature));
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "CappingEchoScrubber{appKey=" + masked + "}";
  }
}
