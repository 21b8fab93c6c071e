package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.internal.Redaction;
import java.util.List;
import java.util.Objects;

/**
 * Scrubs the credentials the CLI was given from everything it prints. The library already keeps
 * them out of its messages; this is the second line of defence for text the CLI does not control
 * (a cause's message, a stack trace).
 */
final class Secrets {
  /** Shorter values would match ordinary text; real app keys and tokens are 32 characters. */
  private static final int MIN_SCRUBBED_LENGTH = 4;

  private final List<String> values;

  Secrets(List<String> values) {
    this.values = values.stream()
        .filter(Objects::nonNull)
        .map(String::trim)
        .filter(v -> v.length() >= MIN_SCRUBBED_LENGTH)
        .toList();
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : values) {
      result = result.replace(secret, "****");
    }
    return Redaction.maskQuery(result);
  }
}
