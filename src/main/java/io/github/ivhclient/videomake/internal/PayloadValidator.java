package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
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
 * service ignores. Every finding comes from a {@link Rule} of {@link ValidationRules}: an error
 * only where a sentence of the API document forbids the request. Stateless and thread-safe; {@code new PayloadValidator()} is cheap, the
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

  private static final Map<String, String> PATTERN_MESSAGES = Map.of("Payload.InputSsml",
      "must not contain a line break (LF, VT, FF, CR, NEL U+0085, LS U+2028 or PS U+2029)");

  /** Every finding, errors refusing the request ({@link ValidationMode#ENFORCE}). */
  public ValidationReport validate(VideoMakeNoTrainPayload payload) {
    return validate(payload, ValidationMode.ENFORCE);
  }

  /**
   * The findings as {@code mode} reports them: all of them ({@code ENFORCE}), with the errors
   * turned into warnings ({@code WARN_ONLY}), or none ({@code OFF}); in every mode the errors of
   * the wire format ({@link Rule#wireFormat()}) stay errors.
   */
  public ValidationReport validate(VideoMakeNoTrainPayload payload, ValidationMode mode) {
    return findings(payload).report(Objects.requireNonNull(mode, "mode"));
  }

  private static Findings findings(VideoMakeNoTrainPayload payload) {
    Findings findings = new Findings();
    if (payload == null) {
      findings.add(ValidationRules.PAYLOAD_REQUIRED, ROOT, "the request payload is required", null);
      return findings;
    }
    beanValidation(payload, findings);
    walk(payload, ROOT, findings);
    driverTypeRules(payload, findings);
    if (payload.getInputSsml() != null) {
      SsmlChecker.check(payload.getInputSsml()).forEach(findings::add);
    }
    videoParamRules(payload, findings);
    return findings;
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
            findings.add(ValidationRules.NULL_ITEM, itemPath, "a list item must not be null", null);
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
      findings.add(ValidationRules.UNKNOWN_ENUM, path, "must be one of " + knownValues(constant.getDeclaringClass()),
          "a value unknown to this client");
    } else if (value instanceof Double number && !Double.isFinite(number)) {
      findings.add(ValidationRules.TYPE, path, "must be a finite number", number.toString());
    } else if (value instanceof String text) {
      int lone = loneSurrogate(text);
      if (lone >= 0) {
        // UTF-8 cannot carry it: the wire would silently get '?' instead (a different text, billed).
        findings.add(ValidationRules.WELL_FORMED_UNICODE, path, "has an unpaired UTF-16 surrogate at character "
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

  /** URL syntax is what OkHttp's HttpUrl parses (http and https only), as real HTTP clients read URLs. */
  private static void urlRules(String path, String url, Findings findings) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      findings.add(ValidationRules.URL_SYNTAX, path,
          "is not an http or https URL an HTTP client can parse (a host name, a valid port)", valueText(url));
      return;
    }
    if (url.codePoints().anyMatch(c -> c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      findings.add(ValidationRules.URL_WHITESPACE, path,
          "contains white space or control characters, sent as written: the gateway may trim or encode them,"
              + " or fail to download", valueText(url));
    }
    List<String> extensions = FILE_EXTENSIONS.get(path);
    if (extensions != null) {
      List<String> segments = parsed.pathSegments();
      String file = segments.get(segments.size() - 1);
      int dot = file.lastIndexOf('.');
      String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!extensions.contains(extension)) {
        findings.add(ValidationRules.FILE_EXTENSION, path,
            "the file name does not end in " + extensions.stream().map(e -> "." + e).collect(Collectors.joining(", "))
                + ", the formats the service accepts", valueText(file));
      }
    }
  }

  // ---- Cross-field rules the generator drops

  private static void driverTypeRules(VideoMakeNoTrainPayload payload, Findings findings) {
    SpeechParam speech = payload.getSpeechParam();
    if (payload.getDriverType() == DriverTypeEnum.TEXT) {
      if (payload.getInputSsml() == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.InputSsml", "is required when DriverType is Text", null);
      }
      if (speech == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam", "is required when DriverType is Text", null);
      } else {
        if (speech.getSpeed() == null) {
          findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam.Speed",
              "is required when DriverType is Text", null);
        }
        if (speech.getTimbreKey() == null) {
          findings.add(ValidationRules.REQUIRED_WHEN_TEXT, "Payload.SpeechParam.TimbreKey",
              "is required when DriverType is Text", null);
        }
      }
    } else if (payload.getDriverType() == DriverTypeEnum.ORIGINAL_VOICE) {
      if (payload.getInputAudioUrl() == null) {
        findings.add(ValidationRules.REQUIRED_WHEN_ORIGINAL_VOICE, "Payload.InputAudioUrl",
            "is required when DriverType is OriginalVoice", null);
      }
      if (speech != null && speech.getSpeed() != null) {
        findings.add(ValidationRules.SPEED_WITH_ORIGINAL_VOICE, "Payload.SpeechParam.Speed",
            "speech rate control is not effective when DriverType is OriginalVoice", valueText(speech.getSpeed()));
      }
      if (payload.getInputSsml() != null) {
        findings.add(ValidationRules.SSML_WITH_ORIGINAL_VOICE, "Payload.InputSsml",
            "the document does not say what the gateway does with text when DriverType is OriginalVoice;"
                + " it may ignore it", valueText(payload.getInputSsml()));
      }
    }
    if (speech != null) {
      if (speech.getEmotionIntensity() != null
          && (speech.getEmotionCategory() == null || speech.getEmotionCategory().isEmpty())) {
        findings.add(ValidationRules.EMOTION_INTENSITY_WITHOUT_CATEGORY, "Payload.SpeechParam.EmotionIntensity",
            "is only effective when EmotionCategory is not empty", valueText(speech.getEmotionIntensity()));
      }
      if (speech.getVolume() != null && speech.getVolume() != 0 && speech.getTimbreKey() != null
          && FIXED_VOLUME_TIMBRE.matcher(speech.getTimbreKey()).matches()) {
        findings.add(ValidationRules.VOLUME_FIXED_TIMBRE, "Payload.SpeechParam.Volume",
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
      case CUSTOM -> customSegment(video, findings);
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
      findings.add(ValidationRules.PHOTO_WITH_DISABLE_ID_DETECT, "Payload.VideoParam.RefPhotoUrl",
          "the reference photo is ignored when DisableIdDetect is 1", valueText(video.getRefPhotoUrl()));
    }
    disableIntervalRules(video, findings);
  }

  /** Custom: longer than 5 s when both times are given; a missing time falls back to its documented default. */
  private static void customSegment(VideoParam video, Findings findings) {
    Double startTime = video.getStartTime();
    Double endTime = video.getEndTime();
    if (startTime == null) {
      findings.add(ValidationRules.CUSTOM_DEFAULT_TIME, "Payload.VideoParam.StartTime",
          "is not filled in for MakeType Custom: the video will start from the default start time", null);
    }
    if (endTime == null) {
      findings.add(ValidationRules.CUSTOM_DEFAULT_TIME, "Payload.VideoParam.EndTime",
          "is not filled in for MakeType Custom: the default selection is the end time of the selected video clips",
          null);
    }
    if (isFinite(startTime) && isFinite(endTime)) {
      BigDecimal length = BigDecimal.valueOf(endTime).subtract(BigDecimal.valueOf(startTime));
      if (length.compareTo(MIN_SEGMENT_SECONDS) <= 0) {
        findings.add(ValidationRules.SEGMENT_LONGER_THAN_5S, "Payload.VideoParam.EndTime",
            "must exceed StartTime by more than 5 seconds for MakeType Custom (the segment is "
                + length.stripTrailingZeros().toPlainString() + " s)", valueText(endTime));
      }
    }
  }

  /**
   * The document asks for chronological order: an interval that starts before the previous one
   * starts, or ends before it starts, is an error. It does not forbid overlaps, empty intervals
   * or a missing end: warnings.
   */
  private static void disableIntervalRules(VideoParam video, Findings findings) {
    if (video.getDisableIntervals() == null) {
      return;
    }
    Double previousStart = null;
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
      if (start == null) {
        findings.add(ValidationRules.INTERVAL_END_MISSING, at + ".StartTime",
            "is not filled in: the document names no default, the gateway chooses where the interval starts", null);
      }
      if (end == null) {
        findings.add(ValidationRules.INTERVAL_END_MISSING, at + ".EndTime",
            "is not filled in: the document names no default, the gateway chooses where the interval ends", null);
      }
      if (isFinite(start) && isFinite(end)) {
        if (end < start) {
          findings.add(ValidationRules.INTERVAL_START_BEFORE_END, at + ".EndTime",
              "must not be before the interval's StartTime (" + valueText(start) + "): the list must be in"
                  + " chronological order", valueText(end));
        } else if (end.equals(start)) {
          findings.add(ValidationRules.INTERVAL_ZERO_LENGTH, at + ".EndTime",
              "equals the interval's StartTime: an empty interval, which the gateway may ignore or refuse",
              valueText(end));
        }
      }
      if (isFinite(start) && isFinite(previousStart) && start < previousStart) {
        findings.add(ValidationRules.INTERVALS_CHRONOLOGICAL, at + ".StartTime",
            "must not be before the previous interval's StartTime (" + valueText(previousStart)
                + "): the list must be in chronological order", valueText(start));
      } else if (isFinite(start) && isFinite(previousEnd) && start < previousEnd) {
        findings.add(ValidationRules.INTERVALS_OVERLAP, at + ".StartTime",
            "is before the previous interval's EndTime (" + valueText(previousEnd)
                + "): the intervals overlap, which the document does not mention; the gateway may merge them"
                + " or fail the task", valueText(start));
      }
      if (isFinite(start)) {
        previousStart = isFinite(previousStart) ? Math.max(previousStart, start) : start;
      }
      if (isFinite(end)) {
        previousEnd = isFinite(previousEnd) ? Math.max(previousEnd, end) : end;
      }
    }
  }

  private static void decimals(String path, Double seconds, Findings findings) {
    // BigDecimal.valueOf uses the shortest decimal that round-trips, so 1.005 has 3 decimals.
    if (isFinite(seconds) && BigDecimal.valueOf(seconds).stripTrailingZeros().scale() > MAX_TIME_DECIMALS) {
      findings.add(ValidationRules.DECIMALS, path, "has more than " + MAX_TIME_DECIMALS
          + " decimal places, the precision the document gives; it is sent as written and the gateway may round it",
          valueText(seconds));
    }
  }

  private static void ignoredByMakeType(String path, Object value, MakeTypeEnum makeType, Findings findings) {
    if (value != null) {
      findings.add(ValidationRules.IGNORED_BY_MAKE_TYPE, path, "is ignored when MakeType is " + makeType.getValue()
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
   * Collects issues without repeats, each with its rule. A {@code type} error hides the other
   * errors at its path, and a pattern failure of a URL hides the finer URL checks.
   */
  private static final class Findings {
    private final Map<String, ValidationIssue> issues = new LinkedHashMap<>();
    /** The issues of rules that guard the wire format: errors in every mode. */
    private final Set<ValidationIssue> wireFormat = new HashSet<>();

    /** A finding of {@link SsmlChecker}, whose rules are never about the wire format. */
    void add(ValidationIssue issue) {
      issues.putIfAbsent(issue.severity() + " " + issue.path() + " " + issue.rule() + " " + issue.message(), issue);
    }

    void add(Rule rule, String path, String message, String rejectedValue) {
      ValidationIssue issue = rule.issue(path, message, rejectedValue);
      add(issue);
      if (rule.wireFormat()) {
        wireFormat.add(issue);
      }
    }

    /** A finding of a schema constraint (Bean Validation), under the rule that states it for that path. */
    void schema(String keyword, String path, String message, String rejectedValue) {
      Rule rule = ValidationRules.find(keyword, path).orElseThrow(() -> new IllegalStateException(
          "no rule of ValidationRules states '" + keyword + "' at " + path + " (the spec has a constraint the"
              + " client does not know)"));
      add(rule, path, message, rejectedValue);
    }

    ValidationReport report(ValidationMode mode) {
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
            || (patternErrors.contains(issue.path())
                && (issue.rule().equals("urlSyntax") || issue.rule().equals("urlWhitespace")));
        if (hidden) {
          continue;
        }
        if (wireFormat.contains(issue) || mode == ValidationMode.ENFORCE) {
          kept.add(issue);
        } else if (mode == ValidationMode.WARN_ONLY) {
          kept.add(issue.severity() == ValidationIssue.Severity.ERROR
              ? ValidationIssue.warning(issue.path(), issue.rule(), "(not enforced) " + issue.message(),
                  issue.rejectedValue())
              : issue);
        }
      }
      kept.sort(Comparator.comparing(ValidationIssue::path));
      return new ValidationReport(kept);
    }
  }
}
