package io.github.ivhclient.videomake.internal;

import com.squareup.moshi.JsonDataException;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strict JSON to {@link VideoMakeNoTrainPayload}, for files people write by hand ({@code validate
 * FILE} in the CLI, the sandbox). Accepts the Payload object or the whole
 * {@code {"Header":{},"Payload":{…}}} envelope.
 *
 * <p>Unlike a plain Moshi binding, nothing is coerced: every value is checked against the JSON
 * type the generated model declares before binding (Moshi would read {@code "1.0"} as a number).
 * A value of the wrong type is an error with rule {@code type} at its wire path, an enum value the
 * contract does not list is an error with rule {@code enum} (with the value as written), and an
 * unknown field is a warning. Syntax errors throw {@link MalformedJsonException}. The parsing is
 * {@link StrictJsonParser}'s and the type checks are {@link JsonTypeChecker}'s; this class reads
 * the envelope, binds what passed, and merges its findings with {@link PayloadValidator}'s.
 *
 * <pre>{@code
 * PayloadReader.Result result = PayloadReader.read(Files.readString(file));
 * ValidationReport report = result.report();   // reader findings plus every validation rule
 * if (report.isValid()) client.submit(result.payload());
 * }</pre>
 */
public final class PayloadReader {
  private static final String ROOT = WirePaths.ROOT;
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
    Object document = StrictJsonParser.parse(json);
    List<ValidationIssue> issues = new ArrayList<>();
    if (!(document instanceof Map<?, ?> top)) {
      issues.add(JsonTypeChecker.typeError(ROOT, "an object (the Payload or the {\"Header\":{},\"Payload\":{…}} envelope)", document));
      return new Result(null, issues);
    }
    Object payload = top;
    if (top.containsKey("Payload")) {
      payload = top.get("Payload");
      envelopeRest(top, issues);
    }
    if (!(payload instanceof Map<?, ?> payloadObject)) {
      issues.add(JsonTypeChecker.typeError(ROOT, "an object", payload));
      return new Result(null, issues);
    }
    Map<String, Object> clean = JsonTypeChecker.checkObject(payloadObject, VideoMakeNoTrainPayload.class, ROOT, issues);
    return new Result(bind(clean, issues), issues);
  }

  private static void envelopeRest(Map<?, ?> envelope, List<ValidationIssue> issues) {
    for (Map.Entry<?, ?> entry : envelope.entrySet()) {
      String key = (String) entry.getKey();
      if (key.equals("Payload")) {
        continue;
      }
      if (!key.equals("Header")) {
        issues.add(JsonTypeChecker.unknownField(key));
      } else if (!(entry.getValue() instanceof Map<?, ?> header)) {
        issues.add(JsonTypeChecker.typeError("Header", "an object", entry.getValue()));
      } else {
        header.keySet().forEach(name -> issues.add(ValidationRules.UNKNOWN_FIELD.issue("Header." + name,
            "the request Header is always sent empty; this field is ignored", null)));
      }
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
}
