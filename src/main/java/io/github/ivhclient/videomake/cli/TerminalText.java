package io.github.ivhclient.videomake.cli;

/**
 * Text from the gateway made safe for a terminal, on one line: control characters (C0, DEL, C1:
 * escape sequences, BEL, carriage returns, newlines), line and paragraph separators and bidi
 * overrides, which could redraw the screen, ring the bell, hide text or split one line into two,
 * are written as visible escapes ({@code \x1B}, {@code \n}, {@code \u202E}). Everything else is
 * left as it is. The {@code --json} documents need none of this: JSON escapes them itself.
 */
final class TerminalText {
  private TerminalText() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null && safe == null) {
        safe = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (safe != null) {
        safe.append(escape != null ? escape : String.valueOf(c));
      }
    }
    return safe == null ? text : safe.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return String.format("\\x%02X", (int) c);
    }
    if (c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C') {
      return String.format("\\u%04X", (int) c);
    }
    return null;
  }
}
