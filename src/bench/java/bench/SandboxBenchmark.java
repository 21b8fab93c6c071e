package bench;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.sandbox.SandboxGateway;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A progress query through {@link IvhClient} to a {@link SandboxGateway} on loopback: what a consumer's test pays per request. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SandboxBenchmark {
  private SandboxGateway sandbox;
  private IvhClient client;
  private String taskId;

  @Setup(Level.Trial)
  public void start() {
    sandbox = SandboxGateway.builder().taskDuration(Duration.ofHours(1)).start();
    client = sandbox.clientBuilder().build();
    taskId = client.submit(Requests.textDriven());
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    sandbox.close();
  }

  @Benchmark
  public String sandboxGetProgress() {
    return client.getProgress(taskId).rawStatus();
  }
}
