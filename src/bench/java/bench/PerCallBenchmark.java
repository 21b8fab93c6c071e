package bench;

import bench.stock.api.VideoMakerApi;
import bench.stock.invoker.ApiClient;
import bench.stock.model.GetProgressPayload;
import bench.stock.model.GetProgressRequest;
import bench.stock.model.GetProgressResponse;
import bench.stock.model.VideoMakeNoTrainRequest;
import bench.stock.model.VideoMakeNoTrainResponse;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.TaskSnapshot;
import io.github.ivhclient.videomake.internal.RequestSigner;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One submit and one progress query, side by side against the same loopback server: through
 * {@link IvhClient} (validate, sign, call, unwrap), as the very same bytes to the same signed URL
 * through a bare {@link OkHttpClient} (the floor), and through the stock OpenAPI Generator
 * {@code java}/{@code retrofit2} + Gson client generated from the same spec, signed by an
 * interceptor as any user of it would have to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBenchmark {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private CannedGateway gateway;
  private IvhClient client;
  private VideoMakeNoTrainPayload request;
  private OkHttpClient bare;
  private Request bareSubmit;
  private Request bareProgress;
  private VideoMakerApi stock;
  private VideoMakeNoTrainRequest stockSubmit;
  private GetProgressRequest stockProgress;

  @Setup(Level.Trial)
  public void start() throws IOException {
    gateway = new CannedGateway();
    client = IvhClient.builder().appKey(Requests.APP_KEY).accessToken(Requests.ACCESS_TOKEN)
        .endpoint(gateway.baseUrl()).build();
    request = Requests.textDriven();

    client.submit(request);
    bareSubmit = sameBytes();
    client.getProgress(Requests.TASK_ID);
    bareProgress = sameBytes();
    bare = new OkHttpClient();

    OkHttpClient signing = new OkHttpClient.Builder()
        .addInterceptor(new RequestSigner(Requests.APP_KEY, Requests.ACCESS_TOKEN, Clock.systemUTC()))
        .build();
    ApiClient apiClient = new ApiClient(signing);
    apiClient.getAdapterBuilder().baseUrl(gateway.baseUrl());
    stock = apiClient.createService(VideoMakerApi.class);
    stockSubmit = new VideoMakeNoTrainRequest().header(Map.of()).payload(Requests.stockTextDriven());
    stockProgress = new GetProgressRequest().header(Map.of())
        .payload(new GetProgressPayload().taskId(Requests.TASK_ID));
  }

  private Request sameBytes() {
    return new Request.Builder()
        .url(gateway.baseUrl() + gateway.lastPathAndQuery().substring(1))
        .post(RequestBody.create(gateway.lastBody(), JSON))
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    gateway.close();
  }

  @Benchmark
  public String getProgressIvhClient() {
    TaskSnapshot snapshot = client.getProgress(Requests.TASK_ID);
    return snapshot.rawStatus();
  }

  @Benchmark
  public byte[] getProgressBareOkHttp() throws IOException {
    return execute(bareProgress);
  }

  @Benchmark
  public Object getProgressStockClient() throws IOException {
    GetProgressResponse body = stock.getProgress(stockProgress).execute().body();
    return requireOk(body.getHeader().getCode(), body.getPayload());
  }

  @Benchmark
  public String submitIvhClient() {
    return client.submit(request);
  }

  @Benchmark
  public byte[] submitBareOkHttp() throws IOException {
    return execute(bareSubmit);
  }

  @Benchmark
  public Object submitStockClient() throws IOException {
    VideoMakeNoTrainResponse body = stock.videoMakeNoTrain(stockSubmit).execute().body();
    return requireOk(body.getHeader().getCode(), body.getPayload().getTaskId());
  }

  private byte[] execute(Request request) throws IOException {
    try (Response response = bare.newCall(request).execute()) {
      return response.body().bytes();
    }
  }

  private static Object requireOk(Integer code, Object payload) {
    if (code == null || code != 0) {
      throw new IllegalStateException("Header.Code " + code);
    }
    return payload;
  }
}
