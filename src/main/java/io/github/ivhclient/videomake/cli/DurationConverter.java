package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.WaitOptions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, their combinations in that order of
 * units ({@code 1h30m}, {@code 1s500ms}) or ISO-8601 ({@code PT10M}); the result is positive and at
 * most {@link WaitOptions#MAX_DURATION}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    Matcher m = SHORT.matcher(text);
    if (!text.isEmpty() && m.matches()) {
      duration = Duration.ofHours(amount(m, 1)).plusMinutes(amount(m, 2)).plusSeconds(amount(m, 3))
          .plusMillis(amount(m, 4));
    } else {
      try {
        duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration (examples: 500ms, 90s, 10m, 2h, 1h30m, PT10M)");
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("'" + value + "' is not a positive duration");
    }
    if (duration.compareTo(WaitOptions.MAX_DURATION) > 0) {
      throw new TypeConversionException("'" + value + "' is too long (at most "
          + WaitOptions.MAX_DURATION.toDays() + " days)");
    }
    return duration;
  }

  private static long amount(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }

  /**
   * The short form this converter reads back, as a user writes it: {@code 1s}, {@code 30m},
   * {@code 1h30m}, {@code 1s500ms}; {@code 0ms} below a millisecond.
   */
  static String format(Duration duration) {
    StringBuilder text = new StringBuilder();
    append(text, duration.toHours(), "h");
    append(text, duration.toMinutesPart(), "m");
    append(text, duration.toSecondsPart(), "s");
    append(text, duration.toMillisPart(), "ms");
    return text.length() == 0 ? "0ms" : text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }
}
