package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns text a server sent (an HTML error page, a JSON envelope, a parser's complaint) into a
 * short single line for an exception message: log lines and terminals show one line per failure,
 * and the whole body stays available in the exception's {@code bodyExcerpt()}.
 */
public final class MessageText {
  /** The most characters of server text one message quotes. */
  public static final int MAX_QUOTED = 200;

  private static final JsonAdapter<Object> JSON_TREE = JsonSupport.moshi().adapter(Object.class);
  // Unicode separators (U+2028, no-break spaces) and control characters break lines or hide in them.
  private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}\\p{Cntrl}]+");

  private MessageText() {}

  /**
   * {@code text} with every run of whitespace or control characters collapsed to one space,
   * trimmed, and cut to {@code maxChars} (never inside a surrogate pair) with an ellipsis.
   */
  public static String oneLine(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    return cut(BLANKS.matcher(text).replaceAll(" ").trim(), maxChars);
  }

  /** {@code text} cut to {@code maxChars} with an ellipsis, never inside a surrogate pair. */
  public static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * A non-2xx answer in one line: {@code HTTP 429, Header.Code=40001: <Message>} when the body is
   * the gateway's envelope with a non-zero code (said like a service error), else
   * {@code HTTP 502: <the body>}, collapsed and cut to {@link #MAX_QUOTED} characters.
   */
  public static String httpError(int statusCode, String bodyExcerpt) {
    String status = "HTTP " + statusCode;
    Map<?, ?> header = envelopeHeader(bodyExcerpt);
    if (header != null && header.get("Code") instanceof Double code && code != 0 && code == Math.rint(code)
        && Math.abs(code) < 1e15) {
      // The excerpt was masked as raw JSON; an escaped secret shows only once decoded.
      String message = header.get("Message") instanceof String text ? oneLine(Redaction.maskQuery(text), MAX_QUOTED) : "";
      return status + ", Header.Code=" + code.longValue() + (message.isEmpty() ? "" : ": " + message);
    }
    String body = oneLine(bodyExcerpt, MAX_QUOTED);
    return body.isEmpty() ? status : status + ": " + body;
  }

  /** {@code 250ms}, {@code 1s}, {@code 1.5s}, {@code 2m30s}, {@code 26h5m}: how people write a duration. */
  public static String duration(Duration duration) {
    if (duration.isNegative()) {
      return "-" + duration(duration.negated());
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (duration.toHours() > 0) {
      text.append(duration.toHours()).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    int millis = duration.toMillisPart();
    if (duration.toSecondsPart() > 0 || millis > 0) {
      text.append(duration.toSecondsPart());
      if (millis > 0) {
        text.append('.').append(String.format(Locale.ROOT, "%03d", millis).replaceAll("0+$", ""));
      }
      text.append('s');
    }
    return text.toString();
  }

  private static Map<?, ?> envelopeHeader(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      return JSON_TREE.fromJson(body) instanceof Map<?, ?> envelope && envelope.get("Header") instanceof Map<?, ?> header
          ? header : null;
    } catch (IOException | JsonDataException e) {
      return null; // not JSON, or cut at the excerpt's limit: quoted as text instead
    }
  }
}
