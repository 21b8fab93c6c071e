package io.github.ivhclient.videomake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link MediaPreflight#check} found: errors (the gateway would refuse or fail the task) and
 * warnings, in the shape of {@link ValidationReport} (wire path, rule, message, value); notes for
 * things worth knowing that are not wrong; and what was read from each media file, by wire path.
 */
public final class PreflightReport {
  private final ValidationReport issues;
  private final List<String> notes;
  private final Map<String, MediaInfo> media;

  PreflightReport(List<ValidationIssue> issues, List<String> notes, Map<String, MediaInfo> media) {
    this.issues = new ValidationReport(issues);
    this.notes = List.copyOf(notes);
    this.media = Collections.unmodifiableMap(new LinkedHashMap<>(media));
  }

  public boolean isValid() {
    return issues.isValid();
  }

  public List<ValidationIssue> errors() {
    return issues.errors();
  }

  public List<ValidationIssue> warnings() {
    return issues.warnings();
  }

  /** Errors first, then warnings. */
  public List<ValidationIssue> all() {
    return issues.all();
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
    return "PreflightReport{errors=" + errors() + ", warnings=" + warnings() + ", notes=" + notes + ", media="
        + media.values() + "}";
  }
}
