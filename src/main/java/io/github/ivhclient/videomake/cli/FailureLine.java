package io.github.ivhclient.videomake.cli;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The CLI's failure line: one line of a sensible length, whatever the failure's text holds (an
 * HTML error page, a pretty-printed JSON envelope, a stack of validation messages).
 */
final class FailureLine {
  /** Long enough for the operation, Header.Code, RequestID and the start of the gateway's message. */
  static final int MAX_LENGTH = 300;
  static final String ELLIPSIS = "…";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private FailureLine() {}

  /**
   * Collapses every whitespace run (newlines included) to one space, escapes the other control
   * characters ({@link TerminalText}) and cuts the text to
   * {@link #MAX_LENGTH} characters, ending with {@link #ELLIPSIS}. Each of {@code essentials}
   * (e.g. {@code RequestID abc}) that the cut would hide is appended after the ellipsis, so the
   * identifiers a support request needs stay visible.
   */
  static String of(String text, List<String> essentials) {
    Objects.requireNonNull(essentials, "essentials");
    // Whitespace (newlines too) becomes spaces; other control characters from the gateway are escaped.
    String line = TerminalText.of(WHITESPACE.matcher(String.valueOf(text)).replaceAll(" ").strip());
    if (line.length() <= MAX_LENGTH) {
      return line;
    }
    String head = cut(line, MAX_LENGTH - ELLIPSIS.length());
    StringBuilder kept = new StringBuilder();
    for (String essential : essentials) {
      if (!head.contains(essential)) {
        kept.append(" (").append(essential).append(')');
      }
    }
    if (kept.length() > 0) {
      head = cut(line, Math.max(0, MAX_LENGTH - ELLIPSIS.length() - kept.length()));
    }
    return head + ELLIPSIS + kept;
  }

  /** The first {@code length} characters, never splitting a surrogate pair, without a trailing space. */
  private static String cut(String line, int length) {
    int end = length;
    if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end).stripTrailing();
  }
}
