package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one {@link PayloadValidator} run, without repeats, each with its rule. A
 * {@code type} error hides the other errors at its path, and a pattern failure of a URL hides the
 * finer URL checks.
 */
final class Findings {
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

  /**
   * The findings as {@code mode} reports them: all of them ({@code ENFORCE}), with the errors
   * turned into warnings ({@code WARN_ONLY}), or none ({@code OFF}); in every mode the errors of
   * the wire format stay errors. Sorted by path; findings at one path in the order found.
   */
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
