package io.github.ivhclient.videomake.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generator's enums by their wire values, looked up once per enum type (as Moshi's
 * {@code EnumJsonAdapter} does): each constant's {@code getValue()} is read when the type is first
 * used, so reading and writing a value is a map lookup, not reflection.
 *
 * <p>The generated enums carry their wire value in {@code getValue()} and map a value the contract
 * does not list to {@code UNKNOWN_DEFAULT_OPEN_API} in {@code fromValue(…)}
 * ({@code enumUnknownDefaultCase}), so a value the gateway adds later parses instead of failing.
 */
final class GeneratedEnums {
  private static final ClassValue<GeneratedEnum> BY_TYPE = new ClassValue<>() {
    @Override
    protected GeneratedEnum computeValue(Class<?> type) {
      return new GeneratedEnum(type);
    }
  };

  private GeneratedEnums() {}

  /** Whether the class is one of the generator's enums: in the model package, with {@code getValue()} and {@code fromValue(…)}. */
  static boolean isGenerated(Class<?> type) {
    return type.isEnum() && ModelProperties.MODEL_PACKAGE.equals(type.getPackageName()) && hasValueMethods(type);
  }

  /** The wire view of a generated enum type, computed once per type. */
  static GeneratedEnum of(Class<?> enumType) {
    return BY_TYPE.get(enumType);
  }

  /** The generator's fallback for values the contract does not list ({@code enumUnknownDefaultCase}). */
  static boolean isUnknownConstant(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).endsWith("unknown_default_open_api");
  }

  private static boolean hasValueMethods(Class<?> type) {
    try {
      type.getMethod("fromValue", type.getMethod("getValue").getReturnType());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** One generated enum type: its wire value type, and its constants by wire value and back. */
  static final class GeneratedEnum {
    private final Class<?> type;
    private final Class<?> valueType;
    private final Method fromValue;
    private final Map<Object, Enum<?>> byWireValue = new HashMap<>();
    private final Map<Enum<?>, Object> wireValues = new IdentityHashMap<>();
    /** By ordinal: whether the constant is the generator's fallback (an array: a set lookup costs more). */
    private final boolean[] unknown;
    private final String knownValues;

    private GeneratedEnum(Class<?> type) {
      this.type = type;
      try {
        Method getValue = type.getMethod("getValue");
        this.valueType = getValue.getReturnType();
        this.fromValue = type.getMethod("fromValue", valueType);
        this.unknown = new boolean[type.getEnumConstants().length];
        for (Object constant : type.getEnumConstants()) {
          Object wire = getValue.invoke(constant);
          // fromValue returns the first constant whose value equals: putIfAbsent keeps that one.
          byWireValue.putIfAbsent(wire, (Enum<?>) constant);
          wireValues.put((Enum<?>) constant, wire);
          unknown[((Enum<?>) constant).ordinal()] = isUnknownConstant((Enum<?>) constant);
        }
      } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Generated enum without getValue()/fromValue(): " + type.getName(), e);
      }
      this.knownValues = Arrays.stream(type.getEnumConstants())
          .map(c -> (Enum<?>) c)
          .filter(c -> !isUnknownConstant(c))
          .map(Object::toString)
          .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The Java type of the wire value: String, Integer, Long or Double. */
    Class<?> valueType() {
      return valueType;
    }

    /** What {@code fromValue(wire)} returns; only a value no constant carries calls it. */
    Enum<?> fromWire(Object wire) {
      Enum<?> constant = byWireValue.get(wire);
      if (constant != null) {
        return constant;
      }
      try {
        return (Enum<?>) fromValue.invoke(null, wire);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot use generated enum " + type.getName(), e);
      }
    }

    /** What {@code constant.getValue()} returns. */
    Object wireValue(Enum<?> constant) {
      return wireValues.get(constant);
    }

    /** Whether the constant is the generator's fallback for values the contract does not list. */
    boolean isUnknown(Enum<?> constant) {
      return unknown[constant.ordinal()];
    }

    /** The values the contract lists, as a message shows them: {@code [Text, OriginalVoice]}. */
    String knownValues() {
      return knownValues;
    }

    @Override
    public String toString() {
      return type.getName();
    }
  }
}
