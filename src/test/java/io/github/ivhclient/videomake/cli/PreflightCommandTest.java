package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.ivhclient.videomake.internal.JsonSupport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ivh preflight}, {@code ivh probe} and {@code ivh submit --preflight}. */
class PreflightCommandTest {
  private static final JsonAdapter<Object> JSON = JsonSupport.moshi().adapter(Object.class);

  static String fixture(String name) {
    try {
      return Path.of(PreflightCommandTest.class.getResource("/media/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path request(Path dir, String json) throws IOException {
    Path file = dir.resolve("request.json");
    Files.writeString(file, json);
    return file;
  }

  private static String payload(String video, String audio, String extra) {
    return "{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + video + "\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"" + audio + "\"" + extra + "}}";
  }

  @Test
  void passingMediaExitZeroWithOneLinePerFile(@TempDir Path dir) throws IOException {
    Path file = request(dir, payload(fixture("video-h264.mp4"), fixture("audio.mp3"), ""));

    CliRun r = CliRun.run(Map.of(), "preflight", file.toString());

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).contains("Payload.RefVideoUrl: ").contains("mp4, video h264 640x360, audio aac, 12 s")
        .contains("Payload.InputAudioUrl: ").contains("media pass preflight");
  }

  @Test
  @SuppressWarnings("unchecked")
  void errorsExitOneAndJsonNamesTheWirePaths(@TempDir Path dir) throws IOException {
    Path file = request(dir, payload(fixture("video-hevc.mp4"), fixture("audio-0.5s.wav"),
        ",\"ConcurrencyType\":\"Shared\",\"VideoParam\":{\"MakeType\":\"Custom\",\"StartTime\":1,\"EndTime\":20}"));

    CliRun r = CliRun.run(Map.of(), "preflight", "--json", file.toString());

    assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
    Map<String, Object> document = (Map<String, Object>) JSON.fromJson(r.out);
    assertThat(document.get("valid")).isEqualTo(false);
    List<Map<String, Object>> errors = (List<Map<String, Object>>) document.get("errors");
    assertThat(errors).extracting(e -> e.get("path") + " " + e.get("rule")).containsExactly(
        "Payload.RefVideoUrl videoCodec", "Payload.InputAudioUrl minDuration", "Payload.VideoParam.EndTime withinVideo");
    assertThat(errors.get(0).get("message").toString()).contains("ffmpeg -i in.mov -c:v libx264");
    Map<String, Map<String, Object>> media = (Map<String, Map<String, Object>>) document.get("media");
    assertThat(media.get("Payload.RefVideoUrl")).containsEntry("container", "mp4").containsEntry("videoCodec", "hevc")
        .containsEntry("width", 640.0).containsEntry("height", 360.0).containsEntry("durationSeconds", 12.0);
  }

  @Test
  void aMalformedRequestFileExitsTwo(@TempDir Path dir) throws IOException {
    CliRun notJson = CliRun.run(Map.of(), "preflight", request(dir, "{not json").toString());
    CliRun missing = CliRun.run(Map.of(), "preflight", dir.resolve("missing.json").toString());

    assertThat(notJson.exitCode).isEqualTo(2);
    assertThat(missing.exitCode).isEqualTo(2);
  }

  @Test
  void publicOnlyRefusesLocalFilesLikeTheLibrary(@TempDir Path dir) throws IOException {
    Path file = request(dir, payload(fixture("video-h264.mp4"), fixture("audio.mp3"), ""));

    CliRun r = CliRun.run(Map.of(), "preflight", "--public-only", file.toString());

    assertThat(r.out).contains("allowLocalFiles");
  }

  @Test
  void probePrintsOneFile() {
    CliRun r = CliRun.run(Map.of(), "probe", fixture("video-matroska-named.mp4"));
    CliRun missing = CliRun.run(Map.of(), "probe", fixture("video-h264.mp4") + ".missing");

    assertThat(r.exitCode).isZero();
    assertThat(r.out).contains("matroska");
    assertThat(missing.exitCode).isEqualTo(2);
    assertThat(missing.out).contains("no such file");
  }

  @Test
  void submitWithPreflightSendsNothingWhenTheMediaFail(@TempDir Path dir) throws Exception {
    try (MockWebServer gateway = new MockWebServer()) {
      // One server plays the media host (404 for both files) and the gateway (never asked).
      gateway.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(404));
      gateway.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(404));
      gateway.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      Path file = request(dir, payload("http://127.0.0.1:" + gateway.getPort() + "/missing.mp4",
          "http://127.0.0.1:" + gateway.getPort() + "/missing.mp3", ""));
      Map<String, String> env = CliRun.env("key", "token");

      CliRun r = CliRun.run(env, "--endpoint", gateway.url("/").toString(), "submit", "--preflight",
          "--request", file.toString());

      assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
      assertThat(r.err).contains("Payload.RefVideoUrl").contains("HTTP 404");
      // Only the preflight's HEAD requests reached the server: no submit.
      assertThat(gateway.getRequestCount()).isEqualTo(2);
      assertThat(gateway.takeRequest().getMethod()).isEqualTo("HEAD");
      assertThat(gateway.takeRequest().getMethod()).isEqualTo("HEAD");
    }
  }

  @Test
  void submitWithPreflightAndWarnOnlySendsDespiteMediaErrors(@TempDir Path dir) throws Exception {
    try (MockWebServer gateway = new MockWebServer()) {
      gateway.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(404));
      gateway.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(404));
      gateway.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"Header\":{\"Code\":0,\"Message\":\"\",\"RequestID\":\"r1\"},"
              + "\"Payload\":{\"TaskId\":\"t-warn-only\"}}"));
      gateway.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      Path file = request(dir, payload("http://127.0.0.1:" + gateway.getPort() + "/missing.mp4",
          "http://127.0.0.1:" + gateway.getPort() + "/missing.mp3", ""));
      Map<String, String> env = CliRun.env("key", "token");

      CliRun r = CliRun.run(env, "--endpoint", gateway.url("/").toString(), "submit", "--preflight",
          "--validation", "warn-only", "--request", file.toString());

      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.out.trim()).isEqualTo("t-warn-only");
      assertThat(r.err).contains("warning: ").contains("Payload.RefVideoUrl").contains("HTTP 404");
      assertThat(gateway.getRequestCount()).isEqualTo(3);
      assertThat(gateway.takeRequest().getMethod()).isEqualTo("HEAD");
      assertThat(gateway.takeRequest().getMethod()).isEqualTo("HEAD");
      assertThat(gateway.takeRequest().getMethod()).isEqualTo("POST");
    }
  }

  @Test
  void theDemoPreflightsTheSandboxesRealTemplateVideo() {
    CliRun r = CliRun.run(Map.of(), "demo", "--task-duration", "1s");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).containsPattern("Preflight of the template video: http://127\\.0\\.0\\.1:\\d+/\\S+template\\.mp4:"
        + " mp4, video h264 640x360, audio aac, 12 s, \\d+ bytes \\(\\d+ bytes read\\); no errors");
  }
}
