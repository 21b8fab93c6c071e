package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Schema's {@code pattern} is an ECMA-262 search; the rewritten Java pattern must judge alike. */
class JsonSchemaConstraintValidatorsTest {

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "^[^\\s]+$  | a\\u00A0b | false",  // ECMA \s includes the no-break space
      "^[^\\s]+$  | a\\uFEFFb | false",  // ... and the byte order mark
      "^[^\\s]+$  | a\\u0085b | true",   // ... but not NEL, which Java's Unicode \s has
      "^\\S+$     | a\\u3000b | false",
      "^\\S+$     | ab        | true",
      "^a$        | a\\n      | false",  // ECMA $ is the very end; Java's also matches before a final \n
      "^a$        | a         | true",
      "^a.c$      | a\\u2028c | false",  // ECMA . excludes the line and paragraph separators
      "^a.c$      | a\\u0085c | true",   // ... but not NEL
      "b          | abc       | true",   // unanchored: a search, not a whole-string match
      "^b         | abc       | false",
      "[$]        | a$b       | true",   // $ inside a class stays a literal
      "\\$        | a$b       | true",
  })
  void rewrittenPatternsFollowEcma262(String ecmaRegex, String escapedInput, boolean matches) {
    String input = unescape(escapedInput);
    Pattern java = Pattern.compile(JsonSchemaConstraintValidators.toJava(ecmaRegex.strip()));
    assertThat(java.matcher(input).find()).isEqualTo(matches);
  }

  /** The pattern test the validators use (a character scan where the pattern allows one) judges as the regex does. */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = '|', value = {
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | Hello, <break/> world",
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | a\\u2028b",
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | a\\u0085b",
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | a\\nb",
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | a\\u000Bb",
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | ''",
      "^[^\\tx]*$  | a\\u0009",
      "^[^\\tx]*$  | abc",
      "^[^\\tx]*$  | abx",
      "^[^\\s]+$   | a\\u00A0b",
      "^[\\t\\n\\f\\r ]*[Hh][Tt][Tt][Pp][Ss]?: | \\u0020https://a",
      "^[\\t\\n\\f\\r ]*[Hh][Tt][Tt][Pp][Ss]?: | ftp://a",
      "^[\\t\\n\\f\\r ]*[Hh][Tt][Tt][Pp][Ss]?: | x https://a",
  })
  void patternTestAgreesWithTheRegex(String ecmaRegex, String escapedInput) {
    String input = unescape(escapedInput);
    Pattern java = Pattern.compile(JsonSchemaConstraintValidators.toJava(ecmaRegex.strip()));
    assertThat(JsonSchemaConstraintValidators.ecmaTest(ecmaRegex.strip()).test(input))
        .isEqualTo(java.matcher(input).find());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$ | true",
      "^[^\\tx]*$       | true",
      "^[^a-z]*$         | false",  // a range: left to the regex
      "^[^\\s]*$        | false",  // a class escape: left to the regex
      "^[^\\x0G]*$      | false",
      "^[^a]+$           | false",
      "[^a]*$            | false",
  })
  void onlyPlainForbiddenCharacterClassesAreScanned(String ecmaRegex, boolean scanned) {
    assertThat(JsonSchemaConstraintValidators.forbiddenCharacters(ecmaRegex.strip()) != null).isEqualTo(scanned);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (text.startsWith("\\n", i)) {
        out.append('\n');
        i++;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }
}
