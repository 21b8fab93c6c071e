package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationMode;
import io.github.ivhclient.videomake.ValidationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one {@link PayloadValidator} run, without repeats, each with its rule. A
 * {@code type} error hides the other errors at its path, and a pattern failure of a URL hides the
 * finer URL checks.
 */
final class Findings {
  /** A run has a handful of findings: they are compared one by one up to this many, then indexed. */
  private static final int MAX_UNINDEXED = 8;
  private static final Comparator<ValidationIssue> BY_PATH = Comparator.comparing(ValidationIssue::path);

  /** What makes two findings repeats: all but the rejected value. */
  private record Key(ValidationIssue.Severity severity, String path, String rule, String message) {
    static Key of(ValidationIssue issue) {
      return new Key(issue.severity(), issue.path(), issue.rule(), issue.message());
    }
  }

  /** Every finding in the order found, repeats included: they are dropped when the report is made. */
  private final List<ValidationIssue> found = new ArrayList<>(4);
  /** Per finding: whether a rule that guards the wire format found it (an error in every mode). */
  private final List<Boolean> foundWireFormat = new ArrayList<>(4);

  /** A finding of {@link SsmlChecker}, whose rules are never about the wire format. */
  void add(ValidationIssue issue) {
    found.add(issue);
    foundWireFormat.add(false);
  }

  void add(Rule rule, String path, String message, String rejectedValue) {
    found.add(rule.issue(path, message, rejectedValue));
    foundWireFormat.add(rule.wireFormat());
  }

  /** The findings of {@code later}, as if they had been found here, after this run's own. */
  void addAll(Findings later) {
    found.addAll(later.found);
    foundWireFormat.addAll(later.foundWireFormat);
  }

  /** A finding of a schema constraint (Bean Validation), under the rule that states it for that path. */
  void schema(String keyword, String path, String message, String rejectedValue) {
    Rule rule = ValidationRules.find(keyword, path).orElseThrow(() -> new IllegalStateException(
        "no rule of ValidationRules states '" + keyword + "' at " + path + " (the spec has a constraint the"
            + " client does not know)"));
    add(rule, path, message, rejectedValue);
  }

  /** The findings without repeats, the first of each kept, and for each whether it is a wire-format error. */
  private static final class Distinct {
    final List<ValidationIssue> issues = new ArrayList<>(4);
    /**
     * A kept finding is a wire-format error when a wire-format rule found it, or found a repeat
     * equal to it in every part, rejected value included.
     */
    final List<Boolean> wireFormat = new ArrayList<>(4);
    /** The position of each issue by its key, once there are more than {@link #MAX_UNINDEXED}. */
    private Map<Key, Integer> index;

    void add(ValidationIssue issue, boolean wire) {
      int at = indexOf(issue);
      if (at < 0) {
        if (index != null) {
          index.put(Key.of(issue), issues.size());
        }
        issues.add(issue);
        wireFormat.add(wire);
        if (index == null && issues.size() > MAX_UNINDEXED) {
          index = new HashMap<>();
          for (int i = 0; i < issues.size(); i++) {
            index.put(Key.of(issues.get(i)), i);
          }
        }
      } else if (wire && issues.get(at).equals(issue)) {
        wireFormat.set(at, true);
      }
    }

    private int indexOf(ValidationIssue issue) {
      if (index != null) {
        return index.getOrDefault(Key.of(issue), -1);
      }
      for (int i = 0; i < issues.size(); i++) {
        ValidationIssue other = issues.get(i);
        if (other.path().equals(issue.path()) && other.rule().equals(issue.rule())
            && other.severity() == issue.severity() && other.message().equals(issue.message())) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * The findings as {@code mode} reports them: all of them ({@code ENFORCE}), with the errors
   * turned into warnings ({@code WARN_ONLY}), or none ({@code OFF}); in every mode the errors of
   * the wire format stay errors. Sorted by path; findings at one path in the order found.
   */
  ValidationReport report(ValidationMode mode) {
    if (found.isEmpty()) {
      return new ValidationReport(List.of());
    }
    Distinct distinct = new Distinct();
    for (int i = 0; i < found.size(); i++) {
      distinct.add(found.get(i), foundWireFormat.get(i));
    }
    List<ValidationIssue> issues = distinct.issues;
    Set<String> typeErrors = null;
    Set<String> patternErrors = null;
    for (ValidationIssue issue : issues) {
      if (issue.rule().equals("type")) {
        typeErrors = typeErrors == null ? new HashSet<>() : typeErrors;
        typeErrors.add(issue.path());
      } else if (issue.rule().equals("absoluteHttpUrl")) {
        patternErrors = patternErrors == null ? new HashSet<>() : patternErrors;
        patternErrors.add(issue.path());
      }
    }
    List<ValidationIssue> kept = new ArrayList<>(issues.size());
    for (int i = 0; i < issues.size(); i++) {
      ValidationIssue issue = issues.get(i);
      boolean hidden = (typeErrors != null && typeErrors.contains(issue.path()) && !issue.rule().equals("type")
              && issue.severity() == ValidationIssue.Severity.ERROR)
          || (patternErrors != null && patternErrors.contains(issue.path())
              && (issue.rule().equals("urlSyntax") || issue.rule().equals("urlWhitespace")));
      if (hidden) {
        continue;
      }
      if (distinct.wireFormat.get(i) || mode == ValidationMode.ENFORCE) {
        kept.add(issue);
      } else if (mode == ValidationMode.WARN_ONLY) {
        kept.add(issue.severity() == ValidationIssue.Severity.ERROR
            ? ValidationIssue.warning(issue.path(), issue.rule(), "(not enforced) " + issue.message(),
                issue.rejectedValue())
            : issue);
      }
    }
    kept.sort(BY_PATH);
    return new ValidationReport(kept);
  }
}
