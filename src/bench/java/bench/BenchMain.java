package bench;

import com.squareup.moshi.Moshi;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.TaskResult;
import io.github.ivhclient.videomake.WaitOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark run of {@code mvn -B -Pbench verify}: the JMH suite (per call against bare OkHttp
 * and the stock generated client, validate, signing, the sandbox round trip), then the waiter's
 * heap per pending wait and the CLI's cold start against a JVM hello world, each measured in the
 * same run as its baseline. Writes {@code results.json} (every row, ratio and target),
 * {@code jmh.json} (JMH's own results) and {@code summary.md} to {@code -Dbench.dir}.
 */
public final class BenchMain {
  private static final int PENDING_WAITS = 2_000;

  private final Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
  private final boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "true"));
  private final List<Map<String, Object>> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new BenchMain().run();
    // OkHttp's shared daemon threads must not keep the JVM; nothing else is left running.
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(dir);
    String loadBefore = loadAverage();
    Map<String, double[]> jmh = runJmh();
    Map<String, Double> turns = interleavedPerCall();
    perCall("getProgress per call, IvhClient vs bare OkHttp (same bytes, same server)", turns, jmh,
        "getProgressIvhClient", "getProgressBareOkHttp", "ratio <= 1.10", 1.10);
    perCall("submit per call, IvhClient vs bare OkHttp (same bytes, same server)", turns, jmh,
        "submitIvhClient", "submitBareOkHttp", "ratio <= 1.10", 1.10);
    perCall("getProgress per call, IvhClient vs stock generated retrofit2+Gson client", turns, jmh,
        "getProgressIvhClient", "getProgressStockClient", "ratio <= 1.0", 1.0);
    perCall("submit per call, IvhClient vs stock generated retrofit2+Gson client", turns, jmh,
        "submitIvhClient", "submitStockClient", "ratio <= 1.0", 1.0);
    absolute("validate() of the document's text-driven example", jmh.get("OfflineBenchmark.validate"),
        "us", "<= 5 us", 5.0);
    cpuPerCall();
    absolute("signing one request (RequestSigner.sign)", jmh.get("OfflineBenchmark.sign"), "us", "-", Double.NaN);
    absolute("sandbox round trip (getProgress via IvhClient, loopback)", jmh.get("SandboxBenchmark.sandboxGetProgress"),
        "us", "<= 2000 us", 2000.0);
    waiterHeap();
    coldStart();

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("date", Instant.now().toString());
    results.put("quick", quick);
    results.put("machine", machine(loadBefore));
    results.put("rows", rows);
    results.put("jmhResults", "jmh.json");
    Files.writeString(dir.resolve("results.json"),
        new Moshi.Builder().build().adapter(Object.class).indent("  ").toJson(results) + "\n");
    String table = table(results);
    Files.writeString(dir.resolve("summary.md"), table);
    System.out.println();
    System.out.print(table);
    System.out.println("Written: " + dir.resolve("results.json") + ", " + dir.resolve("summary.md") + ", "
        + dir.resolve("jmh.json"));
  }

  /** Per benchmark: {median, mean} in microseconds. */
  private Map<String, double[]> runJmh() throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("bench\\.(PerCall|Offline|Sandbox)Benchmark\\.")
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(dir.resolve("jmh.json").toString())
        .jvmArgsAppend("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Xmx512m");
    if (quick) {
      options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
          .measurementIterations(4).measurementTime(TimeValue.seconds(1));
    } else {
      options.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2))
          .measurementIterations(10).measurementTime(TimeValue.seconds(2));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, double[]> byName = new HashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      String name = label.substring(label.indexOf("bench.") + "bench.".length());
      var statistics = result.getPrimaryResult().getStatistics();
      byName.put(name, new double[] {statistics.getPercentile(50), statistics.getMean()});
    }
    return byName;
  }

  /**
   * validate() in thread CPU time per call: on a machine other builds load, wall time per call
   * counts the time the thread waited for a core; CPU time does not.
   */
  private void cpuPerCall() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OfflineBenchmark offline = new OfflineBenchmark();
    offline.start();
    try {
      int calls = quick ? 200_000 : 1_000_000;
      for (int i = 0; i < calls; i++) { // warm-up: the same number of calls, not measured
        offline.validate();
      }
      long cpuBefore = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) {
        offline.validate();
      }
      double micros = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e3 / calls;
      Map<String, Object> row = base("validate(), thread CPU time per call (mean of " + calls + " calls)");
      row.put("value", round(micros));
      row.put("unit", "us");
      row.put("statistic", "mean CPU time");
      row.put("target", "<= 5 us");
      row.put("met", micros <= 5);
      rows.add(row);
    } finally {
      offline.stop();
    }
  }

  /** The per-call contenders again, in this JVM, taking turns (see {@link Interleaved}). */
  private Map<String, Double> interleavedPerCall() throws Exception {
    PerCallBenchmark calls = new PerCallBenchmark();
    calls.start();
    try {
      Map<String, java.util.concurrent.Callable<?>> contenders = new LinkedHashMap<>();
      contenders.put("getProgressIvhClient", calls::getProgressIvhClient);
      contenders.put("getProgressBareOkHttp", calls::getProgressBareOkHttp);
      contenders.put("getProgressStockClient", calls::getProgressStockClient);
      contenders.put("submitIvhClient", calls::submitIvhClient);
      contenders.put("submitBareOkHttp", calls::submitBareOkHttp);
      contenders.put("submitStockClient", calls::submitStockClient);
      return Interleaved.medians(contenders, quick ? 20 : 60, 150);
    } finally {
      calls.stop();
    }
  }

  private void perCall(String what, Map<String, Double> turns, Map<String, double[]> jmh, String measured,
      String baseline, String target, double maxRatio) {
    row(what, new double[] {turns.get(measured), turns.get(measured)},
        new double[] {turns.get(baseline), turns.get(baseline)}, target, maxRatio);
    Map<String, Object> row = rows.get(rows.size() - 1);
    row.remove("meanRatio");
    row.put("statistic", "median, contenders taking turns in 150 ms slices");
    double[] a = jmh.get("PerCallBenchmark." + measured);
    double[] b = jmh.get("PerCallBenchmark." + baseline);
    row.put("jmhMedians", List.of(round(a[0]), round(b[0])));
    row.put("jmhMedianRatio", Math.round(a[0] / b[0] * 100) / 100.0);
  }

  /** Heap held per wait that sits between two polls, 2,000 of them at once against the canned gateway. */
  private void waiterHeap() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (CannedGateway gateway = new CannedGateway();
         IvhClient client = IvhClient.builder().appKey(Requests.APP_KEY).accessToken(Requests.ACCESS_TOKEN)
             .endpoint(gateway.baseUrl()).maxPollsPerSecond(2_000).build()) {
      WaitOptions options = WaitOptions.builder().initialDelay(Duration.ofMinutes(10))
          .maxDelay(Duration.ofMinutes(10)).timeout(Duration.ofMinutes(30)).build();
      client.getProgress(Requests.TASK_ID); // connection and classes in place before the first reading
      int before = gateway.progressRequests();
      long heapBefore = usedHeapAfterGc(memory);
      List<CompletableFuture<TaskResult>> waits = new ArrayList<>(PENDING_WAITS);
      for (int i = 0; i < PENDING_WAITS; i++) {
        waits.add(client.waitForAsync(String.format(Locale.ROOT, "%032x", i), options));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (gateway.progressRequests() - before < PENDING_WAITS) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the waits' first polls did not all arrive within 2 minutes");
        }
        Thread.sleep(20); // polling a counter the server thread advances; not a fixed pause
      }
      long pending = waits.stream().filter(w -> !w.isDone()).count();
      long heapWith = usedHeapAfterGc(memory);
      double perWait = (heapWith - heapBefore) / (double) pending;
      Map<String, Object> row = base("waiter heap per pending wait (" + pending + " waits between polls)");
      row.put("value", round(perWait));
      row.put("unit", "bytes");
      row.put("target", "<= 1024 bytes");
      row.put("met", perWait <= 1024);
      rows.add(row);
      waits.forEach(w -> w.cancel(true));
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50); // lets the reference handler and cleaners run between collections
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Wall time of whole processes, rounds alternating between the baseline and each command. */
  private void coldStart() throws Exception {
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"RefVideoUrl\":\"" + Requests.VIDEO + "\",\"DriverType\":\"Text\","
        + "\"InputSsml\":\"Hello, I am the virtual anchor\",\"SpeechParam\":{\"TimbreKey\":\"female_1\","
        + "\"Volume\":1,\"Speed\":1.0}}\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("hello", List.of(java, "-cp", classes, Hello.class.getName()));
    commands.put("jar", List.of(java, "-jar", System.getProperty("bench.cliJar"), "validate", request.toString()));
    Path launcher = Path.of(System.getProperty("bench.launcher", "target/ivh"));
    if (Files.isExecutable(launcher)) {
      commands.put("launcher", List.of(launcher.toString(), "validate", request.toString()));
    }
    int rounds = quick ? 7 : 21;
    Map<String, long[]> times = new HashMap<>();
    commands.keySet().forEach(k -> times.put(k, new long[rounds]));
    for (String name : commands.keySet()) {
      time(commands.get(name)); // page cache and any first-run archive work
    }
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        times.get(command.getKey())[round] = time(command.getValue());
      }
    }
    double hello = medianMillis(times.get("hello"));
    double[] helloPair = {hello, hello};
    double jar = medianMillis(times.get("jar"));
    row("cold start: java -jar ivh-…-cli.jar validate FILE vs JVM hello world", new double[] {jar, jar}, helloPair,
        "ratio <= 3", 3.0);
    rows.get(rows.size() - 1).put("unit", "ms");
    if (times.containsKey("launcher")) {
      double fast = medianMillis(times.get("launcher"));
      row("cold start: target/ivh validate FILE vs JVM hello world", new double[] {fast, fast}, helloPair,
          "ratio <= 3", 3.0);
      rows.get(rows.size() - 1).put("unit", "ms");
    }
  }

  private static long time(List<String> command) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
    return System.nanoTime() - started;
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private void row(String what, double[] measured, double[] baseline, String target, double maxRatio) {
    double ratio = measured[0] / baseline[0];
    Map<String, Object> row = base(what);
    row.put("value", round(measured[0]));
    row.put("baseline", round(baseline[0]));
    row.put("unit", "us");
    row.put("statistic", "median");
    row.put("ratio", Math.round(ratio * 100) / 100.0);
    row.put("meanRatio", Math.round(measured[1] / baseline[1] * 100) / 100.0);
    row.put("target", target);
    row.put("met", ratio <= maxRatio);
    rows.add(row);
  }

  private void absolute(String what, double[] measured, String unit, String target, double max) {
    Map<String, Object> row = base(what);
    row.put("value", round(measured[0]));
    row.put("mean", round(measured[1]));
    row.put("unit", unit);
    row.put("statistic", "median");
    row.put("target", target);
    if (!Double.isNaN(max)) {
      row.put("met", measured[0] <= max);
    }
    rows.add(row);
  }

  private static Map<String, Object> base(String what) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("what", what);
    return row;
  }

  private static double round(double value) {
    return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Map<String, Object> machine(String loadBefore) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("loadAverageBefore", loadBefore);
    machine.put("loadAverageAfter", loadAverage());
    return machine;
  }

  @SuppressWarnings("unchecked")
  private static String table(Map<String, Object> results) {
    StringBuilder out = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    out.append("Benchmarks of ").append(results.get("date")).append(" (").append(machine.get("cores"))
        .append(" cores, ").append(machine.get("jvm")).append(", load average before/after: ")
        .append(machine.get("loadAverageBefore")).append(" / ").append(machine.get("loadAverageAfter"))
        .append(")\n\n");
    out.append("| What | Measured (median) | Baseline (median) | Ratio | Target | Met |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Map<String, Object> row : (List<Map<String, Object>>) results.get("rows")) {
      String unit = " " + row.get("unit");
      out.append("| ").append(row.get("what"))
          .append(" | ").append(number(row.get("value"))).append(unit)
          .append(" | ").append(row.containsKey("baseline") ? number(row.get("baseline")) + unit : "")
          .append(" | ").append(row.containsKey("ratio") ? row.get("ratio") + "×" : "")
          .append(" | ").append(row.get("target"))
          .append(" | ").append(row.containsKey("met") ? ((Boolean) row.get("met") ? "yes" : "**no**") : "")
          .append(" |\n");
    }
    return out.toString();
  }

  private static String number(Object value) {
    double d = (Double) value;
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
