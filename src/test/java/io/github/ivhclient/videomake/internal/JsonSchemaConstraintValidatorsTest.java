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
