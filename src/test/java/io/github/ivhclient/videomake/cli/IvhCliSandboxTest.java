package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import io.github.ivhclient.videomake.sandbox.SandboxGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the CLI, in this process, against the sandbox gateway on a loopback port. The
 * credentials are the test's own, so that "no secret in any output" means something.
 */
class IvhCliSandboxTest {
  private static final String APP_KEY = TestSecrets.APP_KEY;
  private static final String ACCESS_TOKEN = TestSecrets.ACCESS_TOKEN;
  private static final String FAST_POLL = "150ms";
  private static final String VIDEO = "https://cdn.example.com/e2e/template.mp4";

  private SandboxGateway sandbox;
  private Map<String, String> env;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    sandbox = sandbox(Duration.ofMillis(1200));
    env = CliRun.env(APP_KEY, ACCESS_TOKEN);
    env.put(IvhCli.ENV_ENDPOINT, sandbox.endpoint().toString());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static SandboxGateway sandbox(Duration taskDuration) {
    return SandboxGateway.builder().appKey(APP_KEY).accessToken(ACCESS_TOKEN).taskDuration(taskDuration).start();
  }

  private CliRun run(String... args) {
    return CliRun.run(env, args).assertNoSecret(APP_KEY, ACCESS_TOKEN);
  }

  private String submit() {
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello from the end-to-end test", "--timbre", timbre());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    return r.out.strip();
  }

  private static String timbre() {
    return SandboxGateway.timbreKeys().get(0);
  }

  private static Map<String, Object> json(String text) throws IOException {
    return JsonSupport.moshi().<Map<String, Object>>adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(text);
  }

  /** The failure line: the one line of stderr that is not progress, and the last one. */
  private static String failureLine(CliRun r) {
    List<String> lines = r.err.lines().filter(l -> l.startsWith("ivh: ")).toList();
    assertThat(lines).as(r.toString()).hasSize(1);
    assertThat(r.err.strip()).endsWith(lines.get(0));
    assertThat(r.err).doesNotContain("\tat ");
    return lines.get(0);
  }

  // ---- exit 0 ------------------------------------------------------------------------------

  @Test
  void submitPrintsATaskIdThatStatusKnows() {
    String taskId = submit();
    assertThat(taskId).isNotBlank().doesNotContain("\n");
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isEqualTo(1);

    CliRun status = run("status", taskId);
    assertThat(status.exitCode).as(status.toString()).isEqualTo(ExitCode.OK);
    assertThat(status.out).contains(taskId).containsPattern("Status:\\s+(COMMIT|MAKING|SUCCESS)");
  }

  @Test
  void submitWaitShowsProgressAndPrintsTheResultUrls() {
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello, wait for me", "--timbre", timbre(),
        "--wait", "--poll-interval", FAST_POLL);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    List<String> out = r.out.lines().toList();
    assertThat(out.get(0)).isNotBlank().doesNotContain(":");
    assertThat(r.out).containsPattern("Status:\\s+SUCCESS")
        .containsPattern("MediaUrl:\\s+" + sandbox.endpoint().toString().replace(".", "\\.") + "\\S+\\.mp4")
        .containsPattern("SubtitlesUrl:\\s+\\S+")
        .contains("ExpiresAt:");
    // The progress bar is on stderr, one line per change, never redrawn with carriage returns.
    assertThat(r.err).contains("100%").contains("SUCCESS").doesNotContain("\r").doesNotContain("ivh: ");
    assertThat(r.err.lines().count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void submitWaitJsonPrintsOneResultDocument() throws IOException {
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello, JSON", "--timbre", timbre(),
        "--wait", "--poll-interval", FAST_POLL, "--json");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    Map<String, Object> result = json(r.out);
    assertThat(result).containsEntry("Status", "SUCCESS").containsKeys("TaskId", "MediaUrl", "SubtitlesUrl", "ExpiresAt");
    assertThat((String) result.get("MediaUrl")).startsWith(sandbox.endpoint().toString()).endsWith(".mp4");
  }

  @Test
  void waitFollowsASubmittedTask() {
    String taskId = submit();
    CliRun r = run("wait", "--poll-interval", FAST_POLL, taskId);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.out).contains(taskId).containsPattern("Status:\\s+SUCCESS").contains(".mp4");
  }

  @Test
  void statusJsonOfAFinishedTaskHasTheResult() throws IOException {
    String taskId = submit();
    assertThat(run("wait", "--poll-interval", FAST_POLL, taskId).exitCode).isEqualTo(ExitCode.OK);
    CliRun r = run("status", "--json", taskId);
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    Map<String, Object> payload = json(r.out);
    assertThat(payload).containsEntry("Status", "SUCCESS").containsEntry("Progress", 100.0);
    assertThat((String) payload.get("MediaUrl")).endsWith(".mp4");
  }

  @Test
  void timbresListsTheSandboxTimbres() {
    CliRun r = run("timbres");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.out.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("KEY"));
    for (String key : SandboxGateway.timbreKeys()) {
      assertThat(r.out).contains(key);
    }
    assertThat(r.out).contains(SandboxGateway.timbreKeys().size() + " timbres");
  }

  @Test
  void timbresJsonListsEveryTimbre() throws IOException {
    CliRun r = run("timbres", "--json");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    List<?> list = JsonSupport.moshi().adapter(List.class).fromJson(r.out);
    assertThat(list).hasSize(SandboxGateway.timbreKeys().size());
  }

  @Test
  void demoRunsTheWholeJobWithoutCredentials() {
    // Neither credentials nor the endpoint settings matter: the demo brings its own gateway.
    CliRun r = CliRun.run(Map.of(IvhCli.ENV_ENDPOINT, "http://gateway.example.com"), "demo", "--task-duration", "1s");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.out).contains("Sandbox gateway listening on http://127.0.0.1:")
        .contains("TaskId")
        .containsPattern("Status:\\s+SUCCESS")
        .containsPattern("MediaUrl:\\s+http://127\\.0\\.0\\.1:\\d+/\\S+\\.mp4")
        .contains("Sandbox stopped");
    assertThat(r.err).contains("100%").contains("SUCCESS").doesNotContain("ivh: ");
    assertThat(r.out + r.err).doesNotContain(SandboxGateway.DEFAULT_ACCESS_TOKEN);
  }

  // ---- validate (offline) --------------------------------------------------------------------

  @Test
  void validateJudgesFilesWithoutTheGateway() throws IOException {
    Path valid = write("{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"" + VIDEO + "\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello there\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.0}}}");
    Path invalid = write("{\"RefVideoUrl\":\"" + VIDEO + "\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello there\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":3.0}}");
    Path wrongType = write("{\"RefVideoUrl\":\"" + VIDEO + "\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello there\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":\"1.0\"}}");
    Path malformed = write("{\"RefVideoUrl\":");

    assertThat(run("validate", valid.toString()).exitCode).isEqualTo(ExitCode.OK);

    CliRun bad = run("validate", invalid.toString());
    assertThat(bad.exitCode).as(bad.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(bad.out).contains("Payload.SpeechParam.Speed");

    CliRun typed = run("validate", "--json", wrongType.toString());
    assertThat(typed.exitCode).as(typed.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(typed.out).contains("\"path\": \"Payload.SpeechParam.Speed\"");

    CliRun broken = run("validate", malformed.toString());
    assertThat(broken.exitCode).isEqualTo(ExitCode.USAGE);
    broken.assertOneErrorLine();

    assertThat(sandbox.requestCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
  }

  // ---- exit 1, 2, 3, 4, 5 --------------------------------------------------------------------

  @Test
  void anInvalidSubmitExits1AndNothingReachesTheGateway() {
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello there", "--timbre", timbre(), "--speed", "3");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(failureLine(r)).contains("Payload.SpeechParam.Speed").contains("nothing was sent");
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isZero();
  }

  @Test
  void aMalformedRequestFileExits2() throws IOException {
    CliRun r = run("submit", "--request", write("{not json").toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(failureLine(r)).contains("not valid JSON");
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isZero();
  }

  @Test
  void missingCredentialsExit2() {
    env.remove(IvhCli.ENV_APPKEY);
    CliRun r = run("timbres");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(failureLine(r)).contains("IVH_APPKEY");
  }

  @Test
  void aWrongAccessTokenExits3WithTheGatewaysCode() {
    env.put(IvhCli.ENV_ACCESS_TOKEN, "not-the-right-token-1234");
    CliRun r = CliRun.run(env, "status", "any-task").assertNoSecret(APP_KEY, "not-the-right-token-1234");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.GATEWAY);
    assertThat(failureLine(r)).contains("Header.Code=" + SandboxGateway.CODE_SIGNATURE_FAILURE).contains("RequestID");
  }

  @Test
  void persistentServerErrorsExit3() {
    sandbox.failNextRequests(10, 503);
    CliRun r = run("timbres");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.GATEWAY);
    assertThat(failureLine(r)).contains("HTTP 503");
  }

  @Test
  void aFailedTaskExits4() {
    sandbox.failNextTasks(1, 40001, "face not found in the template video");
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello, fail", "--timbre", timbre(),
        "--wait", "--poll-interval", FAST_POLL);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
    assertThat(failureLine(r)).contains("40001").contains("face not found in the template video");
    assertThat(r.err).contains("FAIL (FailCode 40001)");
    assertThat(r.out.strip()).doesNotContain("\n");
  }

  @Test
  void aFailedTaskWithJsonStillPrintsItsDocumentAndExits4() throws IOException {
    sandbox.failNextTasks(1, 40001, "face not found in the template video");
    CliRun r = run("submit", "--video", VIDEO, "--text", "Hello, fail", "--timbre", timbre(),
        "--wait", "--poll-interval", FAST_POLL, "--json");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.TASK_FAILED);
    Map<String, Object> document = json(r.out);
    assertThat(document).containsEntry("Status", "FAIL").containsEntry("FailCode", 40001.0)
        .containsEntry("FailMessage", "face not found in the template video");
    assertThat((String) document.get("TaskId")).isNotBlank();
    assertThat(failureLine(r)).contains((String) document.get("TaskId")).contains("40001");
  }

  @Test
  void aWaitWhosePollsKeepFailingNamesTheTaskSoAScriptNeverSubmitsAgain() throws IOException {
    String taskId = submit();
    sandbox.failNextRequests(1000, 503);
    CliRun r = run("wait", "--json", "--poll-interval", FAST_POLL, taskId);
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.GATEWAY);
    assertThat(json(r.out)).containsEntry("TaskId", taskId);
    assertThat(failureLine(r)).contains("task " + taskId + ": waiting failed, the task on the server goes on")
        .contains("resume with: ivh wait " + taskId).contains("HTTP 503").contains("RequestID");
    assertThat(sandbox.requestCount(SandboxGateway.SUBMIT_PATH)).isEqualTo(1);
  }

  @Test
  void aTimedOutWaitWithJsonStillPrintsTheLastStatusAndExits5() throws IOException {
    try (SandboxGateway slow = sandbox(Duration.ofMinutes(5))) {
      env.put(IvhCli.ENV_ENDPOINT, slow.endpoint().toString());
      String taskId = submit();
      CliRun r = run("wait", "--json", "--timeout", "1s", "--poll-interval", "200ms", taskId);
      assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.TIMED_OUT);
      Map<String, Object> document = json(r.out);
      assertThat(document).containsEntry("TaskId", taskId).containsEntry("TimedOut", true)
          .containsEntry("FailCode", 0.0).containsKey("FailMessage");
      assertThat((String) document.get("Status")).isIn("COMMIT", "MAKING");
      assertThat(failureLine(r)).contains("resume with: ivh wait " + taskId);
    }
  }

  @Test
  void aWaitThatRunsOutOfTimeExits5() {
    try (SandboxGateway slow = sandbox(Duration.ofMinutes(5))) {
      env.put(IvhCli.ENV_ENDPOINT, slow.endpoint().toString());
      String taskId = submit();
      CliRun r = run("wait", "--timeout", "1s", "--poll-interval", "200ms", taskId);
      assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.TIMED_OUT);
      assertThat(failureLine(r)).contains(taskId).contains("after 1s").doesNotContain("PT1S")
          .contains("resume with: ivh wait " + taskId);
      assertThat(r.out).isEmpty();
    }
  }

  private Path write(String json) throws IOException {
    Path file = Files.createTempFile(dir, "request", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
