package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Moshi conversion that tells an unreadable body apart from a failed exchange: parse failures of
 * a received body become {@link MalformedBodyException} (with an excerpt), never a plain I/O error.
 */
public final class EnvelopeConverterFactory extends Converter.Factory {
  private final MoshiConverterFactory moshi = MoshiConverterFactory.create(JsonSupport.moshi());

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
    return body -> {
      String text = body.string();
      try (ResponseBody copy = ResponseBody.create(text, body.contentType())) {
        return delegate.convert(copy);
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        throw new MalformedBodyException(e.getMessage(), text, e);
      }
    };
  }

  @Override
  public Converter<?, okhttp3.RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  /** A 2xx body arrived whole but is not the expected JSON. */
  public static final class MalformedBodyException extends IOException {
    private final String body;

    MalformedBodyException(String detail, String body, Throwable cause) {
      super(detail, cause);
      this.body = body;
    }

    /** The body as received (the caller cuts it to an excerpt). */
    public String body() {
      return body;
    }
  }
}
