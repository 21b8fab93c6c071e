package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.ivhclient.videomake.internal.GeneratedEnums.GeneratedEnum;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads and writes the generator's enums (string and integer alike) by their wire value, with the
 * constants looked up once per type ({@link GeneratedEnums}). A value the contract does not list
 * reads as {@code UNKNOWN_DEFAULT_OPEN_API}; a value of the wrong JSON type (a string for an
 * integer enum) still fails, with its JSON path.
 */
public final class GeneratedEnumAdapterFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!GeneratedEnums.isGenerated(raw)) {
      return null;
    }
    return new EnumValueAdapter<>(GeneratedEnums.of(raw)).nullSafe();
  }

  private static final class EnumValueAdapter<E> extends JsonAdapter<E> {
    private final GeneratedEnum enumType;
    private final Class<?> valueType;

    EnumValueAdapter(GeneratedEnum enumType) {
      this.enumType = enumType;
      this.valueType = enumType.valueType();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E fromJson(JsonReader reader) throws IOException {
      Object wire;
      if (valueType == Integer.class) {
        wire = reader.nextInt();
      } else if (valueType == Long.class) {
        wire = reader.nextLong();
      } else if (valueType == Double.class) {
        wire = reader.nextDouble();
      } else if (valueType == String.class) {
        if (reader.peek() != JsonReader.Token.STRING) {
          throw new JsonDataException(
              "Expected a string but was " + reader.peek() + " at path " + reader.getPath());
        }
        wire = reader.nextString();
      } else {
        throw new JsonDataException("Unsupported enum value type " + valueType + " at path " + reader.getPath());
      }
      return (E) enumType.fromWire(wire);
    }

    @Override
    public void toJson(JsonWriter writer, E value) throws IOException {
      Object wire = enumType.wireValue((Enum<?>) value);
      if (wire instanceof Number number) {
        writer.value(number);
      } else {
        writer.value((String) wire);
      }
    }

    @Override
    public String toString() {
      return "GeneratedEnumAdapter(" + enumType + ")";
    }
  }
}
