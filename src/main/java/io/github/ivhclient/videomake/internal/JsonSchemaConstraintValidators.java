package io.github.ivhclient.videomake.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Bean Validation validators for {@code @Size} and {@code @Pattern} with JSON Schema's meaning, so
 * the client and a JSON Schema validator (Prism's ajv) judge the generated annotations alike.
 *
 * <ul>
 *   <li>{@code minLength}/{@code maxLength} count Unicode code points; Bean Validation's own
 *       {@code @Size} counts UTF-16 units (an emoji would count 2).
 *   <li>{@code pattern} is an ECMA-262 regular expression that may match anywhere; Java's
 *       {@code \s}, {@code .} and {@code $} differ from ECMA-262's (no-break space, byte order
 *       mark, a final line terminator), and Bean Validation matches the whole string.
 * </ul>
 *
 * Registered in {@link BeanConstraints} in place of Hibernate Validator's built-in ones.
 */
public final class JsonSchemaConstraintValidators {
  /** ECMA-262 WhiteSpace and LineTerminator, as the body of a Java character class. */
  static final String ECMA_WHITESPACE =
      "\\t\\n\\x0B\\f\\r\\x20\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
  private static final String ECMA_LINE_TERMINATORS = "\\n\\r\\u2028\\u2029";

  private JsonSchemaConstraintValidators() {}

  /** {@code @Size}'s bounds, for a length the subclass measures. */
  private abstract static class SizeBounds<T> implements ConstraintValidator<Size, T> {
    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
      this.min = size.min();
      this.max = size.max();
    }

    @Override
    public boolean isValid(T value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      long size = sizeOf(value);
      return size >= min && size <= max;
    }

    abstract long sizeOf(T value);
  }

  /** {@code @Size} on text ({@code minLength}/{@code maxLength}), in code points. */
  public static final class CodePointSize extends SizeBounds<CharSequence> {
    @Override
    long sizeOf(CharSequence value) {
      return value.codePoints().count();
    }
  }

  /** {@code @Size} on arrays ({@code minItems}/{@code maxItems}). */
  public static final class CollectionSize extends SizeBounds<Collection<?>> {
    @Override
    long sizeOf(Collection<?> value) {
      return value.size();
    }
  }

  /** {@code @Pattern} as JSON Schema's {@code pattern}: ECMA-262 semantics, unanchored search. */
  public static final class EcmaPattern implements ConstraintValidator<Pattern, CharSequence> {
    private Predicate<CharSequence> pattern;

    @Override
    public void initialize(Pattern annotation) {
      this.pattern = ecmaTest(annotation.regexp());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || pattern.test(value);
    }
  }

  /**
   * JSON Schema's {@code pattern} test: the ECMA-262 regular expression found anywhere in the text.
   * A pattern that only forbids characters ({@code ^[^\n\r]*$}) is a scan for them, without a
   * regex; a pattern that starts with {@code ^} and has no alternative is tried at the start alone.
   */
  static Predicate<CharSequence> ecmaTest(String ecmaRegex) {
    String forbidden = forbiddenCharacters(ecmaRegex);
    if (forbidden != null) {
      boolean[] isForbidden = new boolean[forbidden.chars().max().orElse(-1) + 1];
      forbidden.chars().forEach(c -> isForbidden[c] = true);
      return text -> {
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (c < isForbidden.length && isForbidden[c]) {
            return false;
          }
        }
        return true;
      };
    }
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(toJava(ecmaRegex));
    if (pattern.pattern().startsWith("^") && pattern.pattern().indexOf('|') < 0) {
      return text -> pattern.matcher(text).lookingAt();
    }
    return text -> pattern.matcher(text).find();
  }

  /**
   * The characters of {@code X} when the pattern is {@code ^[^X]*$} (the whole text free of them)
   * and {@code X} holds only plain characters and the escapes n, r, t, f, v, x with 2 hex digits
   * and u with 4; else null. ECMA-262 compares UTF-16 code units, as {@code charAt} does.
   */
  static String forbiddenCharacters(String ecmaRegex) {
    if (!ecmaRegex.startsWith("^[^") || !ecmaRegex.endsWith("]*$")) {
      return null;
    }
    String body = ecmaRegex.substring(3, ecmaRegex.length() - 3);
    StringBuilder characters = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '[' || c == ']' || c == '^' || c == '-') {
        return null;
      } else if (c != '\\') {
        characters.append(c);
      } else if (i + 1 < body.length()) {
        char escaped = body.charAt(++i);
        int hexDigits = escaped == 'x' ? 2 : escaped == 'u' ? 4 : 0;
        String simple = "n\nr\rt\tf\fv" + (char) 0x0B;
        int at = simple.indexOf(escaped);
        if (hexDigits > 0 && i + hexDigits < body.length() && isHex(body, i + 1, i + 1 + hexDigits)) {
          characters.append((char) Integer.parseInt(body.substring(i + 1, i + 1 + hexDigits), 16));
          i += hexDigits;
        } else if (hexDigits == 0 && at >= 0 && at % 2 == 0) {
          characters.append(simple.charAt(at + 1));
        } else {
          return null;
        }
      } else {
        return null;
      }
    }
    return characters.toString();
  }

  private static boolean isHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Rewrites the ECMA-262 constructs whose Java meaning differs: {@code \s}, {@code \S}, {@code .}
   * and {@code $} (ECMA-262 without the {@code m} flag: the very end of the input). Not handled,
   * because the contract's patterns do not use them: an empty class {@code []} and {@code m}-flag
   * anchors.
   */
  static String toJava(String ecmaRegex) {
    StringBuilder java = new StringBuilder(ecmaRegex.length() + 32);
    boolean inClass = false;
    for (int i = 0; i < ecmaRegex.length(); i++) {
      char c = ecmaRegex.charAt(i);
      if (c == '\\' && i + 1 < ecmaRegex.length()) {
        char escaped = ecmaRegex.charAt(++i);
        if (escaped == 's') {
          java.append(inClass ? ECMA_WHITESPACE : "[" + ECMA_WHITESPACE + "]");
        } else if (escaped == 'S') {
          java.append("[^" + ECMA_WHITESPACE + "]");
        } else {
          java.append(c).append(escaped);
        }
      } else if (inClass) {
        inClass = c != ']';
        java.append(c);
      } else if (c == '[') {
        inClass = true;
        java.append(c);
      } else if (c == '.') {
        java.append("[^" + ECMA_LINE_TERMINATORS + "]");
      } else if (c == '$') {
        java.append("\\z");
      } else {
        java.append(c);
      }
    }
    return java.toString();
  }
}
