package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.TaskStatus;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Moshi conversion that tells an unreadable body apart from a failed exchange: parse failures of
 * a received body become {@link MalformedBodyException} (with an excerpt), never a plain I/O error.
 * It reads at most {@link ResponseBodies#MAX_BYTES}; a longer body is malformed too. A progress
 * payload whose {@code Status} the spec does not list keeps the text ({@link RawStatusProgress}).
 */
public final class EnvelopeConverterFactory extends Converter.Factory {
  private static final JsonAdapter<Object> JSON_TREE = JsonSupport.moshi().adapter(Object.class);
  private static final JsonAdapter<RawStatusProgress> RAW_STATUS_PROGRESS =
      JsonSupport.moshi().adapter(RawStatusProgress.class);

  private final MoshiConverterFactory moshi = MoshiConverterFactory.create(JsonSupport.moshi());

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
    return body -> {
      MediaType contentType = body.contentType();
      ResponseBodies.Head head = ResponseBodies.read(body, contentType);
      String text = head.text();
      if (head.oversized()) {
        throw new MalformedBodyException("body larger than " + ResponseBodies.MAX_BYTES + " bytes", text, null);
      }
      String json = stripBom(text);
      if (!PlainJson.test(json)) {
        Object tree = treeOf(json, text);
        if (tree instanceof Map<?, ?> envelope && wholeProgress(envelope)) {
          text = JSON_TREE.toJson(envelope);
        }
      }
      try (ResponseBody copy = ResponseBody.create(text, contentType)) {
        Object converted = delegate.convert(copy);
        if (converted instanceof GetProgressResponse progress) {
          keepUnknownStatus(progress, text);
        }
        return converted;
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        throw new MalformedBodyException(e.getMessage(), text, e);
      }
    };
  }

  /** Replaces a payload whose Status fell back to the enum's unknown constant by one that keeps the text. */
  private static void keepUnknownStatus(GetProgressResponse response, String text) throws IOException {
    if (response.getPayload() == null || response.getPayload().getStatus() != TaskStatus.UNKNOWN_DEFAULT_OPEN_API) {
      return;
    }
    // The first parse succeeded, so Payload is an object and Status a string. Moshi's converter
    // skipped a byte order mark; a plain read of the text would not.
    Object payload = ((Map<?, ?>) JSON_TREE.fromJson(stripBom(text))).get("Payload");
    RawStatusProgress progress = RAW_STATUS_PROGRESS.fromJsonValue(payload);
    progress.rawStatus((String) ((Map<?, ?>) payload).get("Status"));
    response.setPayload(progress);
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The body as a tree, or {@code null} when it is not JSON (the typed conversion then says why).
   * A key repeated in one object is refused ({@link JsonSupport#duplicateKey}).
   */
  private static Object treeOf(String json, String text) throws MalformedBodyException {
    try {
      return JSON_TREE.fromJson(json);
    } catch (JsonDataException e) {
      String duplicate = JsonSupport.duplicateKey(e);
      if (duplicate != null) {
        throw new MalformedBodyException("a key appears twice in one object: " + duplicate, text, e);
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A progress whose {@code Payload.Progress} is a fraction (42.5) is read as its whole part, so a
   * wait goes on instead of failing on an unreadable answer; true when it rewrote the tree.
   */
  @SuppressWarnings("unchecked")
  private static boolean wholeProgress(Map<?, ?> envelope) {
    if (envelope.get("Payload") instanceof Map<?, ?> payload && payload.get("Progress") instanceof Double progress
        && Double.isFinite(progress) && progress != Math.rint(progress)
        && Math.abs(progress) < Integer.MAX_VALUE) {
      ((Map<Object, Object>) payload).put("Progress", Math.floor(progress));
      return true;
    }
    return false;
  }

  @Override
  public Converter<?, okhttp3.RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  /** A 2xx body arrived but is not the expected JSON, or is larger than the client reads. */
  public static final class MalformedBodyException extends IOException {
    private final String body;

    MalformedBodyException(String detail, String body, Throwable cause) {
      super(detail, cause);
      this.body = body;
    }

    /** The body as received, at most {@link ResponseBodies#MAX_BYTES} of it (the caller cuts it to an excerpt). */
    public String body() {
      return body;
    }
  }
}
