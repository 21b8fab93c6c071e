package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.PayloadReader;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new CliException(ExitCode.USAGE, "cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }
}
