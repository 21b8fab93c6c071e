package io.github.ivhclient.videomake;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.ivhclient.videomake.IvhCallbackException.Reason;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.MessageText;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.model.CallbackPayload;
import io.github.ivhclient.videomake.model.CallbackRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the body the gateway POSTs to {@code CallbackUrl} when a task ends,
 * {@code {"Payload":{"TaskId","Status","Progress","MediaUrl","SubtitlesUrl","FailMessage"}}}, into
 * the same {@link TaskResult} the waiter returns. Fields it does not know are ignored; a body that
 * is not a result is refused with an {@link IvhCallbackException}. Immutable and thread-safe.
 *
 * <p>The gateway does not sign callbacks: verify the URL with {@link CallbackUrls#verify} before
 * trusting a body, and answer quickly (the gateway sends each callback once and never retries).
 *
 * <pre>{@code
 * CallbackParser parser = new CallbackParser();
 * TaskResult result = parser.parse(bodyBytes);   // or parser.parse(exchange.getRequestBody())
 * if (result.isSuccess()) download(result.mediaUrl());
 * }</pre>
 */
public final class CallbackParser {
  /** The default limit on a body's size: 64 KiB, far above any real callback. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private static final JsonAdapter<Object> ANY = JsonSupport.moshi().adapter(Object.class);
  private static final JsonAdapter<CallbackRequest> REQUEST = JsonSupport.moshi().adapter(CallbackRequest.class);

  private final int maxBodyBytes;
  private final Clock clock;

  /** A parser with the {@link #DEFAULT_MAX_BODY_BYTES} limit and the system clock. */
  public CallbackParser() {
    this(builder());
  }

  private CallbackParser(Builder b) {
    this.maxBodyBytes = b.maxBodyBytes;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The largest body accepted, in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Reads a callback body from a stream (e.g. {@code HttpExchange.getRequestBody()}), reading no
   * more than the limit plus one byte. The stream is not closed.
   *
   * @throws IvhCallbackException if the body is too large or not a result
   * @throws UncheckedIOException if the stream fails
   */
  public TaskResult parse(InputStream body) {
    Objects.requireNonNull(body, "body");
    try {
      return parse(body.readNBytes(maxBodyBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the callback body", e);
    }
  }

  /**
   * Reads a callback body.
   *
   * @return the result; {@link TaskResult#observedAt()} is now, by this parser's clock, and so
   *     {@link TaskResult#expiresAt()} is 7 days from now (the gateway sends the callback when the task ends)
   * @throws IvhCallbackException if the body is too large or not a result
   */
  public TaskResult parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length > maxBodyBytes) {
      throw new IvhCallbackException(Reason.TOO_LARGE,
          "the body is larger than the limit of " + maxBodyBytes + " bytes", null);
    }
    String text = new String(body, StandardCharsets.UTF_8);
    // A byte order mark is read as in the client's answers (Moshi's converter skips one there).
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw malformed("the body is empty", null);
    }
    Object tree;
    try {
      tree = ANY.fromJson(text);
    } catch (JsonDataException e) {
      String duplicate = JsonSupport.duplicateKey(e);
      throw malformed(duplicate != null ? "a key appears twice in one object: " + duplicate
          : "the body is not JSON (" + Redaction.maskQuery(e.getMessage()) + ")", e);
    } catch (IOException e) {
      throw malformed("the body is not JSON (" + Redaction.maskQuery(e.getMessage()) + ")", e);
    }
    if (!(tree instanceof Map<?, ?> envelope)) {
      throw malformed("the body is not a JSON object", null);
    }
    if (!(envelope.get("Payload") instanceof Map<?, ?> rawPayload)) {
      throw malformed("Payload: required, must be an object", null);
    }
    CallbackPayload payload;
    try {
      // From the text, not the tree: the tree holds numbers as doubles, and a numeric TaskId must keep its digits.
      payload = REQUEST.fromJson(text).getPayload();
    } catch (IOException | JsonDataException e) {
      throw malformed("a field has the wrong type (" + Redaction.maskQuery(e.getMessage()) + ")", e);
    }
    if (payload.getTaskId() == null || payload.getTaskId().isBlank()) {
      throw malformed("Payload.TaskId: required, a non-empty string", null);
    }
    TaskState state = TaskState.fromWire(String.valueOf(rawPayload.get("Status")));
    if (!state.isTerminal()) {
      Object status = rawPayload.get("Status");
      throw malformed(status == null
          ? "Payload.Status: required, SUCCESS or FAIL"
          : "Payload.Status: must be SUCCESS or FAIL (rejected value: " + cut(String.valueOf(status)) + ")", null);
    }
    return TaskResult.builder(payload.getTaskId(), state, clock.instant())
        .mediaUrl(payload.getMediaUrl())
        .subtitlesUrl(payload.getSubtitlesUrl())
        .failMessage(payload.getFailMessage())
        .progress(payload.getProgress() == null ? 0 : payload.getProgress())
        .build();
  }

  @Override
  public String toString() {
    return "CallbackParser{maxBodyBytes=" + maxBodyBytes + "}";
  }

  private static IvhCallbackException malformed(String detail, Throwable cause) {
    return new IvhCallbackException(Reason.MALFORMED_BODY, detail, cause);
  }

  private static String cut(String value) {
    return MessageText.cut(value, 40);
  }

  /** Builds a {@link CallbackParser}. */
  public static final class Builder {
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The largest body accepted; default {@link #DEFAULT_MAX_BODY_BYTES}. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes must be 1.." + (Integer.MAX_VALUE - 1) + ": " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The clock that stamps {@link TaskResult#observedAt()} (and so its expiry). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public CallbackParser build() {
      return new CallbackParser(this);
    }
  }
}
