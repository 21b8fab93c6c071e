package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The rules of the tags the gateway documents ({@code phoneme}, {@code break}, {@code word}) on a
 * complete element, and warnings for undocumented tags and attributes. {@link SsmlChecker} scans
 * the markup and calls this once per element.
 */
final class SsmlTagRules {
  private static final Set<String> PHONEME_ATTRIBUTES = Set.of("alphabet", "ph");
  private static final Set<String> BREAK_ATTRIBUTES = Set.of("time", "strength");

  private SsmlTagRules() {}

  /** A tag's attributes in the order written: a tag has a few, so a list beats a map. */
  static final class Attributes {
    private String[] namesAndValues = new String[4];
    private int size;

    /** Adds the attribute; false, adding nothing, when the tag already has one of that name. */
    boolean add(String name, String value) {
      if (get(name) != null) {
        return false;
      }
      if (2 * size == namesAndValues.length) {
        namesAndValues = Arrays.copyOf(namesAndValues, 2 * namesAndValues.length);
      }
      namesAndValues[2 * size] = name;
      namesAndValues[2 * size + 1] = value;
      size++;
      return true;
    }

    String get(String name) {
      for (int i = 0; i < size; i++) {
        if (namesAndValues[2 * i].equals(name)) {
          return namesAndValues[2 * i + 1];
        }
      }
      return null;
    }

    int size() {
      return size;
    }

    String name(int i) {
      return namesAndValues[2 * i];
    }
  }

  /** An element as the scan builds it: name, position, attributes, the text it holds. */
  static final class Element {
    final String name;
    final int start;
    final Attributes attributes;
    final StringBuilder text = new StringBuilder();
    boolean hasChildElement;

    Element(String name, int start, Attributes attributes) {
      this.name = name;
      this.start = start;
      this.attributes = attributes;
    }
  }

  /** The documented tags' own rules, once an element of {@code ssml} is complete. */
  static void check(String ssml, Element e, boolean selfClosing, List<ValidationIssue> issues) {
    Reporter reporter = new Reporter(ssml, e, issues);
    switch (e.name) {
      case "phoneme" -> {
        String alphabet = e.attributes.get("alphabet");
        String ph = e.attributes.get("ph");
        if (!"py".equals(alphabet)) {
          reporter.report(ValidationRules.SSML_PHONEME, "<phoneme>" + reporter.at() + " needs alphabet=\"py\"", alphabet);
        }
        if (ph == null || !SsmlChecker.isPinyin(ph)) {
          reporter.report(ValidationRules.SSML_PHONEME, "<phoneme>" + reporter.at() + " needs ph with one pinyin syllable and a tone digit 1-5, e.g. fu4", ph);
        }
        if (e.hasChildElement) {
          reporter.report(ValidationRules.SSML_PHONEME, "<phoneme>" + reporter.at() + " may hold text only", SsmlChecker.excerpt(ssml, e.start));
        } else if (e.text.codePointCount(0, e.text.length()) != 1) {
          // The table's own example wraps a whole word, so this is a warning, not an error.
          reporter.report(ValidationRules.SSML_PHONEME_ONE_CHARACTER, "<phoneme>" + reporter.at() + " should hold exactly one character", e.text.toString());
        }
        reporter.unknownAttributes(PHONEME_ATTRIBUTES);
      }
      case "break" -> {
        if (!selfClosing && (e.hasChildElement || e.text.length() > 0)) {
          reporter.report(ValidationRules.SSML_BREAK, "<break>" + reporter.at() + " must be empty: write <break/>", e.text.toString());
        }
        String time = e.attributes.get("time");
        if (time != null && !SsmlChecker.BREAK_TIME.matcher(time).matches()) {
          reporter.report(ValidationRules.SSML_BREAK, "<break>" + reporter.at() + " time needs a number and a unit ms or s, e.g. 500ms", time);
        }
        String strength = e.attributes.get("strength");
        if (strength != null && !SsmlChecker.BREAK_STRENGTHS.contains(strength)) {
          reporter.report(ValidationRules.SSML_BREAK, "<break>" + reporter.at() + " strength must be one of " + String.join(", ", SsmlChecker.BREAK_STRENGTHS), strength);
        }
        reporter.unknownAttributes(BREAK_ATTRIBUTES);
      }
      case "word" -> {
        if (e.text.toString().isBlank()) {
          reporter.report(ValidationRules.SSML_WORD, "<word>" + reporter.at() + " must wrap a word or phrase", e.text.toString());
        }
        reporter.unknownAttributes(Set.of());
      }
      default -> reporter.report(ValidationRules.SSML_TAG, "<" + e.name + ">" + reporter.at() + " is not a documented tag (phoneme, break, word);"
          + " the gateway may reject or read it", e.name);
    }
  }

  /** Reports at {@link SsmlChecker#PATH}, naming the element's position only when a finding needs it. */
  private record Reporter(String ssml, Element e, List<ValidationIssue> issues) {
    String at() {
      return " at character " + SsmlChecker.position(ssml, e.start);
    }

    void report(Rule rule, String message, String value) {
      issues.add(rule.issue(SsmlChecker.PATH, message, value));
    }

    void unknownAttributes(Set<String> known) {
      for (int i = 0; i < e.attributes.size(); i++) {
        String name = e.attributes.name(i);
        if (!known.contains(name)) {
          report(ValidationRules.SSML_TAG, "<" + e.name + ">" + at() + " has an undocumented attribute '"
              + name + "'", name);
        }
      }
    }
  }
}
