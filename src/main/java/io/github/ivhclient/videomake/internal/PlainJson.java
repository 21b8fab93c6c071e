package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okio.Buffer;

/**
 * Tells, by walking the tokens without building a tree, that an answer needs none of
 * {@link EnvelopeConverterFactory}'s tree work: it is one JSON value, no object in it repeats a key,
 * and its {@code Payload.Progress}, if a number, is whole. For such a body the tree would refuse
 * nothing and rewrite nothing; for any other the tree decides, as before.
 */
final class PlainJson {
  private PlainJson() {}

  static boolean test(String json) {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      return plain(reader, true, false) && reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (IOException | JsonDataException e) {
      return false; // not JSON, or nested deeper than the reader goes: the tree says what is wrong
    }
  }

  /** The next value; {@code root} for the envelope, {@code payload} for its {@code Payload}. */
  private static boolean plain(JsonReader reader, boolean root, boolean payload) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        reader.beginObject();
        Set<String> names = new HashSet<>();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (!names.add(name)) {
            return false;
          }
          if (payload && name.equals("Progress") && reader.peek() == JsonReader.Token.NUMBER) {
            double progress = reader.nextDouble();
            if (progress != Math.rint(progress)) {
              return false;
            }
          } else if (!plain(reader, false, root && name.equals("Payload"))) {
            return false;
          }
        }
        reader.endObject();
      }
      case BEGIN_ARRAY -> {
        reader.beginArray();
        while (reader.hasNext()) {
          if (!plain(reader, false, false)) {
            return false;
          }
        }
        reader.endArray();
      }
      default -> reader.skipValue();
    }
    return true;
  }
}
