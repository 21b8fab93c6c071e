package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Strict JSON text to a tree of maps, lists, strings, {@link JsonNumber}s, booleans and nulls:
 * no raw control characters in strings, no repeated member names, nothing after the value, and
 * numbers kept as written. A syntax error is a {@link PayloadReader.MalformedJsonException}.
 */
final class StrictJsonParser {
  private StrictJsonParser() {}

  /**
   * The JSON value of the text: objects as ordered maps, arrays as lists, numbers as
   * {@link JsonNumber}.
   *
   * @throws PayloadReader.MalformedJsonException if the text is not a single, syntactically valid JSON value
   */
  static Object parse(String json) {
    rejectRawControlCharacters(json);
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new PayloadReader.MalformedJsonException("not valid JSON: more content after the JSON value at " + reader.getPath(), null);
      }
      return value;
    } catch (IOException | JsonDataException e) {
      String reason = Redaction.maskQuery(String.valueOf(e.getMessage()))
          .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON")
          .replaceAll("\\s+", " ");
      if (!reason.contains(" at path ")) {
        reason += " at path " + reader.getPath();
      }
      throw new PayloadReader.MalformedJsonException("not valid JSON: " + reason, e);
    }
  }

  /**
   * Moshi's {@code readJsonValue}, except that numbers stay as written ({@link JsonNumber}): Moshi
   * turns a valid number too large for a double into a syntax error, and rounds large integers.
   */
  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.containsKey(name)) {
            throw new JsonDataException("member \"" + name + "\" appears twice at path " + reader.getPath());
          }
          object.put(name, readValue(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING -> {
        return reader.nextString();
      }
      case NUMBER -> {
        return new JsonNumber(reader.nextString());
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new JsonDataException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** JSON forbids unescaped control characters in strings; Moshi's reader lets them through. */
  private static void rejectRawControlCharacters(String json) {
    boolean inString = false;
    int line = 1;
    int column = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      column++;
      if (inString && c < 0x20) {
        throw new PayloadReader.MalformedJsonException(String.format(
            "not valid JSON: unescaped control character U+%04X in a string at line %d, column %d",
            (int) c, line, column), null);
      }
      if (c == '\n') {
        line++;
        column = 0;
      } else if (inString && c == '\\') {
        i++;
        column++;
      } else if (c == '"') {
        inString = !inString;
      }
    }
  }
}
