package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.CodePointSize;
import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.CollectionSize;
import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.EcmaPattern;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The constraints the generator put on the models (bounds, patterns, lengths, required fields),
 * judged by Jakarta Bean Validation with {@code @Size}/{@code @Pattern} read as JSON Schema reads
 * them ({@link JsonSchemaConstraintValidators}), each violation reported under its schema rule with
 * this client's message. Hibernate Validator runs only when {@link ConstraintPrecheck} (applied
 * by {@link ValueRules}' walk) finds a constraint that may fail: a valid request does not pay for it.
 */
final class BeanConstraints {
  /** Built on the first request that may violate a constraint, once per JVM. */
  private static final class Holder {
    static final Validator BEAN_VALIDATOR = buildBeanValidator();
  }

  private static final Map<String, String> PATTERN_MESSAGES = Map.of("Payload.InputSsml",
      "must not contain a line break (LF, VT, FF, CR, NEL U+0085, LS U+2028 or PS U+2029)");

  private BeanConstraints() {}

  /** Hibernate Validator's findings; the caller runs it only when {@link ConstraintPrecheck} says a constraint may fail. */
  static void check(VideoMakeNoTrainPayload payload, Findings findings) {
    for (ConstraintViolation<VideoMakeNoTrainPayload> violation : violations(payload)) {
      String path = WirePaths.of(violation.getPropertyPath());
      Object value = violation.getInvalidValue();
      Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
      String rejected = RejectedValues.text(value);
      if (constraint instanceof NotNull) {
        findings.schema("required", path, "is required", null);
      } else if (constraint instanceof Min min) {
        findings.schema("minimum", path, "must be at least " + min.value(), rejected);
      } else if (constraint instanceof DecimalMin min) {
        findings.schema("minimum", path, (min.inclusive() ? "must be at least " : "must be more than ") + min.value(), rejected);
      } else if (constraint instanceof Max max) {
        findings.schema("maximum", path, "must be at most " + max.value(), rejected);
      } else if (constraint instanceof DecimalMax max) {
        findings.schema("maximum", path, (max.inclusive() ? "must be at most " : "must be less than ") + max.value(), rejected);
      } else if (constraint instanceof Size size) {
        sizeViolation(path, size, value, findings);
      } else if (constraint instanceof Pattern pattern) {
        if (path.endsWith("Url")) {
          findings.add(ValidationRules.URL_PATTERN, path, "must be an http or https URL", rejected);
        } else {
          findings.schema("pattern", path,
              PATTERN_MESSAGES.getOrDefault(path, "must match the pattern " + pattern.regexp()), rejected);
        }
      } else {
        String rule = constraint.annotationType().getSimpleName();
        findings.schema(Character.toLowerCase(rule.charAt(0)) + rule.substring(1), path, violation.getMessage(), rejected);
      }
    }
  }

  /** Hibernate Validator's verdict, always computed (the precheck's tests compare against it). */
  static Set<ConstraintViolation<VideoMakeNoTrainPayload>> violations(VideoMakeNoTrainPayload payload) {
    return Holder.BEAN_VALIDATOR.validate(payload);
  }

  private static void sizeViolation(String path, Size size, Object value, Findings findings) {
    if (value instanceof Collection<?> collection) {
      boolean tooMany = collection.size() > size.max();
      findings.schema(tooMany ? "maxItems" : "minItems", path,
          tooMany ? "must have at most " + size.max() + " items" : "must have at least " + size.min() + " items",
          collection.size() + " items");
    } else {
      long length = value == null ? 0 : value.toString().codePoints().count();
      boolean tooLong = length > size.max();
      findings.schema(tooLong ? "maxLength" : "minLength", path,
          (tooLong ? "must have at most " + size.max() : "must have at least " + size.min())
              + " characters (Unicode code points), has " + length,
          RejectedValues.text(value));
    }
  }

  private static Validator buildBeanValidator() {
    // The provider is named, not looked up with ServiceLoader: a shaded jar (the CLI) may lose
    // META-INF/services entries.
    HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
        .providerResolver(() -> List.of(new HibernateValidator()))
        .configure()
        .messageInterpolator(new ElFreeMessageInterpolator());
    ConstraintMapping jsonSchemaSemantics = configuration.createConstraintMapping();
    jsonSchemaSemantics.constraintDefinition(Size.class)
        .includeExistingValidators(false)
        .validatedBy(CodePointSize.class)
        .validatedBy(CollectionSize.class);
    jsonSchemaSemantics.constraintDefinition(Pattern.class)
        .includeExistingValidators(false)
        .validatedBy(EcmaPattern.class);
    return configuration.addMapping(jsonSchemaSemantics).buildValidatorFactory().getValidator();
  }

  /**
   * ParameterMessageInterpolator, so no Expression Language implementation is needed at runtime.
   * It skips the constraints whose messages this class writes itself: their default templates
   * ({@code @DecimalMin}'s) contain EL, for which it would log a warning on every violation.
   */
  private static final class ElFreeMessageInterpolator implements MessageInterpolator {
    /** The constraints whose issues carry {@link BeanConstraints}' own messages. */
    private static final Set<Class<? extends Annotation>> OWN_MESSAGES =
        Set.of(NotNull.class, Min.class, Max.class, DecimalMin.class, DecimalMax.class, Size.class, Pattern.class);
    private final ParameterMessageInterpolator parameters = new ParameterMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
      return ownMessage(context) ? template : parameters.interpolate(template, context);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
      return ownMessage(context) ? template : parameters.interpolate(template, context, locale);
    }

    private static boolean ownMessage(Context context) {
      return OWN_MESSAGES.contains(context.getConstraintDescriptor().getAnnotation().annotationType());
    }
  }
}
