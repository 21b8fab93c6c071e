package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads and writes the generator's enums (string and integer alike) by their wire value.
 *
 * <p>The generated enums carry their wire value in {@code getValue()} and map an unknown value to
 * {@code UNKNOWN_DEFAULT_OPEN_API} in {@code fromValue(…)} ({@code enumUnknownDefaultCase}), so a
 * value the gateway adds later parses instead of failing. A value of the wrong JSON type (a string
 * for an integer enum) still fails, with its JSON path.
 */
public final class GeneratedEnumAdapterFactory implements JsonAdapter.Factory {
  private final String modelPackage;

  public GeneratedEnumAdapterFactory(String modelPackage) {
    this.modelPackage = modelPackage;
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum() || !raw.getName().startsWith(modelPackage + ".")) {
      return null;
    }
    try {
      Method getValue = raw.getMethod("getValue");
      Method fromValue = raw.getMethod("fromValue", getValue.getReturnType());
      return new EnumValueAdapter<>(raw, getValue, fromValue).nullSafe();
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static final class EnumValueAdapter<E> extends JsonAdapter<E> {
    private final Class<?> enumType;
    private final Method getValue;
    private final Method fromValue;
    private final Class<?> valueType;

    EnumValueAdapter(Class<?> enumType, Method getValue, Method fromValue) {
      this.enumType = enumType;
      this.getValue = getValue;
      this.fromValue = fromValue;
      this.valueType = getValue.getReturnType();
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
      return (E) invoke(fromValue, null, wire);
    }

    @Override
    public void toJson(JsonWriter writer, E value) throws IOException {
      Object wire = invoke(getValue, value);
      if (wire instanceof Number number) {
        writer.value(number);
      } else {
        writer.value((String) wire);
      }
    }

    private Object invoke(Method method, Object target, Object... args) {
      try {
        return method.invoke(target, args);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot use generated enum " + enumType.getName(), e);
      }
    }

    @Override
    public String toString() {
      return "GeneratedEnumAdapter(" + enumType.getName() + ")";
    }
  }
}
