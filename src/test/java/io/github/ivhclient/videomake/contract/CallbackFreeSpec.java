package io.github.ivhclient.videomake.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec as {@link PrismServer} serves it: a copy without its {@code callbacks:} blocks. After
 * every 200 Prism POSTs the operation's callback to the request's {@code CallbackUrl}, which in the
 * tests names hosts off loopback (tests talk to loopback only); each attempt also costs Prism time.
 * Request and response validation read nothing from a callback, and the spec's references are all
 * local ({@code #/...}), so the copy validates the same.
 */
final class CallbackFreeSpec {
  private static final String PREFIX = "prism-spec-";

  private CallbackFreeSpec() {}

  /**
   * A new copy in {@code dir} (one per server: parallel test JVMs start their own Prism), or the
   * spec itself when it has no callbacks or is missing (Prism then reports it, naming the file).
   */
  static Path copyOf(Path spec, Path dir) {
    if (!Files.isRegularFile(spec)) {
      return spec;
    }
    try {
      List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
      List<String> kept = new ArrayList<>();
      int dropDeeperThan = -1;
      for (String line : lines) {
        int indent = line.length() - line.stripLeading().length();
        if (dropDeeperThan >= 0 && (line.isBlank() || indent > dropDeeperThan)) {
          continue;
        }
        dropDeeperThan = line.strip().equals("callbacks:") ? indent : -1;
        if (dropDeeperThan < 0) {
          kept.add(line);
        }
      }
      if (kept.size() == lines.size()) {
        return spec;
      }
      Path copy = Files.createTempFile(Files.createDirectories(dir), PREFIX, "-" + spec.getFileName());
      Files.write(copy, kept, StandardCharsets.UTF_8);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + spec, e);
    }
  }

  /** Deletes a copy {@link #copyOf} made; leaves the spec itself alone. */
  static void delete(Path served) {
    if (served.getFileName().toString().startsWith(PREFIX)) {
      try {
        Files.deleteIfExists(served);
      } catch (IOException leftInTarget) {
        // Harmless: a file in the build directory.
      }
    }
  }
}
