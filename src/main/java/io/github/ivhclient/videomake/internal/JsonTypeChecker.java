package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.GeneratedEnums.GeneratedEnum;
import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed JSON tree against the JSON types the generated models declare, before anything
 * is bound: nothing is coerced (Moshi would read {@code "1.0"} as a number). A value of the wrong
 * type is a {@code type} error at its wire path, an enum value the contract does not list an
 * {@code enum} error (with the value as written), an unknown field a warning.
 */
final class JsonTypeChecker {
  private JsonTypeChecker() {}

  /** Checks one JSON object against a model class; returns the members that may be bound. */
  static Map<String, Object> checkObject(Map<?, ?> object, Class<?> model, String path,
      List<ValidationIssue> issues) {
    Map<String, Object> clean = new LinkedHashMap<>();
    for (Map.Entry<?, ?> member : object.entrySet()) {
      String name = (String) member.getKey();
      String at = path + "." + name;
      Property property = ModelProperties.byWireName(model, name);
      if (property == null) {
        issues.add(unknownField(at));
        continue;
      }
      Object value = member.getValue();
      if (property.isList()) {
        if (value instanceof List<?> items) {
          List<Object> cleanItems = new ArrayList<>(items.size());
          for (int i = 0; i < items.size(); i++) {
            // A rejected item stays as null so that later findings keep the item's index.
            cleanItems.add(checkValue(items.get(i), property.elementType(), at + "[" + i + "]", issues));
          }
          clean.put(name, cleanItems);
        } else {
          issues.add(typeError(at, "an array", value));
        }
      } else {
        Object checked = checkValue(value, property.type(), at, issues);
        if (checked != null) {
          clean.put(name, checked);
        }
      }
    }
    return clean;
  }

  /** The value to bind, or null (with an issue) when it has the wrong JSON type or enum value. */
  private static Object checkValue(Object value, Class<?> type, String path, List<ValidationIssue> issues) {
    if (ModelProperties.isModel(type)) {
      if (value instanceof Map<?, ?> object) {
        return checkObject(object, type, path, issues);
      }
      issues.add(typeError(path, "an object", value));
      return null;
    }
    Class<?> wireType = type.isEnum() ? GeneratedEnums.of(type).valueType() : type;
    if (wireType == Integer.class || wireType == Long.class) {
      return checkInteger(value, type, wireType, path, issues);
    }
    String expected;
    boolean ok;
    if (wireType == String.class) {
      expected = "a string";
      ok = value instanceof String;
    } else if (wireType == Double.class || wireType == Float.class || wireType == BigDecimal.class) {
      if (value instanceof JsonNumber number && Double.isInfinite(number.toDouble())) {
        issues.add(ValidationRules.TYPE.issue(path, "is outside the range of a 64-bit floating-point number",
            describe(value)));
        return null;
      }
      expected = "a number";
      ok = value instanceof JsonNumber;
    } else if (wireType == Boolean.class) {
      expected = "true or false";
      ok = value instanceof Boolean;
    } else {
      throw new IllegalStateException("No JSON type known for " + type.getName() + " at " + path);
    }
    if (!ok) {
      issues.add(typeError(path, expected, value));
      return null;
    }
    Object bindable = value instanceof JsonNumber number ? (Object) number.toDouble() : value;
    return checkEnum(value, bindable, type, wireType, path, issues) ? bindable : null;
  }

  /** JSON Schema's {@code integer}: a number without a fractional part (1.0 counts), within the format's range. */
  private static Object checkInteger(Object value, Class<?> type, Class<?> wireType, String path,
      List<ValidationIssue> issues) {
    boolean int32 = wireType == Integer.class;
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      issues.add(typeError(path, int32 ? "a 32-bit integer" : "a 64-bit integer", value));
      return null;
    }
    if (!(int32 ? number.isWithin(Integer.MIN_VALUE, Integer.MAX_VALUE) : number.isWithin(Long.MIN_VALUE, Long.MAX_VALUE))) {
      issues.add(ValidationRules.TYPE.issue(path,
          "is outside the " + (int32 ? "32" : "64") + "-bit integer range", describe(value)));
      return null;
    }
    // Exact for every 32-bit integer; the request has no 64-bit field, where a double would round.
    Object bindable = number.exact().doubleValue();
    return checkEnum(value, bindable, type, wireType, path, issues) ? bindable : null;
  }

  /** False (with an {@code enum} issue) when an enum-typed value is not one the contract lists. */
  private static boolean checkEnum(Object written, Object bindable, Class<?> type, Class<?> wireType, String path,
      List<ValidationIssue> issues) {
    if (!type.isEnum()) {
      return true;
    }
    GeneratedEnum generated = GeneratedEnums.of(type);
    Object wire = wireType == Integer.class ? (Object) ((Double) bindable).intValue()
        : wireType == Long.class ? (Object) ((Double) bindable).longValue() : bindable;
    if (GeneratedEnums.isUnknownConstant(generated.fromWire(wire))) {
      issues.add(ValidationRules.UNKNOWN_ENUM.issue(path, "must be one of " + generated.knownValues(),
          describe(written)));
      return false;
    }
    return true;
  }

  static ValidationIssue typeError(String path, String expected, Object value) {
    return ValidationRules.TYPE.issue(path, "must be " + expected + ", not " + jsonTypeOf(value), describe(value));
  }

  static ValidationIssue unknownField(String path) {
    return ValidationRules.UNKNOWN_FIELD.issue(path, "is not a field of the contract; the service may ignore it", null);
  }

  private static String jsonTypeOf(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof JsonNumber number) {
      return number.isIntegral() ? "an integer" : "a number with a fraction";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof List<?>) {
      return "an array";
    }
    return "an object";
  }

  /** The rejected JSON value as text: strings quoted, numbers as written, containers summarized. */
  private static String describe(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String text) {
      return "\"" + RejectedValues.text(text) + "\"";
    } else if (value instanceof JsonNumber number) {
      return RejectedValues.text(number.literal());
    } else if (value instanceof List<?> items) {
      return "an array of " + items.size();
    } else if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return value.toString();
  }
}
