package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Strict JSON to {@link VideoMakeNoTrainPayload}, for files people write by hand ({@code validate
 * FILE} in the CLI, the sandbox). Accepts the Payload object or the whole
 * {@code {"Header":{},"Payload":{…}}} envelope.
 *
 * <p>Unlike a plain Moshi binding, nothing is coerced: every value is checked against the JSON
 * type the generated model declares before binding (Moshi would read {@code "1.0"} as a number).
 * A value of the wrong type is an error with rule {@code type} at its wire path, an enum value the
 * contract does not list is an error with rule {@code enum} (with the value as written), and an
 * unknown field is a warning. Syntax errors throw {@link MalformedJsonException}.
 *
 * <pre>{@code
 * PayloadReader.Result result = PayloadReader.read(Files.readString(file));
 * ValidationReport report = result.report();   // reader findings plus every validation rule
 * if (report.isValid()) client.submit(result.payload());
 * }</pre>
 */
public final class PayloadReader {
  private static final String ROOT = "Payload";
  private static final PayloadValidator VALIDATOR = new PayloadValidator();

  private PayloadReader() {}

  /** The JSON text is not JSON (a syntax error); the message is one line and says where. */
  public static final class MalformedJsonException extends IllegalArgumentException {
    MalformedJsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What was read: the payload (null when any reader error was found) and the reader's findings. */
  public static final class Result {
    private final VideoMakeNoTrainPayload bound;
    private final List<ValidationIssue> issues;

    private Result(VideoMakeNoTrainPayload bound, List<ValidationIssue> issues) {
      this.bound = bound;
      this.issues = List.copyOf(issues);
    }

    /**
     * The payload, or {@code null} when the JSON had errors (wrong types, values outside an enum,
     * no object at all): then the bound object would silently lack the rejected values.
     */
    public VideoMakeNoTrainPayload payload() {
      return hasErrors() ? null : bound;
    }

    /** The reader's own findings: {@code type} and {@code enum} errors, {@code unknownField} warnings. */
    public List<ValidationIssue> issues() {
      return issues;
    }

    /**
     * The complete report: the reader's findings plus {@link PayloadValidator}'s on what could be
     * bound, without repeating a finding about a value the reader already rejected.
     */
    public ValidationReport report() {
      List<ValidationIssue> all = new ArrayList<>(issues);
      if (bound != null) {
        List<String> rejected = issues.stream()
            .filter(i -> i.severity() == ValidationIssue.Severity.ERROR)
            .map(ValidationIssue::path)
            .toList();
        for (ValidationIssue issue : VALIDATOR.validate(bound).all()) {
          if (rejected.stream().noneMatch(path -> isAtOrUnder(issue.path(), path))) {
            all.add(issue);
          }
        }
      }
      return new ValidationReport(all);
    }

    private boolean hasErrors() {
      return issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
    }

    private static boolean isAtOrUnder(String path, String ancestor) {
      return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    @Override
    public String toString() {
      return "PayloadReader.Result{issues=" + issues + "}";
    }
  }

  /**
   * Reads one JSON document.
   *
   * @throws MalformedJsonException if the text is not a single, syntactically valid JSON value
   */
  public static Result read(String json) {
    Objects.requireNonNull(json, "json");
    Object document = parse(json);
    List<ValidationIssue> issues = new ArrayList<>();
    if (!(document instanceof Map<?, ?> top)) {
      issues.add(typeError(ROOT, "an object (the Payload or the {\"Header\":{},\"Payload\":{…}} envelope)", document));
      return new Result(null, issues);
    }
    Object payload = top;
    if (top.containsKey("Payload")) {
      payload = top.get("Payload");
      envelopeRest(top, issues);
    }
    if (!(payload instanceof Map<?, ?> payloadObject)) {
      issues.add(typeError(ROOT, "an object", payload));
      return new Result(null, issues);
    }
    Map<String, Object> clean = checkObject(payloadObject, VideoMakeNoTrainPayload.class, ROOT, issues);
    return new Result(bind(clean, issues), issues);
  }

  private static Object parse(String json) {
    rejectRawControlCharacters(json);
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedJsonException("not valid JSON: more content after the JSON value at " + reader.getPath(), null);
      }
      return value;
    } catch (IOException | JsonDataException e) {
      String reason = Redaction.maskQuery(String.valueOf(e.getMessage()))
          .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON")
          .replaceAll("\\s+", " ");
      if (!reason.contains(" at path ")) {
        reason += " at path " + reader.getPath();
      }
      throw new MalformedJsonException("not valid JSON: " + reason, e);
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

  /** A JSON number as written: RFC 8259 sets no range, so judging it is the schema's job, not the parser's. */
  private record JsonNumber(String literal) {
    /** The exact value, or {@code null} when even its exponent is beyond a BigDecimal's (an int's). */
    BigDecimal exact() {
      try {
        return new BigDecimal(literal);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** JSON Schema's integer: no fractional part, so {@code 1.0} and {@code 1e400} count. */
    boolean isIntegral() {
      BigDecimal exact = exact();
      if (exact == null) {
        return !literal.matches(".*[eE]-.*"); // 1e99999999999 is integral; 1e-99999999999 is not
      }
      return exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
    }

    boolean isWithin(long min, long max) {
      BigDecimal exact = exact();
      return exact != null && exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /** The nearest double: infinite beyond the double range, 0 below its smallest magnitude. */
    double toDouble() {
      return Double.parseDouble(literal);
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
        throw new MalformedJsonException(String.format(
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

  private static void envelopeRest(Map<?, ?> envelope, List<ValidationIssue> issues) {
    for (Map.Entry<?, ?> entry : envelope.entrySet()) {
      String key = (String) entry.getKey();
      if (key.equals("Payload")) {
        continue;
      }
      if (!key.equals("Header")) {
        issues.add(unknownField(key));
      } else if (!(entry.getValue() instanceof Map<?, ?> header)) {
        issues.add(typeError("Header", "an object", entry.getValue()));
      } else {
        header.keySet().forEach(name -> issues.add(ValidationRules.UNKNOWN_FIELD.issue("Header." + name,
            "the request Header is always sent empty; this field is ignored", null)));
      }
    }
  }

  /** Checks one JSON object against a model class; returns the members that may be bound. */
  private static Map<String, Object> checkObject(Map<?, ?> object, Class<?> model, String path,
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
    Class<?> wireType = type.isEnum() ? enumValueType(type) : type;
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
    if (type.isEnum() && PayloadValidator.isUnknownConstant(enumConstant(type, wireType, bindable))) {
      issues.add(ValidationRules.UNKNOWN_ENUM.issue(path, "must be one of " + PayloadValidator.knownValues(type),
          describe(written)));
      return false;
    }
    return true;
  }

  private static Class<?> enumValueType(Class<?> enumType) {
    try {
      return enumType.getMethod("getValue").getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("Generated enum without getValue(): " + enumType.getName(), e);
    }
  }

  private static Enum<?> enumConstant(Class<?> enumType, Class<?> wireType, Object value) {
    Object wire = wireType == Integer.class ? (Object) ((Double) value).intValue()
        : wireType == Long.class ? (Object) ((Double) value).longValue() : value;
    try {
      Method fromValue = enumType.getMethod("fromValue", wireType);
      return (Enum<?>) fromValue.invoke(null, wire);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Generated enum without fromValue(): " + enumType.getName(), e);
    }
  }

  private static VideoMakeNoTrainPayload bind(Map<String, Object> clean, List<ValidationIssue> issues) {
    try {
      return JsonSupport.moshi().adapter(VideoMakeNoTrainPayload.class).fromJsonValue(clean);
    } catch (JsonDataException e) {
      // The checks above admit only values Moshi binds; reaching this is a bug, reported, not thrown.
      issues.add(ValidationRules.TYPE.issue(ROOT, "cannot be read: " + e.getMessage(), null));
      return null;
    }
  }

  private static ValidationIssue typeError(String path, String expected, Object value) {
    return ValidationRules.TYPE.issue(path, "must be " + expected + ", not " + jsonTypeOf(value), describe(value));
  }

  private static ValidationIssue unknownField(String path) {
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
      return "\"" + PayloadValidator.valueText(text) + "\"";
    } else if (value instanceof JsonNumber number) {
      return PayloadValidator.valueText(number.literal());
    } else if (value instanceof List<?> items) {
      return "an array of " + items.size();
    } else if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return value.toString();
  }
}
