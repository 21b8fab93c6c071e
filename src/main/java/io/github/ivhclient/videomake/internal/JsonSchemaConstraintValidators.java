package io.github.ivhclient.videomake.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;

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
 * Registered in {@link PayloadValidator} in place of Hibernate Validator's built-in ones.
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
    private java.util.regex.Pattern pattern;

    @Override
    public void initialize(Pattern annotation) {
      this.pattern = java.util.regex.Pattern.compile(toJava(annotation.regexp()));
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || pattern.matcher(value).find();
    }
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
