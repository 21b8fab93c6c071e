package io.github.ivhclient.videomake.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * URL syntax and file types: a URL is what OkHttp's {@link HttpUrl} parses (http and https only),
 * as real HTTP clients read URLs, and a media URL's file name ends in a format the table lists.
 */
final class UrlRules {
  /** The file formats the parameter table lists, by wire path. */
  private static final Map<String, List<String>> FILE_EXTENSIONS = Map.of(
      "Payload.RefVideoUrl", List.of("mp4", "mov", "avi"),
      "Payload.IdentityVideoUrl", List.of("mp4"),
      "Payload.InputAudioUrl", List.of("wav", "mp3", "wma", "m4a", "aac", "ogg"),
      "Payload.IdentityWrittenUrl", List.of("pdf"),
      "Payload.VideoParam.RefPhotoUrl", List.of("jpg", "jpeg", "png", "bmp", "webp"));

  private static final int MAX_PLAIN_HOST = 253;
  private static final int MAX_LABEL = 63;
  private static final String PATH_PUNCTUATION = "/._~!$&'()*+,;=:@-";
  /** By ASCII character, what a plain host label may hold: letters, digits, hyphens (tables: the scans run per URL). */
  private static final boolean[] HOST_CHARACTERS = new boolean[128];
  /** By ASCII character, what a plain path may hold: letters, digits and {@link #PATH_PUNCTUATION}. */
  private static final boolean[] PATH_CHARACTERS = new boolean[128];

  static {
    for (char c = 0; c < PATH_CHARACTERS.length; c++) {
      HOST_CHARACTERS[c] = isAsciiLetterOrDigit(c) || c == '-';
      PATH_CHARACTERS[c] = isAsciiLetterOrDigit(c) || PATH_PUNCTUATION.indexOf(c) >= 0;
    }
  }

  private UrlRules() {}

  static void check(String path, String url, Findings findings) {
    String file = plainFileName(url);
    if (file == null) {
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        findings.add(ValidationRules.URL_SYNTAX, path,
            "is not an http or https URL an HTTP client can parse (a host name, a valid port)", RejectedValues.text(url));
        return;
      }
      if (url.codePoints().anyMatch(c -> c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        findings.add(ValidationRules.URL_WHITESPACE, path,
            "contains white space or control characters, sent as written: the gateway may trim or encode them,"
                + " or fail to download", RejectedValues.text(url));
      }
      List<String> segments = parsed.pathSegments();
      file = segments.get(segments.size() - 1);
    }
    List<String> extensions = FILE_EXTENSIONS.get(path);
    if (extensions != null) {
      int dot = file.lastIndexOf('.');
      String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!extensions.contains(extension)) {
        findings.add(ValidationRules.FILE_EXTENSION, path,
            "the file name does not end in " + extensions.stream().map(e -> "." + e).collect(Collectors.joining(", "))
                + ", the formats the service accepts", RejectedValues.text(file));
      }
    }
  }

  /**
   * The last path segment as {@code HttpUrl.pathSegments()} gives it, for a URL HttpUrl parses
   * with nothing to canonicalize; else null, and HttpUrl reads it. Plain means: a lower-case
   * scheme; a host of ASCII letter, digit and hyphen labels (1 to 63 characters, no hyphen at
   * either end, no {@code xn--}), the last one starting with a letter (so never an IP address);
   * no user info or port; a path of unreserved characters and sub-delimiters, with no percent
   * sign, backslash or dot segment; a query and fragment of printable ASCII.
   */
  static String plainFileName(String url) {
    int i = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (i < 0) {
      return null;
    }
    int hostStart = i;
    int label = i;
    for (; i < url.length() && url.charAt(i) != '/' && url.charAt(i) != '?' && url.charAt(i) != '#'; i++) {
      char c = url.charAt(i);
      if (c == '.') {
        if (!isLabel(url, label, i)) {
          return null;
        }
        label = i + 1;
      } else if (c >= HOST_CHARACTERS.length || !HOST_CHARACTERS[c]) {
        return null;
      }
    }
    if (!isLabel(url, label, i) || !isAsciiLetter(url.charAt(label)) || i - hostStart > MAX_PLAIN_HOST
        || hasPunycode(url, hostStart, i)) {
      return null;
    }
    int segment = -1; // where the path's current segment starts
    for (; i < url.length() && url.charAt(i) != '?' && url.charAt(i) != '#'; i++) {
      char c = url.charAt(i);
      if (c >= PATH_CHARACTERS.length || !PATH_CHARACTERS[c]) {
        return null;
      }
      if (c == '/') {
        if (isDotSegment(url, segment, i)) {
          return null; // HttpUrl resolves dot segments
        }
        segment = i + 1;
      }
    }
    if (isDotSegment(url, segment, i)) {
      return null;
    }
    for (int rest = i; rest < url.length(); rest++) {
      if (url.charAt(rest) < 0x21 || url.charAt(rest) > 0x7E) {
        return null;
      }
    }
    return segment < 0 ? "" : url.substring(segment, i);
  }

  /** Whether the path segment from {@code from} (-1: none) to {@code to} is {@code .} or {@code ..}. */
  private static boolean isDotSegment(String url, int from, int to) {
    return from >= 0 && (to - from == 1 || to - from == 2) && url.charAt(from) == '.' && url.charAt(to - 1) == '.';
  }

  /**
   * Whether a host of ASCII letters, digits, hyphens and dots contains {@code xn--} in any case
   * (an IDN label, which HttpUrl rewrites); {@code | 0x20} lower-cases exactly the letters there.
   */
  private static boolean hasPunycode(String host, int from, int to) {
    for (int hyphens = host.indexOf("--", from); hyphens >= 0 && hyphens + 2 <= to; hyphens = host.indexOf("--", hyphens + 1)) {
      if (hyphens - 2 >= from && (host.charAt(hyphens - 2) | 0x20) == 'x' && (host.charAt(hyphens - 1) | 0x20) == 'n') {
        return true;
      }
    }
    return false;
  }

  private static boolean isLabel(String host, int from, int to) {
    return to > from && to - from <= MAX_LABEL && host.charAt(from) != '-' && host.charAt(to - 1) != '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }
}
