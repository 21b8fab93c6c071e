package bench;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.ValidationReport;
import io.github.ivhclient.videomake.internal.RequestSigner;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** What the client does before any I/O: {@code validate()} of the document's text-driven example, and signing one request. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OfflineBenchmark {
  private IvhClient client;
  private VideoMakeNoTrainPayload request;
  private RequestSigner signer;
  private Request unsigned;

  @Setup(Level.Trial)
  public void start() {
    client = IvhClient.builder().appKey(Requests.APP_KEY).accessToken(Requests.ACCESS_TOKEN)
        .endpoint("http://127.0.0.1:9/").build();
    request = Requests.textDriven();
    signer = new RequestSigner(Requests.APP_KEY, Requests.ACCESS_TOKEN, Clock.systemUTC());
    unsigned = new Request.Builder()
        .url("http://127.0.0.1:9/v2/ivh/videomaker/broadcastservice/getprogress")
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
  }

  @Benchmark
  public ValidationReport validate() {
    return client.validate(request);
  }

  @Benchmark
  public Request sign() {
    return signer.sign(unsigned);
  }
}
