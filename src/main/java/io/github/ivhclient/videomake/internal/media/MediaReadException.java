package io.github.ivhclient.videomake.internal.media;

/** Why a file could not be read (as opposed to what its bytes say). */
public final class MediaReadException extends RuntimeException {
  /** The kinds a preflight turns into findings with their own rule names. */
  public enum Kind {
    /** The byte budget would be exceeded. */
    BUDGET("readBudget"),
    /** The time budget or a network timeout ran out. */
    TIMEOUT("timeout"),
    /** Connection refused, unknown host, reset, or a local file that cannot be opened. */
    UNREACHABLE("reachable"),
    /** The server answered with an HTTP error status. */
    HTTP_STATUS("reachable"),
    /** The host resolved to (or connected to) an address the guard refuses. */
    NON_PUBLIC_ADDRESS("publicAddress"),
    /** Too many redirects, or a redirect to a scheme other than http/https. */
    REDIRECT("redirect"),
    /** The URL is not http, https, file or a local path. */
    UNSUPPORTED_URL("urlScheme"),
    /** The server ignores Range: only the start of the file could be read. */
    NO_RANGE("rangeRequests");

    private final String rule;

    Kind(String rule) {
      this.rule = rule;
    }

    public String rule() {
      return rule;
    }
  }

  private final Kind kind;
  private final int statusCode;

  public MediaReadException(Kind kind, String message) {
    this(kind, message, null);
  }

  public MediaReadException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, 0);
  }

  MediaReadException(Kind kind, String message, Throwable cause, int statusCode) {
    super(message, cause);
    this.kind = kind;
    this.statusCode = statusCode;
  }

  /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
  public int statusCode() {
    return statusCode;
  }

  public Kind kind() {
    return kind;
  }
}
