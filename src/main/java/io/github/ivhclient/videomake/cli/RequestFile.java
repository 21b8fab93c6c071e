package io.github.ivhclient.videomake.cli;

import com.squareup.moshi.JsonDataException;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A request read from a JSON file: the Payload object or the whole {@code {"Header","Payload"}} envelope. */
record RequestFile(VideoMakeNoTrainPayload payload, List<ValidationIssue> typeErrors) {

  /** @throws CliException with {@link ExitCode#USAGE} when the file cannot be read or is not JSON */
  static RequestFile read(Path file) {
    String json = readText(file);
    Object document;
    try {
      document = JsonSupport.moshi().adapter(Object.class).fromJson(json);
    } catch (JsonDataException | IOException e) {
      throw new CliException(ExitCode.USAGE, file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> root)) {
      throw new CliException(ExitCode.USAGE, file + " must hold a JSON object (the Payload or the whole envelope)");
    }
    Object payload = root.containsKey("Payload") ? root.get("Payload") : root;
    try {
      return new RequestFile(JsonSupport.moshi().adapter(VideoMakeNoTrainPayload.class).fromJsonValue(payload), List.of());
    } catch (JsonDataException e) {
      return new RequestFile(null, List.of(ValidationIssue.error("Payload", "type", e.getMessage(), null)));
    }
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
