package io.github.ivhclient.videomake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@link MediaPreflight#check} found: errors (the gateway would refuse or fail the task) and
 * warnings, in the shape of {@link ValidationReport} (wire path, rule, message, value); notes for
 * things worth knowing that are not wrong; and what was read from each media file, by wire path.
 */
public final class PreflightReport {
  private final List<ValidationIssue> errors;
  private final List<ValidationIssue> warnings;
  private final List<String> notes;
  private final Map<String, MediaInfo> media;

  PreflightReport(List<ValidationIssue> issues, List<String> notes, Map<String, MediaInfo> media) {
    this.errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
    this.warnings = issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList();
    this.notes = List.copyOf(notes);
    this.media = Collections.unmodifiableMap(new LinkedHashMap<>(media));
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<ValidationIssue> errors() {
    return errors;
  }

  public List<ValidationIssue> warnings() {
    return warnings;
  }

  /** Errors first, then warnings. */
  public List<ValidationIssue> all() {
    return Stream.concat(errors.stream(), warnings.stream()).toList();
  }

  /** e.g. which VideoLoop alignment applies when the audio is longer than the video. */
  public List<String> notes() {
    return notes;
  }

  /** Each media file the request names, by wire path ({@code Payload.RefVideoUrl}, …), in request order. */
  public Map<String, MediaInfo> media() {
    return media;
  }

  @Override
  public String toString() {
    return "PreflightReport{errors=" + errors + ", warnings=" + warnings + ", notes=" + notes + ", media="
        + media.values() + "}";
  }
}
