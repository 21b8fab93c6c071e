package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the markup of {@code InputSsml}: well-formed (every {@code &} an entity, every {@code <}
 * a tag, every tag closed, properly nested) and the documented tags used as documented.
 *
 * <p>A hand-written scanner rather than an XML parser: the text is a fragment (no root element),
 * the messages must point at a position, and nothing here may resolve entities or DTDs.
 * Length and line breaks are schema rules, checked by the validator, not here.
 */
public final class SsmlChecker {
  public static final String PATH = "Payload.InputSsml";
  /** The tags the gateway documents; others may or may not be accepted (a warning). */
  public static final Set<String> DOCUMENTED_TAGS = Set.of("phoneme", "break", "word");
  public static final Set<String> BREAK_STRENGTHS = Set.of("x-weak", "weak", "medium", "strong", "x-strong");
  /** One pinyin syllable with its tone digit, e.g. {@code fu4}; {@code v} or {@code ü} spell ü. */
  public static final Pattern PINYIN = Pattern.compile("[a-zA-ZüÜ]{1,6}[1-5]");
  /** A pause: a positive number (not zero) with {@code ms} or {@code s}. */
  public static final Pattern BREAK_TIME = Pattern.compile("(?=[0-9.]*[1-9])(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:ms|s)");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*");
  private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});");
  private static final int MAX_VALUE_ECHO = 40;

  private SsmlChecker() {}

  /** Every problem found, errors and warnings, at {@link #PATH}; empty when the markup is fine. */
  public static List<ValidationIssue> check(String ssml) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (ssml != null) {
      new Scan(ssml, issues).run();
    }
    return issues;
  }

  private static final class Element {
    final String name;
    final int start;
    final Map<String, String> attributes;
    final StringBuilder text = new StringBuilder();
    boolean hasChildElement;

    Element(String name, int start, Map<String, String> attributes) {
      this.name = name;
      this.start = start;
      this.attributes = attributes;
    }
  }

  private static final class Scan {
    private final String s;
    private final List<ValidationIssue> issues;
    private final Deque<Element> open = new ArrayDeque<>();
    private int i;

    Scan(String s, List<ValidationIssue> issues) {
      this.s = s;
      this.issues = issues;
    }

    void run() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '<') {
          if (!tag()) {
            return; // after a broken tag, positions of later findings would mislead
          }
        } else if (c == '&') {
          var m = ENTITY.matcher(s).region(i, s.length());
          if (!m.lookingAt()) {
            error(ValidationRules.SSML_WELL_FORMED, "unescaped '&' at character " + at(i) + ": write &amp;", around(i));
            return;
          }
          appendText(m.group());
          i = m.end();
        } else {
          appendText(String.valueOf(c));
          i++;
        }
      }
      for (Element e : open) {
        error(ValidationRules.SSML_WELL_FORMED, "<" + e.name + "> at character " + at(e.start) + " is never closed", around(e.start));
      }
    }

    private void appendText(String text) {
      Element parent = open.peek();
      if (parent != null) {
        parent.text.append(text);
      }
    }

    /** Reads a tag at {@code i}; false when the markup is broken beyond this point. */
    private boolean tag() {
      int start = i;
      boolean closing = s.startsWith("</", i);
      int p = closing ? i + 2 : i + 1;
      var name = NAME.matcher(s).region(p, s.length());
      if (!name.lookingAt()) {
        error(ValidationRules.SSML_WELL_FORMED, "unescaped '<' at character " + at(start) + ": write &lt;", around(start));
        return false;
      }
      String tagName = name.group();
      p = name.end();
      Map<String, String> attributes = new LinkedHashMap<>();
      if (!closing) {
        p = attributes(p, attributes);
        if (p < 0) {
          return false;
        }
      }
      p = skipSpace(p);
      boolean selfClosing = !closing && s.startsWith("/>", p);
      if (!selfClosing && (p >= s.length() || s.charAt(p) != '>')) {
        error(ValidationRules.SSML_WELL_FORMED, "the tag at character " + at(start) + " is not closed with '>'", around(start));
        return false;
      }
      i = p + (selfClosing ? 2 : 1);
      if (closing) {
        return close(tagName, start);
      }
      Element parent = open.peek();
      if (parent != null) {
        parent.hasChildElement = true;
      }
      Element element = new Element(tagName, start, attributes);
      if (selfClosing) {
        finish(element, true);
      } else {
        open.push(element);
      }
      return true;
    }

    private boolean close(String tagName, int start) {
      Element top = open.peek();
      if (top == null || !top.name.equals(tagName)) {
        error(ValidationRules.SSML_WELL_FORMED, "</" + tagName + "> at character " + at(start)
            + (top == null ? " closes nothing" : " does not close <" + top.name + ">"), around(start));
        return false;
      }
      open.pop();
      Element parent = open.peek();
      if (parent != null) {
        parent.text.append(top.text);
      }
      finish(top, false);
      return true;
    }

    /** Parses {@code name="value"} pairs from {@code p}; returns the position after them, or -1. */
    private int attributes(int p, Map<String, String> into) {
      while (true) {
        int afterSpace = skipSpace(p);
        var name = NAME.matcher(s).region(afterSpace, s.length());
        if (afterSpace == p || !name.lookingAt()) {
          return p;
        }
        int q = skipSpace(name.end());
        if (q >= s.length() || s.charAt(q) != '=') {
          error(ValidationRules.SSML_WELL_FORMED, "attribute '" + name.group() + "' at character " + at(afterSpace)
              + " has no value", around(afterSpace));
          return -1;
        }
        q = skipSpace(q + 1);
        char quote = q < s.length() ? s.charAt(q) : 0;
        int end = quote == '"' || quote == '\'' ? s.indexOf(quote, q + 1) : -1;
        if (end < 0) {
          error(ValidationRules.SSML_WELL_FORMED, "attribute '" + name.group() + "' at character " + at(afterSpace)
              + " needs a quoted value", around(afterSpace));
          return -1;
        }
        String value = s.substring(q + 1, end);
        if (value.indexOf('<') >= 0 || hasBareAmpersand(value)) {
          error(ValidationRules.SSML_WELL_FORMED, "attribute '" + name.group() + "' at character " + at(afterSpace)
              + " holds an unescaped '<' or '&'", around(afterSpace));
          return -1;
        }
        if (into.put(name.group(), value) != null) {
          error(ValidationRules.SSML_WELL_FORMED, "attribute '" + name.group() + "' is repeated at character " + at(afterSpace),
              around(afterSpace));
          return -1;
        }
        p = end + 1;
      }
    }

    /** The documented tags' own rules, once an element is complete. */
    private void finish(Element e, boolean selfClosing) {
      String at = " at character " + at(e.start);
      switch (e.name) {
        case "phoneme" -> {
          String alphabet = e.attributes.get("alphabet");
          String ph = e.attributes.get("ph");
          if (!"py".equals(alphabet)) {
            error(ValidationRules.SSML_PHONEME, "<phoneme>" + at + " needs alphabet=\"py\"", alphabet);
          }
          if (ph == null || !PINYIN.matcher(ph).matches()) {
            error(ValidationRules.SSML_PHONEME, "<phoneme>" + at + " needs ph with one pinyin syllable and a tone digit 1-5, e.g. fu4", ph);
          }
          if (e.hasChildElement) {
            error(ValidationRules.SSML_PHONEME, "<phoneme>" + at + " may hold text only", around(e.start));
          } else if (e.text.codePointCount(0, e.text.length()) != 1) {
            // The table's own example wraps a whole word, so this is a warning, not an error.
            warning(ValidationRules.SSML_PHONEME_ONE_CHARACTER, "<phoneme>" + at + " should hold exactly one character", e.text.toString());
          }
          unknownAttributes(e, Set.of("alphabet", "ph"));
        }
        case "break" -> {
          if (!selfClosing && (e.hasChildElement || e.text.length() > 0)) {
            error(ValidationRules.SSML_BREAK, "<break>" + at + " must be empty: write <break/>", e.text.toString());
          }
          String time = e.attributes.get("time");
          if (time != null && !BREAK_TIME.matcher(time).matches()) {
            error(ValidationRules.SSML_BREAK, "<break>" + at + " time needs a number and a unit ms or s, e.g. 500ms", time);
          }
          String strength = e.attributes.get("strength");
          if (strength != null && !BREAK_STRENGTHS.contains(strength)) {
            error(ValidationRules.SSML_BREAK, "<break>" + at + " strength must be one of " + String.join(", ", BREAK_STRENGTHS), strength);
          }
          unknownAttributes(e, Set.of("time", "strength"));
        }
        case "word" -> {
          if (e.text.toString().isBlank()) {
            error(ValidationRules.SSML_WORD, "<word>" + at + " must wrap a word or phrase", e.text.toString());
          }
          unknownAttributes(e, Set.of());
        }
        default -> warning(ValidationRules.SSML_TAG, "<" + e.name + ">" + at + " is not a documented tag (phoneme, break, word);"
            + " the gateway may reject or read it", e.name);
      }
    }

    private void unknownAttributes(Element e, Set<String> known) {
      for (String name : e.attributes.keySet()) {
        if (!known.contains(name)) {
          warning(ValidationRules.SSML_TAG, "<" + e.name + "> at character " + at(e.start) + " has an undocumented attribute '"
              + name + "'", name);
        }
      }
    }

    private static boolean hasBareAmpersand(String value) {
      for (int a = value.indexOf('&'); a >= 0; a = value.indexOf('&', a + 1)) {
        if (!ENTITY.matcher(value).region(a, value.length()).lookingAt()) {
          return true;
        }
      }
      return false;
    }

    private int skipSpace(int p) {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
      return p;
    }

    /** The 1-based position of a UTF-16 index in code points, as the gateway counts characters. */
    private int at(int index) {
      return s.codePointCount(0, index) + 1;
    }

    private String around(int position) {
      int end = s.offsetByCodePoints(position, Math.min(MAX_VALUE_ECHO, s.codePointCount(position, s.length())));
      return s.substring(position, end) + (end < s.length() ? "…" : "");
    }

    private void error(Rule rule, String message, String value) {
      issues.add(rule.issue(PATH, message, value));
    }

    private void warning(Rule rule, String message, String value) {
      issues.add(rule.issue(PATH, message, value));
    }
  }
}
