package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationIssue.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One validation rule of a request: its id (the {@link ValidationIssue#rule()} of its findings),
 * its severity, the wire paths it checks ({@code []} for every item of a list) and the words of
 * the API document it rests on.
 *
 * <p>An error needs a sentence of the document that forbids the request; where the document is
 * silent or contradicts itself the rule is a warning that says what the gateway may do. A rule
 * that guards the wire format ({@link #wireFormat()}: a value JSON cannot carry as written) is
 * enforced in every {@link io.github.ivhclient.videomake.ValidationMode}. All rules are listed in
 * {@link ValidationRules#ALL}, from which the rules table of {@code generated-readme.md} is made.
 */
public record Rule(String id, Severity severity, List<String> paths, String source, boolean wireFormat) {
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    paths = List.copyOf(paths);
    Objects.requireNonNull(source, "source");
  }

  static Rule error(String id, String source, String... paths) {
    return new Rule(id, Severity.ERROR, List.of(paths), source, false);
  }

  static Rule warning(String id, String source, String... paths) {
    return new Rule(id, Severity.WARNING, List.of(paths), source, false);
  }

  /** An error that holds in every validation mode: the request cannot be sent as written. */
  static Rule wireFormat(String id, String source, String... paths) {
    return new Rule(id, Severity.ERROR, List.of(paths), source, true);
  }

  /** A finding of this rule at {@code path}. */
  public ValidationIssue issue(String path, String message, String rejectedValue) {
    return severity == Severity.ERROR
        ? ValidationIssue.error(path, id, message, rejectedValue)
        : ValidationIssue.warning(path, id, message, rejectedValue);
  }

  /**
   * Whether this rule checks {@code path} (list indices written {@code [3]} or {@code []}); a
   * path ending in {@code .*} covers everything below it.
   */
  public boolean covers(String path) {
    String general = path.replaceAll("\\[\\d+]", "[]");
    return paths.stream().anyMatch(p -> p.equals(general)
        || p.endsWith(".*") && general.startsWith(p.substring(0, p.length() - 1)));
  }
}
