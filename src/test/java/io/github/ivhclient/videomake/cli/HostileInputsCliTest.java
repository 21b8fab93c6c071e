package io.github.ivhclient.videomake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection against the command line: odd input files, a stdout that cannot be written, a
 * gateway whose text holds terminal escapes or out-of-range values, pages that never end.
 */
class HostileInputsCliTest extends ScriptedGatewayCliTest {
  private static final Pattern PAGE_INDEX = Pattern.compile("\"PageIndex\"\\s*:\\s*(\\d+)");

  // ---- request files ---------------------------------------------------------------------------

  @Test
  void aDeviceIsRefusedAtOnceWithExit2() {
    assumeThat(Path.of("/dev/zero")).exists();
    long started = System.nanoTime();
    CliRun r = run("validate", "/dev/zero");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("not a regular file");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aFifoIsRefusedWithoutBeingOpened() throws Exception {
    Path fifo = dir.resolve("request.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeThat(false).as("mkfifo available").isTrue();
      return;
    }
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo worked").isTrue();

    CliRun r = run("submit", "--request", fifo.toString());

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("not a regular file");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aHugeSparseFileIsRefusedBeforeReading() throws IOException {
    Path sparse = sparseFile(3L << 30);
    long started = System.nanoTime();
    CliRun r = run("validate", sparse.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("larger than 1048576 bytes");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws IOException {
    String json = "{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"https://cdn.example.com/a.mp3\"}";
    Path atLimit = write(json + " ".repeat(RequestFile.MAX_BYTES - json.length()));
    Path over = write(json + " ".repeat(RequestFile.MAX_BYTES - json.length() + 1));

    assertThat(run("validate", atLimit.toString()).exitCode).isEqualTo(ExitCode.OK);
    assertThat(run("validate", over.toString()).exitCode).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aRequestFileWithAByteOrderMarkIsRead() throws IOException {
    Path file = write("\uFEFF{\"RefVideoUrl\":\"https://cdn.example.com/a.mp4\",\"DriverType\":\"OriginalVoice\","
        + "\"InputAudioUrl\":\"https://cdn.example.com/a.mp3\"}");
    CliRun r = run("validate", file.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
  }

  /** The memory bound, measured: a child JVM with a 32 MB heap refuses what used to take gigabytes. */
  @Test
  void aSmallHeapIsEnoughForAHugeFileAndADevice() throws Exception {
    Path sparse = sparseFile(2L << 30);
    for (String file : List.of(sparse.toString(), "/dev/zero")) {
      if (!Files.exists(Path.of(file))) {
        continue;
      }
      Path err = dir.resolve("child-err.txt");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx32m", "-cp", System.getProperty("java.class.path"), IvhCli.class.getName(), "validate", file)
          .redirectOutput(dir.resolve("child-out.txt").toFile())
          .redirectError(err.toFile())
          .start();
      try {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(errText).isEqualTo(ExitCode.USAGE);
        assertThat(errText).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
      } finally {
        child.destroyForcibly();
      }
    }
  }

  // ---- durations ---------------------------------------------------------------------------------

  @Test
  void aTimeoutTooLongToRepresentIsAUsageError() {
    CliRun r = run("wait", "--timeout", "9999999h", "t-1");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.USAGE);
    r.assertOneErrorLine();
    assertThat(r.err).contains("too long").contains("36500 days");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- output that never lies -------------------------------------------------------------------

  @Test
  void aSubmitWhoseTaskIdCannotBePrintedSaysItOnStandardError() {
    answer("{\"TaskId\":\"billed-task-7\"}");
    Captured r = runWithBrokenStdout("submit", "--video", "https://cdn.example.com/a.mp4",
        "--audio", "https://cdn.example.com/a.mp3");
    assertThat(r.exitCode).as(r.err).isEqualTo(ExitCode.OUTPUT);
    assertThat(r.err).contains("ivh: TaskId billed-task-7").contains("could not be written");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStatusThatCannotBePrintedIsNotASuccess() {
    answer("{\"Status\":\"MAKING\",\"Progress\":10,\"ArrayCount\":0}");
    Captured r = runWithBrokenStdout("status", "t-1");
    assertThat(r.exitCode).as(r.err).isEqualTo(ExitCode.OUTPUT);
    assertThat(r.err).contains("could not write to standard output");
  }

  @Test
  void anErrorExits70WithOneLineAndItsTraceOnlyWhenVerbose() throws IOException {
    Path file = write("{}");
    Captured quiet = run(new PrintStream(new ThrowingOutput(new StackOverflowError("deep")), true), "validate",
        file.toString());
    assertThat(quiet.exitCode).isEqualTo(ExitCode.INTERNAL);
    assertThat(quiet.err.lines().count()).as(quiet.err).isEqualTo(1);
    assertThat(quiet.err).startsWith("ivh: internal error: java.lang.StackOverflowError").doesNotContain("\tat ");

    Captured verbose = run(new PrintStream(new ThrowingOutput(new StackOverflowError("deep")), true), "--verbose",
        "validate", file.toString());
    assertThat(verbose.exitCode).isEqualTo(ExitCode.INTERNAL);
    assertThat(verbose.err).contains("\tat ");
  }

  // ---- gateway text ------------------------------------------------------------------------------

  @Test
  void controlCharactersFromTheGatewayNeverReachTheTerminal() {
    answer("{\"Status\":\"FAIL\",\"Progress\":-1,\"ArrayCount\":0,\"FailCode\":40001,"
        + "\"FailMessage\":\"bad\\u001b[2J\\u0007 face\\nsecond line\\u202e\"}");
    CliRun r = run("status", "t-1");
    assertThat(r.exitCode).isEqualTo(ExitCode.TASK_FAILED);
    for (String text : List.of(r.out, r.err)) {
      assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    }
    assertThat(r.out).contains("bad\\x1B[2J\\x07 face\\nsecond line\\u202E");
    r.assertOneErrorLine();
  }

  @Test
  void outOfRangeValuesAreClampedForDisplayAndKeptRawInJson() {
    answer("{\"Status\":\"MAKING\",\"Progress\":250,\"ArrayCount\":-3,\"Duration\":-5}");
    answer("{\"Status\":\"COMMIT\",\"Progress\":0,\"ArrayCount\":-3,\"Duration\":-5}");
    answer("{\"Status\":\"MAKING\",\"Progress\":250,\"ArrayCount\":-3,\"Duration\":-5}");

    CliRun making = run("status", "t-1");
    assertThat(making.out).contains("100%").doesNotContain("250").doesNotContain("Duration");
    CliRun queued = run("status", "t-1");
    assertThat(queued.out).contains("0 ahead in the queue").doesNotContain("-3");
    CliRun json = run("status", "--json", "t-1");
    assertThat(json.out).contains("\"Progress\": 250").contains("\"ArrayCount\": -3");
  }

  // ---- paging ------------------------------------------------------------------------------------

  @Test
  void timbresStopsAtARepeatedPageAndPrintsAsItGoes() {
    AtomicBoolean firstPageShownBeforeSecondServed = new AtomicBoolean();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (page(request) == 2) {
          firstPageShownBeforeSecondServed.set(out.toString(StandardCharsets.UTF_8).contains("key-0-99"));
        }
        // Always the same full page, and a Total that never ends.
        return timbrePage(0, Integer.MAX_VALUE);
      }
    });

    Captured r = run(new PrintStream(out, true, StandardCharsets.UTF_8), out, "timbres");

    assertThat(r.exitCode).as(r.err).isEqualTo(ExitCode.OK);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(r.out).contains("100 timbres");
    assertThat(firstPageShownBeforeSecondServed).isTrue();
  }

  @Test
  void timbresEndsAtThePageCapWithAnError() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return timbrePage(page(request), Integer.MAX_VALUE); // new timbres on every page, forever
      }
    });

    CliRun r = run("timbres", "--json");

    assertThat(r.exitCode).as(r.err).isEqualTo(ExitCode.GATEWAY);
    assertThat(server.getRequestCount()).isEqualTo(IvhClient.MAX_TIMBRE_PAGES);
    assertThat(r.err).contains("past " + IvhClient.MAX_TIMBRE_PAGES + " pages");
  }

  @Test
  void timbresStopsFetchingOnceStdoutFails() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return timbrePage(page(request), 10_000);
      }
    });

    Captured r = runWithBrokenStdout("timbres");

    assertThat(r.exitCode).as(r.err).isEqualTo(ExitCode.OUTPUT);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void timbresJsonStreamsAValidArray() throws IOException {
    answer("{\"Total\":2,\"TimbreAssets\":[{\"TimbreKey\":\"a\"},{\"TimbreKey\":\"b\"}]}");
    CliRun r = run("timbres", "--json");
    assertThat(r.exitCode).isEqualTo(ExitCode.OK);
    List<?> list = io.github.ivhclient.videomake.internal.JsonSupport.moshi().adapter(List.class).fromJson(r.out);
    assertThat(list).hasSize(2);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private static int page(RecordedRequest request) {
    Matcher m = PAGE_INDEX.matcher(request.getBody().readUtf8());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static MockResponse timbrePage(int page, int total) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add("{\"TimbreKey\":\"key-" + page + "-" + i + "\",\"TimbreName\":\"n\"}");
    }
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody(envelope("{\"Total\":" + total + ",\"TimbreAssets\":[" + String.join(",", items) + "]}"));
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "request", ".json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path sparseFile(long length) throws IOException {
    Path file = dir.resolve("sparse-" + length + ".json");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(length);
    }
    return file;
  }

  private record Captured(int exitCode, String out, String err) {}

  private Captured runWithBrokenStdout(String... args) {
    return run(new PrintStream(new ThrowingOutput(null), true, StandardCharsets.UTF_8), args);
  }

  private Captured run(PrintStream out, String... args) {
    return run(out, null, args);
  }

  private Captured run(PrintStream out, ByteArrayOutputStream outBytes, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new IvhCli(env, out, e).execute(args);
    }
    String errText = err.toString(StandardCharsets.UTF_8);
    assertThat(errText).doesNotContain(APP_KEY).doesNotContain(ACCESS_TOKEN);
    return new Captured(code, outBytes == null ? "" : outBytes.toString(StandardCharsets.UTF_8), errText);
  }

  /** A standard output that fails every write, like /dev/full; or throws {@code error} when given. */
  private static final class ThrowingOutput extends OutputStream {
    private final Error error;
    private final AtomicInteger writes = new AtomicInteger();

    ThrowingOutput(Error error) {
      this.error = error;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writes.incrementAndGet();
      if (error != null) {
        throw error;
      }
      throw new IOException("No space left on device");
    }
  }
}
