package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.PayloadReader;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A request read from a JSON file (the Payload object or the whole {@code {"Header","Payload"}}
 * envelope) by the strict {@link PayloadReader}: a value of the wrong JSON type is a finding at
 * its wire path, never converted.
 */
final class RequestFile {
  /** The most of a request file read: 1 MiB, far above any request (a few kilobytes). */
  static final int MAX_BYTES = 1 << 20;

  private final PayloadReader.Result result;

  private RequestFile(PayloadReader.Result result) {
    this.result = result;
  }

  /** @throws CliException with {@link ExitCode#USAGE} when the file cannot be read or is not JSON */
  static RequestFile read(Path file) {
    Objects.requireNonNull(file, "file");
    String json = readText(file);
    try {
      return new RequestFile(PayloadReader.read(json));
    } catch (PayloadReader.MalformedJsonException e) {
      throw new CliException(ExitCode.USAGE, file + ": " + e.getMessage(), e);
    }
  }

  /** The request, or {@code null} when the file has type or enum errors. */
  VideoMakeNoTrainPayload payload() {
    return result.payload();
  }

  /** The reader's own findings (type and enum errors, unknown-field warnings). */
  List<ValidationIssue> readerIssues() {
    return result.issues();
  }

  /** The reader's findings plus every validation rule on what could be read. */
  ValidationReport report() {
    return result.report();
  }

  private static String readText(Path file) {
    try {
      // A FIFO would block the read forever and a device (/dev/zero) never end: refused unopened.
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new CliException(ExitCode.USAGE, "cannot read " + file + ": not a regular file"
            + (Files.isDirectory(file) ? " (a directory)" : " (a pipe, a device or a socket)"));
      }
      if (Files.size(file) > MAX_BYTES) {
        throw tooLarge(file);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_BYTES + 1); // the file may have grown since its size was read
      }
      if (bytes.length > MAX_BYTES) {
        throw tooLarge(file);
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      // A byte order mark, as some editors write, is read like the client reads one in an answer.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }

  private static CliException tooLarge(Path file) {
    return new CliException(ExitCode.USAGE, "cannot read " + file + ": larger than " + MAX_BYTES
        + " bytes (a request is a few kilobytes)");
  }
}
