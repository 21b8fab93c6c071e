package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.ValidationIssue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
  /** In the specification's order, which the message lists (a set's order changes from run to run). */
  public static final List<String> BREAK_STRENGTHS = List.of("x-weak", "weak", "medium", "strong", "x-strong");
  /** One pinyin syllable with its tone digit, e.g. {@code fu4}; {@code v} or {@code ü} spell ü. */
  public static final Pattern PINYIN = Pattern.compile("[a-zA-ZüÜ]{1,6}[1-5]");
  /** A pause: a positive number (not zero) with {@code ms} or {@code s}. */
  public static final Pattern BREAK_TIME = Pattern.compile("(?=[0-9.]*[1-9])(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:ms|s)");

  private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});");
  private static final int MAX_VALUE_ECHO = 40;

  private SsmlChecker() {}

  /** Whether {@code text} is one pinyin syllable with its tone digit: what {@link #PINYIN} matches, without a matcher. */
  static boolean isPinyin(CharSequence text) {
    int letters = text.length() - 1;
    if (letters < 1 || letters > 6 || text.charAt(letters) < '1' || text.charAt(letters) > '5') {
      return false;
    }
    for (int i = 0; i < letters; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 'ü' || c == 'Ü')) {
        return false;
      }
    }
    return true;
  }

  /** The 1-based position of a UTF-16 index in code points, as the gateway counts characters. */
  static int position(String ssml, int index) {
    return ssml.codePointCount(0, index) + 1;
  }

  /** The markup from a UTF-16 index on, shortened, as an issue quotes it. */
  static String excerpt(String ssml, int index) {
    int end = ssml.offsetByCodePoints(index, Math.min(MAX_VALUE_ECHO, ssml.codePointCount(index, ssml.length())));
    return ssml.substring(index, end) + (end < ssml.length() ? "…" : "");
  }

  /** Every problem found, errors and warnings, at {@link #PATH}; empty when the markup is fine. */
  public static List<ValidationIssue> check(String ssml) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (ssml != null) {
      new Scan(ssml, issues).run();
    }
    return issues;
  }

  private static final class Scan {
    private final String s;
    private final List<ValidationIssue> issues;
    private final Deque<SsmlTagRules.Element> open = new ArrayDeque<>();
    private int i;
    /** The next '<' and '&' the scan has not passed, or -1: found with indexOf, which is faster than a loop. */
    private int nextLessThan;
    private int nextAmpersand;

    Scan(String s, List<ValidationIssue> issues) {
      this.s = s;
      this.issues = issues;
      this.nextLessThan = s.indexOf('<');
      this.nextAmpersand = s.indexOf('&');
    }

    /** The index of the first '<' or '&' at or after {@code from}, or the end of the text. */
    private int markupFrom(int from) {
      if (nextLessThan >= 0 && nextLessThan < from) {
        nextLessThan = s.indexOf('<', from);
      }
      if (nextAmpersand >= 0 && nextAmpersand < from) {
        nextAmpersand = s.indexOf('&', from);
      }
      int next = s.length();
      if (nextLessThan >= 0) {
        next = nextLessThan;
      }
      if (nextAmpersand >= 0 && nextAmpersand < next) {
        next = nextAmpersand;
      }
      return next;
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
            report(ValidationRules.SSML_WELL_FORMED, "unescaped '&' at character " + at(i) + ": write &amp;", around(i));
            return;
          }
          appendText(s, i, m.end());
          i = m.end();
        } else {
          int run = markupFrom(i + 1); // the text up to the next markup character, appended at once
          appendText(s, i, run);
          i = run;
        }
      }
      for (SsmlTagRules.Element e : open) {
        report(ValidationRules.SSML_WELL_FORMED, "<" + e.name + "> at character " + at(e.start) + " is never closed", around(e.start));
      }
    }

    private void appendText(String text, int start, int end) {
      SsmlTagRules.Element parent = open.peek();
      if (parent != null) {
        parent.text.append(text, start, end);
      }
    }

    /** Reads a tag at {@code i}; false when the markup is broken beyond this point. */
    private boolean tag() {
      int start = i;
      boolean closing = s.startsWith("</", i);
      int p = closing ? i + 2 : i + 1;
      int nameEnd = nameEnd(p);
      if (nameEnd < 0) {
        report(ValidationRules.SSML_WELL_FORMED, "unescaped '<' at character " + at(start) + ": write &lt;", around(start));
        return false;
      }
      String tagName = s.substring(p, nameEnd);
      p = nameEnd;
      SsmlTagRules.Attributes attributes = new SsmlTagRules.Attributes();
      if (!closing) {
        p = attributes(p, attributes);
        if (p < 0) {
          return false;
        }
      }
      p = skipSpace(p);
      boolean selfClosing = !closing && s.startsWith("/>", p);
      if (!selfClosing && (p >= s.length() || s.charAt(p) != '>')) {
        report(ValidationRules.SSML_WELL_FORMED, "the tag at character " + at(start) + " is not closed with '>'", around(start));
        return false;
      }
      i = p + (selfClosing ? 2 : 1);
      if (closing) {
        return close(tagName, start);
      }
      SsmlTagRules.Element parent = open.peek();
      if (parent != null) {
        parent.hasChildElement = true;
      }
      SsmlTagRules.Element element = new SsmlTagRules.Element(tagName, start, attributes);
      if (selfClosing) {
        SsmlTagRules.check(s, element, true, issues);
      } else {
        open.push(element);
      }
      return true;
    }

    private boolean close(String tagName, int start) {
      SsmlTagRules.Element top = open.peek();
      if (top == null || !top.name.equals(tagName)) {
        report(ValidationRules.SSML_WELL_FORMED, "</" + tagName + "> at character " + at(start)
            + (top == null ? " closes nothing" : " does not close <" + top.name + ">"), around(start));
        return false;
      }
      open.pop();
      SsmlTagRules.Element parent = open.peek();
      if (parent != null) {
        parent.text.append(top.text);
      }
      SsmlTagRules.check(s, top, false, issues);
      return true;
    }

    /** Parses {@code name="value"} pairs from {@code p}; returns the position after them, or -1. */
    private int attributes(int p, SsmlTagRules.Attributes into) {
      while (true) {
        int afterSpace = skipSpace(p);
        int nameEnd = afterSpace == p ? -1 : nameEnd(afterSpace);
        if (nameEnd < 0) {
          return p;
        }
        String name = s.substring(afterSpace, nameEnd);
        int q = skipSpace(nameEnd);
        if (q >= s.length() || s.charAt(q) != '=') {
          report(ValidationRules.SSML_WELL_FORMED, "attribute '" + name + "' at character " + at(afterSpace)
              + " has no value", around(afterSpace));
          return -1;
        }
        q = skipSpace(q + 1);
        char quote = q < s.length() ? s.charAt(q) : 0;
        int end = quote == '"' || quote == '\'' ? s.indexOf(quote, q + 1) : -1;
        if (end < 0) {
          report(ValidationRules.SSML_WELL_FORMED, "attribute '" + name + "' at character " + at(afterSpace)
              + " needs a quoted value", around(afterSpace));
          return -1;
        }
        String value = s.substring(q + 1, end);
        if (value.indexOf('<') >= 0 || hasBareAmpersand(value)) {
          report(ValidationRules.SSML_WELL_FORMED, "attribute '" + name + "' at character " + at(afterSpace)
              + " holds an unescaped '<' or '&'", around(afterSpace));
          return -1;
        }
        if (!into.add(name, value)) {
          report(ValidationRules.SSML_WELL_FORMED, "attribute '" + name + "' is repeated at character " + at(afterSpace),
              around(afterSpace));
          return -1;
        }
        p = end + 1;
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

    /** The end of an XML-style name ({@code [A-Za-z_][A-Za-z0-9_.:-]*}) starting at {@code p}, or -1 if none starts there. */
    private int nameEnd(int p) {
      int end = p;
      while (end < s.length() && isNameChar(s.charAt(end), end == p)) {
        end++;
      }
      return end > p ? end : -1;
    }

    private static boolean isNameChar(char c, boolean first) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
          || (!first && ((c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-'));
    }

    private int skipSpace(int p) {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
      return p;
    }

    private int at(int index) {
      return position(s, index);
    }

    private String around(int index) {
      return excerpt(s, index);
    }

    /** A finding of {@code rule}: an error or a warning, as the rule says. */
    private void report(Rule rule, String message, String value) {
      issues.add(rule.issue(PATH, message, value));
    }
  }
}
