package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.CodePointSize;
import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.CollectionSize;
import io.github.ivhclient.videomake.internal.JsonSchemaConstraintValidators.EcmaPattern;
import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.DisableIdDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a VideoMakeNoTrain payload against the contract before anything is sent, and reports
 * every finding at once, each at its wire path ({@code Payload.VideoParam.DisableIntervals[1].EndTime}).
 *
 * <p>Two layers: Jakarta Bean Validation over the constraints the generator put on the models
 * (bounds, patterns, lengths, required fields), with {@code @Size}/{@code @Pattern} judged as JSON
 * Schema judges them ({@link JsonSchemaConstraintValidators}); then, in Java, every rule the
 * generator drops: the {@code DriverType} conditionals, SSML, segment arithmetic, interval order,
 * decimals, URL syntax, enum values unknown to this client, and warnings for parameters the
 * service ignores. Stateless and thread-safe; {@code new PayloadValidator()} is cheap, the
 * Bean Validation factory is built once per JVM.
 */
public final class PayloadValidator {
  private static final String ROOT = "Payload";
  private static final Validator BEAN_VALIDATOR = buildBeanValidator();
  private static final int MAX_VALUE_TEXT = 120;
  private static final BigDecimal MIN_SEGMENT_SECONDS = BigDecimal.valueOf(5);
  private static final int MAX_TIME_DECIMALS = 3;

  /** The file formats the parameter table lists, by wire path. */
  private static final Map<String, List<String>> FILE_EXTENSIONS = Map.of(
      "Payload.RefVideoUrl", List.of("mp4", "mov", "avi"),
      "Payload.IdentityVideoUrl", List.of("mp4"),
      "Payload.InputAudioUrl", List.of("wav", "mp3", "wma", "m4a", "aac", "ogg"),
      "Payload.IdentityWrittenUrl", List.of("pdf"),
      "Payload.VideoParam.RefPhotoUrl", List.of("jpg", "jpeg", "png", "bmp", "webp"));

  /** Timbres that ignore {@code Volume}: male_1…male_20 and female_1…female_23. */
  private static final java.util.regex.Pattern FIXED_VOLUME_TIMBRE =
      java.util.regex.Pattern.compile("male_([1-9]|1[0-9]|20)|female_([1-9]|1[0-9]|2[0-3])");

  private static final Map<String, String> PATTERN_MESSAGES =
      Map.of("Payload.InputSsml", "must not contain a line break (CR or LF)");

  public ValidationReport validate(VideoMakeNoTrainPayload payload) {
    Findings findings = new Findings();
    if (payload == null) {
      findings.error(ROOT, "required", "the request payload is required", null);
      return findings.report();
    }
    beanValidation(payload, findings);
    walk(payload, ROOT, findings);
    driverTypeRules(payload, findings);
    if (payload.getInputSsml() != null) {
      SsmlChecker.check(payload.getInputSsml()).forEach(findings::add);
    }
    videoParamRules(payload, findings);
    return findings.report();
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
    /** The constraints whose issues carry {@link PayloadValidator}'s own messages. */
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

  // ---- Bean Validation over the generated annotations

  private static void beanValidation(VideoMakeNoTrainPayload payload, Findings findings) {
    for (ConstraintViolation<VideoMakeNoTrainPayload> violation : BEAN_VALIDATOR.validate(payload)) {
      String path = wirePath(violation.getPropertyPath());
      Object value = violation.getInvalidValue();
      Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
      String rejected = valueText(value);
      if (constraint instanceof NotNull) {
        findings.error(path, "required", "is required", null);
      } else if (constraint instanceof Min min) {
        findings.error(path, "minimum", "must be at least " + min.value(), rejected);
      } else if (constraint instanceof DecimalMin min) {
        findings.error(path, "minimum", (min.inclusive() ? "must be at least " : "must be more than ") + min.value(), rejected);
      } else if (constraint instanceof Max max) {
        findings.error(path, "maximum", "must be at most " + max.value(), rejected);
      } else if (constraint instanceof DecimalMax max) {
        findings.error(path, "maximum", (max.inclusive() ? "must be at most " : "must be less than ") + max.value(), rejected);
      } else if (constraint instanceof Size size) {
        sizeViolation(path, size, value, findings);
      } else if (constraint instanceof Pattern pattern) {
        if (path.endsWith("Url")) {
          findings.error(path, "absoluteHttpUrl", "must be an absolute http or https URL", rejected);
        } else {
          findings.error(path, "pattern",
              PATTERN_MESSAGES.getOrDefault(path, "must match the pattern " + pattern.regexp()), rejected);
        }
      } else {
        String rule = constraint.annotationType().getSimpleName();
        findings.error(path, Character.toLowerCase(rule.charAt(0)) + rule.substring(1), violation.getMessage(), rejected);
      }
    }
  }

  private static void sizeViolation(String path, Size size, Object value, Findings findings) {
    if (value instanceof Collection<?> collection) {
      boolean tooMany = collection.size() > size.max();
      findings.error(path, tooMany ? "maxItems" : "minItems",
          tooMany ? "must have at most " + size.max() + " items" : "must have at least " + size.min() + " items",
          collection.size() + " items");
    } else {
      long length = value == null ? 0 : value.toString().codePoints().count();
      boolean tooLong = length > size.max();
      findings.error(path, tooLong ? "maxLength" : "minLength",
          (tooLong ? "must have at most " + size.max() : "must have at least " + size.min())
              + " characters (Unicode code points), has " + length,
          valueText(value));
    }
  }

  /** The Bean Validation property path, spelled with the wire names of the generated fields. */
  static String wirePath(Path propertyPath) {
    StringBuilder path = new StringBuilder(ROOT);
    Class<?> bean = VideoMakeNoTrainPayload.class;
    for (Path.Node node : propertyPath) {
      if (node.isInIterable() && node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        Property property = bean == null ? null : ModelProperties.byJavaName(bean, node.getName());
        path.append('.').append(property == null ? node.getName() : property.wireName());
        bean = property == null ? null : property.valueType();
      }
    }
    return path.toString();
  }

  // ---- Per-value rules over the whole model graph

  /** Enum values unknown to this client, non-finite numbers, null list items, URL syntax and file types. */
  private static void walk(Object bean, String path, Findings findings) {
    for (Property property : ModelProperties.of(bean.getClass())) {
      Object value = property.get(bean);
      String at = path + "." + property.wireName();
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          String itemPath = at + "[" + i + "]";
          if (items.get(i) == null) {
            findings.error(itemPath, "required", "a list item must not be null", null);
          } else {
            checkValue(items.get(i), itemPath, findings);
          }
        }
      } else if (value != null) {
        checkValue(value, at, findings);
      }
    }
  }

  private static void checkValue(Object value, String path, Findings findings) {
    if (value instanceof Enum<?> constant && isUnknownConstant(constant)) {
      findings.error(path, "enum", "must be one of " + knownValues(constant.getDeclaringClass()),
          "a value unknown to this client");
    } else if (value instanceof Double number && !Double.isFinite(number)) {
      findings.error(path, "type", "must be a finite number", number.toString());
    } else if (value instanceof String text) {
      int lone = loneSurrogate(text);
      if (lone >= 0) {
        // UTF-8 cannot carry it: the wire would silently get '?' instead (a different text, billed).
        findings.error(path, "wellFormedUnicode", "has an unpaired UTF-16 surrogate at character "
            + (text.codePointCount(0, lone) + 1), String.format(Locale.ROOT, "U+%04X", (int) text.charAt(lone)));
      } else if (path.endsWith("Url")) {
        urlRules(path, text, findings);
      }
    } else if (ModelProperties.isModel(value.getClass())) {
      walk(value, path, findings);
    }
  }

  /** The index of the first surrogate that is not half of a pair, or -1. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The generator's fallback for values the contract does not list ({@code enumUnknownDefaultCase}). */
  static boolean isUnknownConstant(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).endsWith("unknown_default_open_api");
  }

  static String knownValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> (Enum<?>) c)
        .filter(c -> !isUnknownConstant(c))
        .map(Object::toString)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static void urlRules(String path, String url, Findings findings) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      findings.error(path, "urlSyntax", "is not a syntactically valid URL", valueText(url));
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
      findings.error(path, "urlSyntax", "must be an absolute http or https URL with a valid host name", valueText(url));
      return;
    }
    List<String> extensions = FILE_EXTENSIONS.get(path);
    if (extensions != null) {
      String file = lastSegment(uri.getPath());
      int dot = file.lastIndexOf('.');
      String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!extensions.contains(extension)) {
        findings.warning(path, "fileExtension",
            "the file name does not end in " + extensions.stream().map(e -> "." + e).collect(Collectors.joining(", "))
                + ", the formats the service accepts", valueText(file));
      }
    }
  }

  private static String lastSegment(String uriPath) {
    if (uriPath == null) {
      return "";
    }
    int slash = uriPath.lastIndexOf('/');
    return slash < 0 ? uriPath : uriPath.substring(slash + 1);
  }

  // ---- Cross-field rules the generator drops

  private static void driverTypeRules(VideoMakeNoTrainPayload payload, Findings findings) {
    SpeechParam speech = payload.getSpeechParam();
    if (payload.getDriverType() == DriverTypeEnum.TEXT) {
      if (payload.getInputSsml() == null) {
        findings.error("Payload.InputSsml", "requiredWhenText", "is required when DriverType is Text", null);
      }
      if (speech == null) {
        findings.error("Payload.SpeechParam", "requiredWhenText", "is required when DriverType is Text", null);
      } else {
        if (speech.getSpeed() == null) {
          findings.error("Payload.SpeechParam.Speed", "requiredWhenText", "is required when DriverType is Text", null);
        }
        if (speech.getTimbreKey() == null) {
          findings.error("Payload.SpeechParam.TimbreKey", "requiredWhenText", "is required when DriverType is Text", null);
        }
      }
    } else if (payload.getDriverType() == DriverTypeEnum.ORIGINAL_VOICE) {
      if (payload.getInputAudioUrl() == null) {
        findings.error("Payload.InputAudioUrl", "requiredWhenOriginalVoice",
            "is required when DriverType is OriginalVoice", null);
      }
      if (speech != null) {
        findings.warning("Payload.SpeechParam", "ignoredWithOriginalVoice",
            "speech parameters are ignored when DriverType is OriginalVoice", null);
      }
      if (payload.getInputSsml() != null) {
        findings.warning("Payload.InputSsml", "ignoredWithOriginalVoice",
            "the text is ignored when DriverType is OriginalVoice", valueText(payload.getInputSsml()));
      }
    }
    if (speech != null) {
      if (speech.getEmotionIntensity() != null && speech.getEmotionCategory() == null) {
        findings.warning("Payload.SpeechParam.EmotionIntensity", "ignoredWithoutEmotionCategory",
            "is only effective together with EmotionCategory", valueText(speech.getEmotionIntensity()));
      }
      if (speech.getVolume() != null && speech.getVolume() != 0 && speech.getTimbreKey() != null
          && FIXED_VOLUME_TIMBRE.matcher(speech.getTimbreKey()).matches()) {
        findings.warning("Payload.SpeechParam.Volume", "volumeIgnoredByTimbre",
            "the timbre " + speech.getTimbreKey() + " does not support volume adjustment", valueText(speech.getVolume()));
      }
    }
  }

  private static void videoParamRules(VideoMakeNoTrainPayload payload, Findings findings) {
    VideoParam video = payload.getVideoParam();
    if (video == null) {
      return;
    }
    String start = "Payload.VideoParam.StartTime";
    String end = "Payload.VideoParam.EndTime";
    decimals(start, video.getStartTime(), findings);
    decimals(end, video.getEndTime(), findings);
    MakeTypeEnum makeType = video.getMakeType() == null ? MakeTypeEnum.DEFAULT : video.getMakeType();
    switch (makeType) {
      case CUSTOM -> {
        if (video.getStartTime() == null) {
          findings.error(start, "requiredWhenCustom", "is required when MakeType is Custom", null);
        }
        if (video.getEndTime() == null) {
          findings.error(end, "requiredWhenCustom", "is required when MakeType is Custom", null);
        }
        if (isFinite(video.getStartTime()) && isFinite(video.getEndTime())) {
          BigDecimal length = BigDecimal.valueOf(video.getEndTime()).subtract(BigDecimal.valueOf(video.getStartTime()));
          if (length.compareTo(MIN_SEGMENT_SECONDS) <= 0) {
            findings.error(end, "segmentLongerThan5s",
                "must exceed StartTime by more than 5 seconds for MakeType Custom (the segment is "
                    + length.stripTrailingZeros().toPlainString() + " s)", valueText(video.getEndTime()));
          }
        }
      }
      case DEFAULT -> {
        ignoredByMakeType(start, video.getStartTime(), makeType, findings);
        ignoredByMakeType(end, video.getEndTime(), makeType, findings);
      }
      case CIRCLE, CUSTOM_ONLY_START -> {
        ignoredByMakeType(end, video.getEndTime(), makeType, findings);
        ignoredByMakeType("Payload.VideoLoop", payload.getVideoLoop(), makeType, findings);
      }
      default -> {
        // An unknown MakeType is reported by the enum rule; which times it uses is unknown.
      }
    }
    if (video.getDisableIdDetect() == DisableIdDetectEnum.DRIVE_ALL_FACES && video.getRefPhotoUrl() != null) {
      findings.warning("Payload.VideoParam.RefPhotoUrl", "ignoredWithDisableIdDetect",
          "the reference photo is ignored when DisableIdDetect is 1", valueText(video.getRefPhotoUrl()));
    }
    disableIntervalRules(video, findings);
  }

  private static void disableIntervalRules(VideoParam video, Findings findings) {
    if (video.getDisableIntervals() == null) {
      return;
    }
    Double previousEnd = null;
    for (int i = 0; i < video.getDisableIntervals().size(); i++) {
      var interval = video.getDisableIntervals().get(i);
      if (interval == null) {
        continue;
      }
      String at = "Payload.VideoParam.DisableIntervals[" + i + "]";
      Double start = interval.getStartTime();
      Double end = interval.getEndTime();
      decimals(at + ".StartTime", start, findings);
      decimals(at + ".EndTime", end, findings);
      if (isFinite(start) && isFinite(end) && start >= end) {
        findings.error(at + ".EndTime", "startBeforeEnd",
            "must be after the interval's StartTime (" + valueText(start) + ")", valueText(end));
      }
      if (isFinite(start) && isFinite(previousEnd) && start < previousEnd) {
        findings.error(at + ".StartTime", "chronological",
            "must not be before the previous interval's EndTime (" + valueText(previousEnd)
                + "): intervals must be in chronological order without overlap", valueText(start));
      }
      if (isFinite(end)) {
        previousEnd = isFinite(previousEnd) ? Math.max(previousEnd, end) : end;
      }
    }
  }

  private static void decimals(String path, Double seconds, Findings findings) {
    // BigDecimal.valueOf uses the shortest decimal that round-trips, so 1.005 has 3 decimals.
    if (isFinite(seconds) && BigDecimal.valueOf(seconds).stripTrailingZeros().scale() > MAX_TIME_DECIMALS) {
      findings.error(path, "decimals", "must have at most " + MAX_TIME_DECIMALS + " decimal places", valueText(seconds));
    }
  }

  private static void ignoredByMakeType(String path, Object value, MakeTypeEnum makeType, Findings findings) {
    if (value != null) {
      findings.warning(path, "ignoredByMakeType", "is ignored when MakeType is " + makeType.getValue()
          + (makeType == MakeTypeEnum.DEFAULT ? " (or absent)" : ""), valueText(value));
    }
  }

  private static boolean isFinite(Double value) {
    return value != null && Double.isFinite(value);
  }

  /** The rejected value as text: secrets in URLs masked, long text shortened. */
  static String valueText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double number) {
      return Double.isFinite(number) ? BigDecimal.valueOf(number).toPlainString() : number.toString();
    }
    if (value instanceof Collection<?> collection) {
      return collection.size() + " items";
    }
    if (ModelProperties.isModel(value.getClass())) {
      return "an object";
    }
    String text = Redaction.maskQuery(value.toString());
    if (text.codePointCount(0, text.length()) > MAX_VALUE_TEXT) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_VALUE_TEXT)) + "…";
    }
    return text;
  }

  /**
   * Collects issues without repeats. A {@code type} error hides the other errors at its
   * path, and a pattern failure of a URL hides the finer URL syntax check.
   */
  private static final class Findings {
    private final Map<String, ValidationIssue> issues = new LinkedHashMap<>();

    void add(ValidationIssue issue) {
      issues.putIfAbsent(issue.severity() + " " + issue.path() + " " + issue.rule() + " " + issue.message(), issue);
    }

    void error(String path, String rule, String message, String rejectedValue) {
      add(ValidationIssue.error(path, rule, message, rejectedValue));
    }

    void warning(String path, String rule, String message, String rejectedValue) {
      add(ValidationIssue.warning(path, rule, message, rejectedValue));
    }

    ValidationReport report() {
      Set<String> typeErrors = new HashSet<>();
      Set<String> patternErrors = new HashSet<>();
      for (ValidationIssue issue : issues.values()) {
        if (issue.rule().equals("type")) {
          typeErrors.add(issue.path());
        } else if (issue.rule().equals("absoluteHttpUrl")) {
          patternErrors.add(issue.path());
        }
      }
      List<ValidationIssue> kept = new ArrayList<>();
      for (ValidationIssue issue : issues.values()) {
        boolean hidden = (typeErrors.contains(issue.path()) && !issue.rule().equals("type")
                && issue.severity() == ValidationIssue.Severity.ERROR)
            || (patternErrors.contains(issue.path()) && issue.rule().equals("urlSyntax"));
        if (!hidden) {
          kept.add(issue);
        }
      }
      kept.sort(Comparator.comparing(ValidationIssue::path));
      return new ValidationReport(kept);
    }
  }
}
