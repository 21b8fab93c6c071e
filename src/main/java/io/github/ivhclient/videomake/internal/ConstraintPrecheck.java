package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether any Bean Validation constraint of a model graph may fail, decided without Hibernate
 * Validator from the generated annotations, read once per class. It may say "may fail" when Bean
 * Validation finds nothing (then the validator runs and reports nothing), never the reverse: each
 * check judges exactly as {@link JsonSchemaConstraintValidators} and Hibernate Validator's number
 * validators do, or more strictly, and a constraint it does not know always counts as "may fail".
 */
final class ConstraintPrecheck {
  /**
   * A property's failure tests, and whether its value may hold model objects to look into. Arrays,
   * not lists: the walk runs on every request, and an iterator per property costs.
   */
  record PropertyChecks(Property property, Predicate<Object>[] tests, boolean cascade) {
    /** Whether a constraint on the property itself (not inside a model it holds) may fail for {@code value}. */
    boolean fails(Object value) {
      for (Predicate<Object> test : tests) {
        if (test.test(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A model class's checks, one per wire property in order; {@code classConstrained}: never judged here. */
  record Plan(boolean classConstrained, PropertyChecks[] properties) {}

  private static final Predicate<Object> ALWAYS = value -> true;

  private static final ClassValue<Plan> PLANS = new ClassValue<>() {
    @Override
    @SuppressWarnings("unchecked")
    protected Plan computeValue(Class<?> model) {
      List<PropertyChecks> checks = new ArrayList<>();
      for (Property property : ModelProperties.of(model)) {
        List<Annotation> annotations = new ArrayList<>(List.of(property.field().getAnnotations()));
        List<Predicate<Object>> tests = new ArrayList<>();
        Method getter = getter(model, property);
        if (getter != null) {
          annotations.addAll(List.of(getter.getAnnotations()));
          if (hasTypeArgumentConstraint(getter.getAnnotatedReturnType())) {
            tests.add(ALWAYS);
          }
        }
        if (hasTypeArgumentConstraint(property.field().getAnnotatedType())) {
          tests.add(ALWAYS);
        }
        for (Annotation annotation : annotations) {
          Predicate<Object> fails = failureTest(annotation);
          if (fails != null) {
            tests.add(fails);
          }
        }
        boolean cascade = !property.type().isEnum() && !property.type().getName().startsWith("java.lang.");
        checks.add(new PropertyChecks(property, tests.toArray(new Predicate[0]), cascade));
      }
      return new Plan(hasConstraint(model.getAnnotations()), checks.toArray(new PropertyChecks[0]));
    }
  };

  private ConstraintPrecheck() {}

  /** The checks of a model class, computed once per class ({@link ValueRules} walks the model with them). */
  static Plan plan(Class<?> model) {
    return PLANS.get(model);
  }

  /** True when Bean Validation might report a violation for this model object or anything it holds. */
  static boolean mayFail(Object bean) {
    Plan plan = plan(bean.getClass());
    if (plan.classConstrained()) {
      return true;
    }
    for (PropertyChecks check : plan.properties()) {
      Object value = check.property().get(bean);
      if (check.fails(value) || (check.cascade() && value != null && holdsFailingModel(value))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value is, or is a collection holding, a model object for which {@link #mayFail} holds. */
  static boolean holdsFailingModel(Object value) {
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item != null && ModelProperties.isModel(item.getClass()) && mayFail(item)) {
          return true;
        }
      }
      return false;
    }
    return ModelProperties.isModel(value.getClass()) && mayFail(value);
  }

  /** The test for one annotation: null when it is no constraint, {@link #ALWAYS} when it is one not known here. */
  private static Predicate<Object> failureTest(Annotation annotation) {
    // The annotation's values are read here, once: each call of an annotation method is a proxy call.
    if (annotation instanceof NotNull) {
      return value -> value == null;
    } else if (annotation instanceof Min min) {
      long bound = min.value();
      return value -> value != null && !(isIntegral(value) && ((Number) value).longValue() >= bound);
    } else if (annotation instanceof Max max) {
      long bound = max.value();
      return value -> value != null && !(isIntegral(value) && ((Number) value).longValue() <= bound);
    } else if (annotation instanceof DecimalMin min) {
      Bound bound = new Bound(min.value());
      boolean inclusive = min.inclusive();
      return value -> value != null && !(value instanceof Double d && bound.isBelow(d, inclusive));
    } else if (annotation instanceof DecimalMax max) {
      Bound bound = new Bound(max.value());
      boolean inclusive = max.inclusive();
      return value -> value != null && !(value instanceof Double d && bound.isAbove(d, inclusive));
    } else if (annotation instanceof Size size) {
      int minSize = size.min();
      int maxSize = size.max();
      return value -> {
        long length = value == null ? 0 : sizeOf(value);
        return value != null && !(length >= minSize && length <= maxSize);
      };
    } else if (annotation instanceof Pattern pattern) {
      Predicate<CharSequence> matches = JsonSchemaConstraintValidators.ecmaTest(pattern.regexp());
      return value -> value != null && !(value instanceof CharSequence text && matches.test(text));
    } else if (annotation instanceof Valid) {
      return null;
    }
    return hasConstraint(new Annotation[] {annotation}) ? ALWAYS : null;
  }

  /** A {@code @DecimalMin}/{@code @DecimalMax} bound, compared with a double as Bean Validation compares it. */
  private static final class Bound {
    private final double value;
    /** Both a double's exact value and its shortest decimal compare with the bound as the double does. */
    private final boolean exact;

    Bound(String decimal) {
      BigDecimal bound = new BigDecimal(decimal);
      this.value = bound.doubleValue();
      this.exact = Double.isFinite(value) && new BigDecimal(value).compareTo(bound) == 0
          && BigDecimal.valueOf(value).compareTo(bound) == 0;
    }

    /** True when {@code d} passes a minimum at this bound; non-finite values are left to the validator. */
    boolean isBelow(double d, boolean inclusive) {
      if (!Double.isFinite(d)) {
        return false;
      }
      return exact ? d > value || (inclusive && d == value) : d > Math.nextUp(value);
    }

    /** True when {@code d} passes a maximum at this bound. */
    boolean isAbove(double d, boolean inclusive) {
      if (!Double.isFinite(d)) {
        return false;
      }
      return exact ? d < value || (inclusive && d == value) : d < Math.nextDown(value);
    }
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
  }

  /** JSON Schema's length (code points) or item count; -1 (failing every bound) for other types. */
  private static long sizeOf(Object value) {
    if (value instanceof CharSequence text) {
      return Character.codePointCount(text, 0, text.length());
    }
    return value instanceof Collection<?> items ? items.size() : -1;
  }

  private static boolean hasConstraint(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.isAnnotationPresent(Constraint.class)
          || type.getPackageName().equals(NotNull.class.getPackageName())) {
        return true;
      }
    }
    return false;
  }

  /** A constraint on a type argument ({@code List<@Size(max = 5) String>}): not judged here. */
  private static boolean hasTypeArgumentConstraint(AnnotatedType type) {
    if (type instanceof AnnotatedParameterizedType parameterized) {
      for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
        if (hasConstraint(argument.getAnnotations()) || hasTypeArgumentConstraint(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Method getter(Class<?> model, Property property) {
    String name = property.javaName();
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String prefix : new String[] {"get", "is"}) {
      try {
        return model.getMethod(prefix + suffix);
      } catch (NoSuchMethodException e) {
        // try the next JavaBeans prefix
      }
    }
    return null;
  }
}
