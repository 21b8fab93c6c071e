package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire view of a generated model class: each field's JSON name (from its {@code @Json}
 * annotation), Java name and type. Validation and the strict reader use it so that every path
 * they report is the wire path ({@code Payload.SpeechParam.Speed}), never a Java property name.
 */
final class ModelProperties {
  static final String MODEL_PACKAGE = "io.github.ivhclient.videomake.model";

  /** One wire property of a model; {@code elementType} is the item class of a list, else null. */
  record Property(String wireName, String javaName, Field field, Class<?> type, Class<?> elementType) {
    boolean isList() {
      return elementType != null;
    }

    /** The class a value (or, for lists, each item) is bound to. */
    Class<?> valueType() {
      return isList() ? elementType : type;
    }

    Object get(Object bean) {
      try {
        return field.get(bean);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field, e);
      }
    }
  }

  private static final ClassValue<Map<String, Property>> BY_WIRE_NAME = new ClassValue<>() {
    @Override
    protected Map<String, Property> computeValue(Class<?> type) {
      Map<String, Property> properties = new LinkedHashMap<>();
      for (Field field : type.getDeclaredFields()) {
        Json json = field.getAnnotation(Json.class);
        if (json == null || Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        properties.put(json.name(),
            new Property(json.name(), field.getName(), field, field.getType(), listElementType(field)));
      }
      return Collections.unmodifiableMap(properties);
    }
  };

  private static final ClassValue<Map<String, Property>> BY_JAVA_NAME = new ClassValue<>() {
    @Override
    protected Map<String, Property> computeValue(Class<?> type) {
      Map<String, Property> properties = new LinkedHashMap<>();
      BY_WIRE_NAME.get(type).values().forEach(p -> properties.put(p.javaName(), p));
      return Collections.unmodifiableMap(properties);
    }
  };

  private static final ClassValue<List<Property>> IN_ORDER = new ClassValue<>() {
    @Override
    protected List<Property> computeValue(Class<?> type) {
      return List.copyOf(BY_WIRE_NAME.get(type).values());
    }
  };

  private ModelProperties() {}

  /** Whether the class is a generated model object (not an enum), i.e. a JSON object on the wire. */
  static boolean isModel(Class<?> type) {
    return !type.isEnum() && MODEL_PACKAGE.equals(type.getPackageName());
  }

  /** The model's wire properties in declaration order (computed once per class; unmodifiable). */
  static List<Property> of(Class<?> model) {
    return IN_ORDER.get(model);
  }

  static Property byWireName(Class<?> model, String wireName) {
    return BY_WIRE_NAME.get(model).get(wireName);
  }

  static Property byJavaName(Class<?> model, String javaName) {
    return BY_JAVA_NAME.get(model).get(javaName);
  }

  private static Class<?> listElementType(Field field) {
    if (!List.class.isAssignableFrom(field.getType())) {
      return null;
    }
    Type generic = field.getGenericType();
    if (generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    throw new IllegalStateException("Unsupported list type of " + field);
  }
}
