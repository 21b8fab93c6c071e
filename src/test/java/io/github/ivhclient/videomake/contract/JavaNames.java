package io.github.ivhclient.videomake.contract;

import com.squareup.moshi.Json;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhEndpoint;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java names the reference shows, read by reflection from the generated and facade classes, so
 * that it names only what exists in this client (a missing method or field fails the rendering).
 */
final class JavaNames {
  private static final String BASE = "io.github.ivhclient.videomake";
  private static final String API_PACKAGE = BASE + ".api";
  static final String MODEL_PACKAGE = BASE + ".model";
  /** The facade methods that run each operation (checked by reflection when rendering). */
  private static final Map<String, List<String>> FACADE = Map.of(
      "videoMakeNoTrain", List.of("submit", "submitAsync", "validate"),
      "getProgress", List.of("getProgress", "getProgressAsync", "waitFor", "waitForAsync"),
      "describeTimbre", List.of("listTimbres", "listTimbresAsync", "timbres"));
  /** The generator's name for the constant an unknown enum value reads as (enumUnknownDefaultCase). */
  private static final String FALLBACK = "unknown_default_open_api";

  private JavaNames() {}

  static String generatedMethod(Spec.Operation operation) {
    String tag = operation.node().path("tags").path(0).asText();
    String apiName = API_PACKAGE + "." + tag + "Api";
    Class<?> api = load(apiName);
    if (api == null) {
      throw new IllegalStateException("no generated interface " + apiName);
    }
    Method method = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(operation.id())).findFirst()
        .orElseThrow(() -> new IllegalStateException(apiName + " has no method " + operation.id()));
    String params = Arrays.stream(method.getGenericParameterTypes()).map(JavaNames::typeName)
        .collect(Collectors.joining(", "));
    return "`" + api.getSimpleName() + "#" + method.getName() + "(" + params + ")` returns `"
        + typeName(method.getGenericReturnType()) + "` (`" + API_PACKAGE + "`)";
  }

  static String facadeMethods(String operationId) {
    List<String> names = FACADE.get(operationId);
    if (names == null) {
      throw new IllegalStateException("JavaNames.FACADE lists no facade methods for the operation " + operationId);
    }
    List<String> out = new ArrayList<>();
    for (String name : names) {
      Method method = Arrays.stream(IvhClient.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("IvhClient has no method " + name));
      String params = Arrays.stream(method.getGenericParameterTypes()).map(JavaNames::typeName)
          .collect(Collectors.joining(", "));
      out.add("`" + IvhClient.class.getSimpleName() + "#" + name + "(" + params + ")`");
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  static String endpointConstant(String url) {
    for (Field field : IvhEndpoint.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == IvhEndpoint.class) {
        try {
          IvhEndpoint endpoint = (IvhEndpoint) field.get(null);
          if (endpoint.baseUri().toString().equals(url + "/")) {
            return "`IvhEndpoint." + field.getName() + "`";
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return "`IvhEndpoint.custom(\"" + url + "\")`";
  }

  static String javaField(Class<?> type, String wire) {
    if (type == null) {
      return "";
    }
    for (Field field : type.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (json != null && json.name().equals(wire)) {
        String getter = "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        try {
          type.getMethod(getter);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type.getName() + " has no " + getter + "()", e);
        }
        Class<?> fieldType = field.getType();
        String enumNote = fieldType.isEnum() && fieldType.getEnclosingClass() != null
            ? " (" + enumConstants(fieldType) + ")" : "";
        return "`" + typeName(field.getGenericType()) + " " + getter + "()`" + enumNote;
      }
    }
    throw new IllegalStateException(type.getName() + " has no field for wire name " + wire);
  }

  /** {@code REVERSE_SPLICING = 0, FORWARD_SPLICING = 1} for an inner enum. */
  private static String enumConstants(Class<?> enumType) {
    List<String> out = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      Object value = wireValue(constant);
      if (!isFallback((Enum<?>) constant)) {
        out.add(((Enum<?>) constant).name() + " = " + (value instanceof String ? "\"" + value + "\"" : value));
      }
    }
    return String.join(", ", out);
  }

  static String enumConstant(Class<?> enumType, String wire) {
    for (Object constant : enumType.getEnumConstants()) {
      if (String.valueOf(wireValue(constant)).equals(wire)) {
        return ((Enum<?>) constant).name();
      }
    }
    throw new IllegalStateException(enumType.getName() + " has no constant for " + wire);
  }

  static String fallbackConstant(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
        .filter(n -> n.toLowerCase(Locale.ROOT).contains(FALLBACK)).findFirst()
        .orElseThrow(() -> new IllegalStateException(enumType.getName() + " has no unknown-value fallback"));
  }

  private static boolean isFallback(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).contains(FALLBACK);
  }

  private static Object wireValue(Object constant) {
    try {
      return constant.getClass().getMethod("getValue").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Class<?> modelClass(String schemaName) {
    return load(MODEL_PACKAGE + "." + schemaName);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, JavaNames.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** {@code List<DisableInterval>}, {@code VideoMakeNoTrainPayload.DriverTypeEnum}, {@code Call<X>}. */
  static String typeName(Type type) {
    if (type instanceof ParameterizedType p) {
      return typeName(p.getRawType()) + "<" + Arrays.stream(p.getActualTypeArguments()).map(JavaNames::typeName)
          .collect(Collectors.joining(", ")) + ">";
    }
    if (type instanceof Class<?> c) {
      return c.getEnclosingClass() == null ? c.getSimpleName() : typeName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }
    return type.getTypeName();
  }
}
