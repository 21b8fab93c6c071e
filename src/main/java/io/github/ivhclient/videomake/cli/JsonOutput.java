package io.github.ivhclient.videomake.cli;

import com.squareup.moshi.JsonAdapter;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.PreflightReport;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code --json} prints: one document per command, with the gateway's wire names. */
final class JsonOutput {
  private static final JsonAdapter<Object> OBJECTS = JsonSupport.moshi().adapter(Object.class).indent("  ");
  private static final JsonAdapter<TimbreAssetDetail> TIMBRE = JsonSupport.moshi()
      .adapter(TimbreAssetDetail.class).indent("  ");

  private JsonOutput() {}

  static String taskId(String taskId) {
    return OBJECTS.toJson(Map.of("TaskId", taskId));
  }

  /** The progress Payload as the gateway names its fields; Duration in milliseconds. */
  static String snapshot(TaskSnapshot s) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Status", s.rawStatus());
    payload.put("Progress", s.progress());
    payload.put("ArrayCount", s.queuePosition());
    payload.put("MediaUrl", s.mediaUrl());
    payload.put("SubtitlesUrl", s.subtitlesUrl());
    payload.put("Duration", s.duration().toMillis());
    payload.put("FailCode", s.failCode());
    payload.put("FailMessage", s.failMessage());
    return OBJECTS.toJson(payload);
  }

  /** How a waited-for task ended, with the moment its files stop being kept. */
  static String result(TaskResult r) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("TaskId", r.taskId());
    payload.put("Status", r.state().wireValue());
    payload.put("MediaUrl", r.mediaUrl());
    payload.put("SubtitlesUrl", r.subtitlesUrl());
    payload.put("Duration", r.duration().toMillis());
    payload.put("FailCode", r.failCode());
    payload.put("FailMessage", r.failMessage());
    payload.put("ExpiresAt", r.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
    return OBJECTS.toJson(payload);
  }

  /**
   * A wait that ran out of time: the task's last known state ({@code Status} empty when no poll
   * was answered) and {@code "TimedOut": true}; the task goes on on the server.
   */
  static String timedOut(IvhWaitTimeoutException e) {
    TaskSnapshot last = e.lastSnapshot();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("TaskId", e.taskId());
    payload.put("Status", last == null ? "" : last.rawStatus());
    payload.put("Progress", last == null ? 0 : last.progress());
    payload.put("ArrayCount", last == null ? 0 : last.queuePosition());
    payload.put("FailCode", last == null ? 0 : last.failCode());
    payload.put("FailMessage", last == null ? "" : last.failMessage());
    payload.put("TimedOut", true);
    return OBJECTS.toJson(payload);
  }

  /** Ctrl-C during a submit: no TaskId is known, and the task may or may not exist. */
  static String interruptedSubmit() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Interrupted", true);
    payload.put("TaskMayExist", true);
    return OBJECTS.toJson(payload);
  }

  /** Ctrl-C during a wait: the task goes on on the server. */
  static String interruptedWait(String taskId) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("TaskId", taskId);
    payload.put("Interrupted", true);
    return OBJECTS.toJson(payload);
  }

  /** One timbre as the gateway names its fields; {@code timbres --json} streams them into an array. */
  static String timbre(TimbreAssetDetail timbre) {
    return TIMBRE.toJson(timbre);
  }

  static String validation(ValidationReport report) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("valid", report.isValid());
    document.put("errors", issues(report.errors()));
    document.put("warnings", issues(report.warnings()));
    return OBJECTS.toJson(document);
  }

  static String preflight(PreflightReport report) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("valid", report.isValid());
    document.put("errors", issues(report.errors()));
    document.put("warnings", issues(report.warnings()));
    document.put("notes", report.notes());
    Map<String, Object> media = new LinkedHashMap<>();
    report.media().forEach((path, info) -> media.put(path, mediaFields(info)));
    document.put("media", media);
    return OBJECTS.toJson(document);
  }

  static String media(MediaInfo info) {
    return OBJECTS.toJson(mediaFields(info));
  }

  /** Absent values are left out; duration in seconds with milliseconds. */
  private static Map<String, Object> mediaFields(MediaInfo info) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("source", info.source());
    info.container().ifPresent(v -> item.put("container", v));
    info.videoCodec().ifPresent(v -> item.put("videoCodec", v));
    info.audioCodec().ifPresent(v -> item.put("audioCodec", v));
    info.width().ifPresent(v -> item.put("width", v));
    info.height().ifPresent(v -> item.put("height", v));
    info.duration().ifPresent(v -> item.put("durationSeconds", v.toMillis() / 1000.0));
    if (info.durationEstimated()) {
      item.put("durationEstimated", true);
    }
    info.size().ifPresent(v -> item.put("size", v));
    item.put("bytesRead", info.bytesRead());
    item.put("problems", info.problems());
    return item;
  }

  private static List<Map<String, Object>> issues(List<ValidationIssue> issues) {
    return issues.stream().map(i -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("path", i.path());
      item.put("message", i.message());
      item.put("rule", i.rule());
      if (i.rejectedValue() != null) {
        item.put("rejectedValue", i.rejectedValue());
      }
      return item;
    }).toList();
  }
}
