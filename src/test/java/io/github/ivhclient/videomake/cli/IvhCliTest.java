package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import io.github.ivhclient.videomake.IvhWaitTimeoutException;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.internal.JsonSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The CLI's options, output formats and exit codes against a scripted HTTP server. */
class IvhCliTest extends ScriptedGatewayCliTest {

  /** The same answer to every attempt: the client retries server errors before giving up. */
  private void answerAlways(MockResponse response) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    });
  }

  private static Map<String, Object> json(String text) throws IOException {
    return JsonSupport.moshi().<Map<String, Object>>adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(text);
  }

  // ---- usage -------------------------------------------------------------------------------

  @Test
  void withoutACommandItIsAUsageError() {
    CliRun r = run();
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("a command is required").contains("submit").contains("validate");
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnOneLine() {
    CliRun r = run("status", "--colour", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("--colour").contains("ivh status --help");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aBadlyTypedOptionIsAUsageError() {
    CliRun r = run("submit", "--speed", "fast");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("--speed").contains("fast");
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun r = run("--help");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    assertThat(r.out).contains("submit", "status", "timbres", "validate", "IVH_APPKEY", "Exit codes");
    assertThat(r.err).isEmpty();
  }

  @Test
  void helpFitsEightyColumnsAndWrapsNoExitCodeEntry() {
    List<String> lines = run("--help").out.lines().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThan(80));
    for (String entry : List.of("0 ok", "1 invalid request", "2 usage or input file", "3 gateway or network",
        "4 task FAIL", "5 wait timed out", "70 internal error", "130 interrupted")) {
      assertThat(lines).as(entry).anySatisfy(line -> assertThat(line).contains(entry));
    }
  }

  @Test
  void everyCommandSummaryInTheHelpIsACompleteSentence() {
    List<String> lines = run("--help").out.lines().toList();
    int start = lines.indexOf("Commands:");
    assertThat(start).isNotNegative();
    // An entry is its first line ("  demo      Run ...") and the indented lines that continue it.
    List<String> entries = new java.util.ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      if (line.startsWith("   ")) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
      } else {
        entries.add(line.strip());
      }
    }
    assertThat(entries).hasSize(8);
    assertThat(entries).anySatisfy(entry -> assertThat(entry).startsWith("demo "));
    assertThat(entries).allSatisfy(entry -> assertThat(entry).as(entry).endsWith("."));
  }

  @Test
  void missingCredentialsAreNamedAndNothingIsSent() {
    env.remove(IvhCli.ENV_ACCESS_TOKEN);
    CliRun r = run("status", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("IVH_ACCESS_TOKEN").doesNotContain("IVH_APPKEY and");

    env.remove(IvhCli.ENV_APPKEY);
    CliRun both = run("timbres");
    assertThat(both.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(both.err).contains("IVH_APPKEY and IVH_ACCESS_TOKEN");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void blankCredentialsCountAsMissing() {
    env.put(IvhCli.ENV_APPKEY, "  ");
    CliRun r = run("status", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("IVH_APPKEY");
  }

  @Test
  void plainHttpToARemoteHostIsRefusedAsAUsageError() {
    CliRun r = run("--endpoint", "http://gateway.example.com", "status", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("--endpoint").contains("https");
  }

  @Test
  void theEndpointOptionOverridesTheEnvironment() throws IOException {
    env.put(IvhCli.ENV_ENDPOINT, "http://127.0.0.1:" + freePort());
    answer("{\"Status\":\"MAKING\",\"Progress\":10}");
    CliRun r = run("--endpoint", server.url("/").toString(), "status", "t-1");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Only the named command is built: an option's value that is a command name is still the value. */
  @Test
  void anOptionValueThatNamesACommandIsNotTheCommand() {
    CliRun r = run("--endpoint", "validate", "status", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).startsWith("ivh: --endpoint: ").doesNotContain("Unmatched");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void globalOptionsAfterTheCommandAreRejected() {
    CliRun r = run("status", "--endpoint", server.url("/").toString(), "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void versionNamesTheCommandAndTheBuildsVersion() {
    CliRun r = run("--version");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    // Maven filtered ivh-version.properties into target/classes: the version, not the marker.
    assertThat(r.out.strip()).matches("ivh \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void endpointShorthandsNameTheRealHosts() {
    CliRun r = run("--verbose", "--endpoint", "international", "status", "");
    // A blank TaskId is refused before anything is sent, after the endpoint was resolved.
    assertThat(r.exitCode).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(r.err).contains("endpoint https://gw-sg.tvs.qq.com/").contains("Payload.TaskId");
    env.remove(IvhCli.ENV_ENDPOINT);
    assertThat(run("--verbose", "status", "").err).contains("endpoint https://gw.tvs.qq.com/");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void durationsAreCheckedAsUsage() {
    CliRun zero = run("wait", "--timeout", "0s", "t-1");
    assertThat(zero.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(zero.err).contains("not a positive duration");
    CliRun word = run("wait", "--timeout", "soon", "t-1");
    assertThat(word.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(word.err).contains("500ms, 90s, 10m, 2h, 1h30m, PT10M");
    assertThat(run("wait", "--timeout", "30s1m", "t-1").exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run("wait", "--timeout", "", "t-1").exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void durationsArePrintedAsTheyAreWritten() {
    assertThat(DurationConverter.format(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(DurationConverter.format(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(DurationConverter.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(DurationConverter.format(Duration.ofHours(26).plusMinutes(5))).isEqualTo("26h5m");
    assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("0ms");
    DurationConverter converter = new DurationConverter();
    for (String written : List.of("500ms", "90s", "10m", "2h")) {
      java.time.Duration read = converter.convert(written);
      assertThat(converter.convert(DurationConverter.format(read))).isEqualTo(read);
    }
  }

  @Test
  void durationFormats() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(converter.convert("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(converter.convert("1s500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void secretsAreScrubbedFromAnyText() {
    Secrets secrets = new Secrets(List.of(APP_KEY, ACCESS_TOKEN, "ab"));
    assertThat(secrets.scrub("key " + APP_KEY + " token " + ACCESS_TOKEN + " ab"))
        .isEqualTo("key **** token **** ab");
    assertThat(secrets.scrub("https://h/p?appkey=zz&signature=x%2B1&timestamp=1"))
        .isEqualTo("https://h/p?appkey=****&signature=****&timestamp=1");
  }

  // ---- status ------------------------------------------------------------------------------

  @Test
  void statusPrintsTheSnapshot() throws InterruptedException {
    answer("{\"Status\":\"COMMIT\",\"Progress\":0,\"ArrayCount\":3}");
    CliRun r = run("status", "task-42");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    assertThat(r.out).contains("TaskId:").contains("task-42").contains("COMMIT").contains("3 ahead in the queue");
    assertThat(r.err).isEmpty();
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getPath()).startsWith("/v2/ivh/videomaker/broadcastservice/getprogress?");
    assertThat(request.getBody().readUtf8()).contains("\"TaskId\":\"task-42\"");
  }

  @Test
  void statusJsonUsesTheWireNames() throws IOException {
    answer("{\"Status\":\"SUCCESS\",\"Progress\":100,\"ArrayCount\":0,\"MediaUrl\":\"https://cdn.example.com/r.mp4\","
        + "\"SubtitlesUrl\":\"https://cdn.example.com/r.srt\",\"Duration\":12345}");
    CliRun r = run("status", "--json", "task-42");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    Map<String, Object> payload = json(r.out);
    assertThat(payload).containsOnlyKeys("Status", "Progress", "ArrayCount", "MediaUrl", "SubtitlesUrl",
        "Duration", "FailCode", "FailMessage");
    assertThat(payload.get("Status")).isEqualTo("SUCCESS");
    assertThat(payload.get("Progress")).isEqualTo(100.0);
    assertThat(payload.get("Duration")).isEqualTo(12345.0);
    assertThat(payload.get("MediaUrl")).isEqualTo("https://cdn.example.com/r.mp4");
  }

  @Test
  void statusOfAFailedTaskExits4() {
    answer("{\"Status\":\"FAIL\",\"Progress\":-1,\"FailCode\":3001,\"FailMessage\":\"face not found\"}");
    CliRun r = run("status", "task-7");
    assertThat(r.exitCode).isEqualTo(ExitCode.TASK_FAILED);
    r.assertOneErrorLine();
    assertThat(r.err).contains("task-7").contains("3001").contains("face not found");
    assertThat(r.out).contains("FailCode:").contains("3001").containsPattern("Progress:\\s+-1\\R");
  }

  // ---- gateway failures --------------------------------------------------------------------

  @Test
  void aGatewayErrorExits3WithCodeAndRequestId() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
        "{\"Header\":{\"Code\":100014,\"Message\":\"AssetConcurrencyQuotaNotFound\",\"RequestID\":\"req-err-9\"},"
            + "\"Payload\":{}}"));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("100014").contains("req-err-9").contains("AssetConcurrencyQuotaNotFound");
  }

  @Test
  void anHttpErrorExits3() {
    answerAlways(new MockResponse().setResponseCode(502).setBody("bad gateway"));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("HTTP 502").contains("after 3 attempts");
  }

  @Test
  void anHtmlErrorPageIsOneShortLine() {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n  <title>502 Bad Gateway</title>\n"
        + "</head>\n<body>\n\t<h1>502 Bad Gateway</h1>\n");
    for (int i = 0; i < 40; i++) {
      page.append("  <p>The upstream server answered nothing useful (line ").append(i).append(").</p>\r\n");
    }
    page.append("</body>\n</html>\n");
    answerAlways(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
        .setBody(page.toString()));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    String line = r.err.stripTrailing();
    assertThat(line).startsWith("ivh: getProgress: ").contains("HTTP 502").contains("<title>502 Bad Gateway</title>")
        .contains(FailureLine.ELLIPSIS).doesNotContain("  ").doesNotContain("\t").doesNotContain("\r");
    assertThat(line.length()).isLessThanOrEqualTo("ivh: ".length() + FailureLine.MAX_LENGTH);
  }

  @Test
  void aWholeJsonEnvelopeInAnHttpErrorIsOneLineThatKeepsTheRequestId() {
    String envelope = "{\n  \"Header\": {\n    \"Code\": 500001,\n    \"Message\": \"" + "upstream busy ".repeat(60)
        + "\",\n    \"RequestID\": \"req-502-7\"\n  },\n  \"Payload\": {}\n}\n";
    answerAlways(new MockResponse().setResponseCode(502).setHeader("Content-Type", "application/json")
        .setBody(envelope));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("HTTP 502").contains("req-502-7").contains(FailureLine.ELLIPSIS);
    assertThat(r.err.stripTrailing().length()).isLessThanOrEqualTo("ivh: ".length() + FailureLine.MAX_LENGTH);
  }

  @Test
  void aLongMultiLineServiceMessageKeepsHeaderCodeAndRequestId() {
    String message = "quota exceeded,\\n" + "see the console for details; ".repeat(30);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
        "{\"Header\":{\"Code\":100014,\"Message\":\"" + message + "\",\"RequestID\":\"req-err-10\"},"
            + "\"Payload\":{}}"));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("Header.Code=100014").contains("req-err-10").contains("quota exceeded,");
    assertThat(r.err.stripTrailing().length()).isLessThanOrEqualTo("ivh: ".length() + FailureLine.MAX_LENGTH);
  }

  @Test
  void aTimedOutWaitNamesTheTimeoutAsWrittenAndTheQueueOnlyWhileCommitted() {
    TaskSnapshot queued = TaskSnapshot.builder("t-9").status("COMMIT").progress(0).queuePosition(3)
        .requestId("req-q").build();
    String whileQueued = FailureReporter.timeoutLine(new IvhWaitTimeoutException("t-9", Duration.ofSeconds(1), queued, 4));
    assertThat(whileQueued).contains("after 1s;").contains("last status COMMIT, 3 ahead in the queue")
        .contains("RequestID req-q").contains("resume with: ivh wait t-9").doesNotContain("PT1S");

    TaskSnapshot making = TaskSnapshot.builder("t-9").status("MAKING").progress(40).queuePosition(0).build();
    String whileMaking = FailureReporter.timeoutLine(new IvhWaitTimeoutException("t-9", Duration.ofMinutes(30), making, 9));
    assertThat(whileMaking).contains("after 30m;").contains("last status MAKING, progress 40%")
        .doesNotContain("queue").doesNotContain("PT30M").doesNotContain("RequestID");

    String unanswered = FailureReporter.timeoutLine(new IvhWaitTimeoutException("t-9", Duration.ofSeconds(90), null, 0));
    assertThat(unanswered).contains("after 1m30s without any answer").contains("resume with: ivh wait t-9");
  }

  @Test
  void anUnreadableAnswerExits3() {
    answerAlways(new MockResponse().setHeader("Content-Type", "application/json").setBody("<html>oops</html>"));
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("malformed response");
  }

  @Test
  void anUnreachableGatewayExits3() throws IOException {
    env.put(IvhCli.ENV_ENDPOINT, "http://127.0.0.1:" + freePort());
    CliRun r = run("status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    r.assertOneErrorLine();
    assertThat(r.err).contains("never reached the server");
  }

  @Test
  void verbosePrintsTheStackTraceWithoutSecrets() {
    answerAlways(new MockResponse().setResponseCode(500));
    CliRun r = run("--verbose", "status", "task-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.GATEWAY);
    assertThat(r.err).contains("IvhHttpException").contains("\tat ").contains("endpoint " + server.url("/"));
  }

  // ---- timbres -----------------------------------------------------------------------------

  private static final String TIMBRES = "{\"Total\":2,\"TimbreAssets\":["
      + "{\"TimbreKey\":\"female_1\",\"TimbreName\":\"Xiaoxue\",\"TimbreGender\":2,\"TimbreLanguages\":[\"zh\",\"en\"]},"
      + "{\"TimbreKey\":\"male_emo\",\"TimbreName\":\"Alex\",\"TimbreGender\":1,"
      + "\"EmotionalCategories\":[\"happy\",\"sad\"]}]}";

  @Test
  void timbresPrintsATable() throws InterruptedException {
    answer(TIMBRES);
    CliRun r = run("timbres", "--name", "x");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out.lines().toList();
    assertThat(lines.get(0)).startsWith("KEY").contains("NAME", "GENDER", "LANGUAGES", "EMOTIONS");
    assertThat(lines.get(1)).startsWith("female_1").contains("Xiaoxue", "female", "zh,en");
    assertThat(lines.get(2)).startsWith("male_emo").contains("Alex", "male", "happy,sad");
    assertThat(lines.get(3)).isEqualTo("2 timbres");
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"TimbreName\":\"x\"").contains("\"PageIndex\":1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void timbresJsonKeepsTheWireNames() throws IOException {
    answer(TIMBRES);
    CliRun r = run("timbres", "--json");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    List<Object> list = JsonSupport.moshi().adapter(List.class).fromJson(r.out);
    assertThat(list).hasSize(2);
    assertThat((Map<Object, Object>) list.get(0)).containsEntry("TimbreKey", "female_1").containsEntry("TimbreGender", 2.0);
  }

  @Test
  void timbresRejectsAnUnknownPurchaseType() {
    CliRun r = run("timbres", "--purchase-type", "Rent");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("Lease or Custom");
  }

  // ---- submit ------------------------------------------------------------------------------

  @Test
  void submitBuildsTheRequestFromOptionsAndPrintsTheTaskId() throws InterruptedException {
    answer("{\"TaskId\":\"task-new-1\"}");
    CliRun r = run("submit", "--video", "https://cdn.example.com/t.mp4", "--text", "Hello there",
        "--timbre", "female_1", "--volume", "3");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.out).isEqualTo("task-new-1" + System.lineSeparator());
    String body = server.takeRequest().getBody().readUtf8();
    assertThat(body).contains("\"RefVideoUrl\":\"https://cdn.example.com/t.mp4\"", "\"DriverType\":\"Text\"",
        "\"InputSsml\":\"Hello there\"", "\"TimbreKey\":\"female_1\"", "\"Volume\":3", "\"Speed\":1.0");
  }

  @Test
  void submitOptionsOverrideTheFile() throws Exception {
    Path file = write("{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\","
        + "\"DriverType\":\"Text\",\"InputSsml\":\"from the file\","
        + "\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":1.2}}}");
    answer("{\"TaskId\":\"task-new-2\"}");
    CliRun r = run("submit", "--request", file.toString(), "--text", "from the option", "--json");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(json(r.out)).containsExactly(Map.entry("TaskId", "task-new-2"));
    String body = server.takeRequest().getBody().readUtf8();
    assertThat(body).contains("\"InputSsml\":\"from the option\"", "\"Speed\":1.2", "\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\"");
  }

  @Test
  void optionsCompleteAFileThatLacksAField() throws Exception {
    Path template = write("{\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://cdn.example.com/v.mp3\"}");
    answer("{\"TaskId\":\"task-new-4\"}");
    CliRun r = run("submit", "--request", template.toString(), "--video", "https://cdn.example.com/b.mp4");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"RefVideoUrl\":\"https://cdn.example.com/b.mp4\"");

    CliRun without = run("submit", "--request", template.toString());
    assertThat(without.exitCode).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(without.err).contains("Payload.RefVideoUrl");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void submitPrintsWarningsButSends() throws Exception {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"https://cdn.example.com/v.mp3\",\"Colour\":\"blue\"}");
    answer("{\"TaskId\":\"task-new-5\"}");
    CliRun r = run("submit", "--request", file.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.err).startsWith("warning: Payload.Colour");
    assertThat(r.out.strip()).isEqualTo("task-new-5");
  }

  @Test
  void submitOfAnAudioRequestInfersTheDriverType() throws InterruptedException {
    answer("{\"TaskId\":\"task-new-3\"}");
    CliRun r = run("submit", "--video", "https://cdn.example.com/t.mp4", "--audio", "https://cdn.example.com/v.mp3");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"DriverType\":\"OriginalVoice\"")
        .doesNotContain("SpeechParam");
  }

  @Test
  void submitOfAWronglyTypedFileExits1AndSendsNothing() throws IOException {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":\"fast\"}}");
    CliRun r = run("submit", "--request", file.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    r.assertOneErrorLine();
    assertThat(r.err).contains("nothing was sent").contains("Speed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void submitOfAMissingFileExits2() {
    CliRun r = run("submit", "--request", dir.resolve("absent.json").toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("absent.json").contains("no such file");
  }

  @Test
  void enumOptionsTakeTheWireSpellingInAnyCase() throws InterruptedException {
    answer("{\"TaskId\":\"task-new-6\"}");
    CliRun r = run("submit", "--video", "https://cdn.example.com/t.mp4", "--audio", "https://cdn.example.com/v.mp3",
        "--driver", "originalvoice", "--concurrency", "SHARED");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(server.takeRequest().getBody().readUtf8())
        .contains("\"DriverType\":\"OriginalVoice\"", "\"ConcurrencyType\":\"Shared\"");
    CliRun fallback = run("submit", "--concurrency", "unknown_default_open_api");
    assertThat(fallback.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(fallback.err).contains("is not Exclusive or Shared");
  }

  @Test
  void submitRejectsAnUnknownDriverType() {
    CliRun r = run("submit", "--driver", "Mime");
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("Text or OriginalVoice");
  }

  @Test
  void submitWithValidationWarnOnlyOrOffSendsWhatTheClientWouldRefuse() throws Exception {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"hello there\",\"SpeechParam\":{\"TimbreKey\":\"voice_a\",\"Speed\":1.7}}");
    CliRun refused = run("submit", "--request", file.toString());
    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(server.getRequestCount()).isZero();

    answer("{\"TaskId\":\"task-forced-1\"}");
    CliRun warnOnly = run("submit", "--request", file.toString(), "--validation", "warn-only");
    assertThat(warnOnly.exitCode).as(warnOnly.toString()).isEqualTo(ExitCode.OK);
    assertThat(warnOnly.err).startsWith("warning: Payload.SpeechParam.Speed: (not enforced) must be at most 1.5");
    assertThat(warnOnly.out.strip()).isEqualTo("task-forced-1");
    assertThat(server.takeRequest().getBody().readUtf8()).contains("\"Speed\":1.7");

    answer("{\"TaskId\":\"task-forced-2\"}");
    CliRun off = run("submit", "--request", file.toString(), "--validation", "OFF");
    assertThat(off.exitCode).as(off.toString()).isEqualTo(ExitCode.OK);
    assertThat(off.err).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);

    CliRun bad = run("submit", "--request", file.toString(), "--validation", "lenient");
    assertThat(bad.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err).contains("enforce, warn-only or off");
  }

  @Test
  void submitWithValidationOffStillRefusesAValueOfTheWrongJsonType() throws IOException {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"hello\",\"ConcurrencyType\":\"Dedicated\","
        + "\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":\"fast\"}}");
    for (String mode : List.of("off", "warn-only")) {
      CliRun r = run("submit", "--request", file.toString(), "--validation", mode);
      assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
      assertThat(r.err).contains("nothing was sent").contains("Speed");
    }
    Path unknownEnum = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"https://cdn.example.com/a.mp3\",\"ConcurrencyType\":\"Dedicated\"}");
    CliRun r = run("submit", "--request", unknownEnum.toString(), "--validation", "off");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(r.err).contains("ConcurrencyType");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- validate ----------------------------------------------------------------------------

  /** Issue 8: each request the API document allows is valid (exit 0), with warnings where it is unclear. */
  @Test
  @SuppressWarnings("unchecked")
  void validateJsonAcceptsWhatTheDocumentAllows() throws IOException {
    String text = "\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\",\"InputSsml\":\"hello\","
        + "\"SpeechParam\":{\"TimbreKey\":\"voice_a\",\"Speed\":1.0";
    Map<String, String> allowed = new java.util.LinkedHashMap<>();
    allowed.put("Custom without EndTime", "{" + text + "},\"VideoParam\":{\"MakeType\":\"Custom\",\"StartTime\":1}}");
    allowed.put("Custom without StartTime", "{" + text + "},\"VideoParam\":{\"MakeType\":\"Custom\",\"EndTime\":9}}");
    allowed.put("blank ConcurrencyType", "{" + text + "},\"ConcurrencyType\":\"\"}");
    allowed.put("blank EmotionCategory", "{" + text + ",\"EmotionCategory\":\"\"}}");
    allowed.put("blank TimbreLanguage", "{" + text + ",\"TimbreLanguage\":\"\"}}");
    allowed.put("overlapping intervals", "{" + text + "},\"VideoParam\":{\"DisableIntervals\":"
        + "[{\"StartTime\":1,\"EndTime\":3},{\"StartTime\":2,\"EndTime\":4}]}}");
    allowed.put("zero-length interval", "{" + text + "},\"VideoParam\":{\"DisableIntervals\":[{\"StartTime\":2,\"EndTime\":2}]}}");
    allowed.put("interval without an end", "{" + text + "},\"VideoParam\":{\"DisableIntervals\":[{\"StartTime\":2}]}}");
    allowed.put("10/3 seconds", "{" + text + "},\"VideoParam\":{\"MakeType\":\"Circle\",\"StartTime\":3.3333333333333335}}");
    allowed.put("'_' in the host", "{" + text + "}}".replace("cdn.example.com", "my_bucket.example.com"));
    allowed.put("'|' in the query", ("{" + text + "}}").replace("a.mp4", "a.mp4?v=1|2"));
    for (Map.Entry<String, String> request : allowed.entrySet()) {
      CliRun r = run("validate", "--json", write(request.getValue()).toString());
      assertThat(r.exitCode).as(request.getKey() + ": " + r).isEqualTo(ExitCode.OK);
      assertThat(json(r.out)).as(request.getKey()).containsEntry("valid", true);
      assertThat((List<?>) json(r.out).get("errors")).as(request.getKey()).isEmpty();
    }
    CliRun outOfOrder = run("validate", "--json", write("{" + text + "},\"VideoParam\":{\"DisableIntervals\":"
        + "[{\"StartTime\":3,\"EndTime\":4},{\"StartTime\":1,\"EndTime\":2}]}}").toString());
    assertThat(outOfOrder.exitCode).as("the document forbids it: %s", outOfOrder).isEqualTo(ExitCode.INVALID_REQUEST);
  }

  @Test
  void validateAcceptsAValidEnvelopeWithoutCredentials() throws IOException {
    env.remove(IvhCli.ENV_APPKEY);
    env.remove(IvhCli.ENV_ACCESS_TOKEN);
    Path file = write("{\"Header\":{},\"Payload\":{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\","
        + "\"DriverType\":\"OriginalVoice\",\"InputAudioUrl\":\"https://cdn.example.com/a.mp3\"}}");
    CliRun r = run("validate", file.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.out).contains("valid");
    assertThat(r.err).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void validateReportsAWrongJsonTypeAtItsPath() throws IOException {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":true}}");
    CliRun r = run("validate", file.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(r.out).contains("error").contains("Speed");
    r.assertOneErrorLine();
    assertThat(r.err).contains("is invalid").contains("1 error");
  }

  @Test
  @SuppressWarnings("unchecked")
  void validateJsonHasTheAgreedShape() throws IOException {
    Path file = write("{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"hello\",\"SpeechParam\":{\"TimbreKey\":\"female_1\",\"Speed\":\"1.0\"}}");
    CliRun r = run("validate", "--json", file.toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.INVALID_REQUEST);
    Map<String, Object> report = json(r.out);
    assertThat(report).containsKeys("valid", "errors", "warnings").containsEntry("valid", false);
    List<?> errors = (List<?>) report.get("errors");
    assertThat(errors).isNotEmpty();
    assertThat((Map<Object, Object>) errors.get(0)).containsKeys("path", "message");
  }

  @Test
  void validateOfMalformedJsonExits2() throws IOException {
    Path file = write("{\"RefVideoUrl\": ");
    CliRun r = run("validate", file.toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("not valid JSON");
  }

  @Test
  void validateOfANonObjectIsATypeErrorAtThePayload() throws IOException {
    CliRun r = run("validate", write("[1, 2]").toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.INVALID_REQUEST);
    assertThat(r.out).contains("Payload:").contains("[type]");
  }

  @Test
  void validateOfAMissingFileExits2() {
    CliRun r = run("validate", dir.resolve("nope.json").toString());
    assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
  }

  private Path write(String json) throws IOException {
    Path file = Files.createTempFile(dir, "request", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
