package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CrossFieldRulesTest {
  /** The timbres the document says ignore Volume, as a pattern: the scan must read them alike. */
  private static final Pattern FIXED_VOLUME = Pattern.compile("male_([1-9]|1[0-9]|20)|female_([1-9]|1[0-9]|2[0-3])");

  @Test
  void fixedVolumeTimbresAreMale1To20AndFemale1To23() {
    String[] prefixes = {"", "male_", "female_", "Male_", "fe", "male", "female__", "xmale_"};
    String[] suffixes = {"", "0", "00", "01", "1", "9", "10", "19", "20", "21", "23", "24", "99", "100", "1a", "a", " 1",
        "1 ", "\u0661", "-1", "+1", "2\u0663"};
    int fixed = 0;
    for (String prefix : prefixes) {
      for (String suffix : suffixes) {
        String key = prefix + suffix;
        boolean expected = FIXED_VOLUME.matcher(key).matches();
        assertThat(CrossFieldRules.hasFixedVolume(key)).as(key).isEqualTo(expected);
        fixed += expected ? 1 : 0;
      }
    }
    assertThat(fixed).isEqualTo(12);
  }
}
