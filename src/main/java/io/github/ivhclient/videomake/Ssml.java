package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.SsmlChecker;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the {@code InputSsml} text: plain text (escaped for you), one-character pronunciations,
 * pauses and words, in the markup the gateway documents. What it builds passes
 * {@link IvhClient#validate}; what the documentation forbids is refused at once with an
 * {@link IllegalArgumentException} naming the problem.
 *
 * <pre>{@code
 * String ssml = Ssml.builder()
 *     .text("Tom & Jerry are ")
 *     .phoneme("好", "hao3")
 *     .pause(Duration.ofMillis(500))
 *     .word("friends")
 *     .build();   // Tom &amp; Jerry are <phoneme alphabet="py" ph="hao3">好</phoneme><break time="500ms"/><word>friends</word>
 * }</pre>
 */
public final class Ssml {
  /** Shortest and longest {@code InputSsml}, in Unicode code points. */
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 2000;

  private Ssml() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} so the text is read literally. */
  public static String escape(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append((char) c);
      }
    });
    return out.toString();
  }

  /** The strength of a pause without an explicit time; the gateway's default is {@link #MEDIUM}. */
  public enum BreakStrength {
    X_WEAK, WEAK, MEDIUM, STRONG, X_STRONG;

    String wireValue() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Not thread-safe; build, then discard. */
  public static final class Builder {
    private final StringBuilder out = new StringBuilder();

    private Builder() {}

    /** Literal text, escaped. Line breaks are refused: the gateway forbids them. */
    public Builder text(String text) {
      Objects.requireNonNull(text, "text");
      refuseLineBreaks(text, "text");
      out.append(escape(text));
      return this;
    }

    /**
     * Pronounces one character as the pinyin syllable {@code pinyin} with its tone digit 1–5,
     * e.g. {@code phoneme("行", "hang2")}.
     */
    public Builder phoneme(String character, String pinyin) {
      Objects.requireNonNull(character, "character");
      Objects.requireNonNull(pinyin, "pinyin");
      if (character.codePointCount(0, character.length()) != 1 || Character.isWhitespace(character.codePointAt(0))) {
        throw new IllegalArgumentException("phoneme: exactly one visible character is pronounced at a time, got '"
            + character + "'");
      }
      if (!SsmlChecker.PINYIN.matcher(pinyin).matches()) {
        throw new IllegalArgumentException("phoneme: pinyin must be one syllable with a tone digit 1-5, e.g. fu4; got '"
            + pinyin + "'");
      }
      out.append("<phoneme alphabet=\"py\" ph=\"").append(pinyin).append("\">").append(escape(character))
          .append("</phoneme>");
      return this;
    }

    /** A pause of the given length, written in milliseconds ({@code <break time="500ms"/>}). */
    public Builder pause(Duration length) {
      Objects.requireNonNull(length, "length");
      if (length.toMillis() < 1) {
        throw new IllegalArgumentException("pause: the length must be at least 1 ms, got " + length);
      }
      out.append("<break time=\"").append(length.toMillis()).append("ms\"/>");
      return this;
    }

    /** A pause of the given strength ({@code <break strength="strong"/>}). */
    public Builder pause(BreakStrength strength) {
      Objects.requireNonNull(strength, "strength");
      out.append("<break strength=\"").append(strength.wireValue()).append("\"/>");
      return this;
    }

    /** One word or phrase, all Chinese or all English, read as a unit. */
    public Builder word(String word) {
      Objects.requireNonNull(word, "word");
      refuseLineBreaks(word, "word");
      if (word.isBlank()) {
        throw new IllegalArgumentException("word: must not be blank");
      }
      out.append("<word>").append(escape(word)).append("</word>");
      return this;
    }

    /**
     * The {@code InputSsml} text.
     *
     * @throws IllegalArgumentException if it is shorter than {@value #MIN_LENGTH} or longer than
     *     {@value #MAX_LENGTH} code points
     */
    public String build() {
      String ssml = out.toString();
      int length = ssml.codePointCount(0, ssml.length());
      if (length < MIN_LENGTH || length > MAX_LENGTH) {
        throw new IllegalArgumentException("InputSsml must be " + MIN_LENGTH + "-" + MAX_LENGTH
            + " Unicode characters with its markup; this one has " + length);
      }
      return ssml;
    }

    private static void refuseLineBreaks(String text, String what) {
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(what + ": line breaks are not allowed in InputSsml");
      }
    }
  }
}
