package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.api.AssetsApi;
import io.github.ivhclient.videomake.api.VideoMakerApi;
import io.github.ivhclient.videomake.internal.EnvelopeCaller;
import io.github.ivhclient.videomake.internal.EnvelopeCaller.Envelope;
import io.github.ivhclient.videomake.internal.EnvelopeConverterFactory;
import io.github.ivhclient.videomake.internal.PayloadValidator;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.internal.RequestSigner;
import io.github.ivhclient.videomake.model.DescribeTimbrePayload;
import io.github.ivhclient.videomake.model.DescribeTimbreRequest;
import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressPayload;
import io.github.ivhclient.videomake.model.GetProgressRequest;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.TaskProgress;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.TimbrePage;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The client of the IVH video gateway: submit a VideoMakeNoTrain task, query its progress, list
 * timbres. Immutable and thread-safe; build one per app key and share it.
 *
 * <pre>{@code
 * IvhClient client = IvhClient.builder()
 *     .appKey(System.getenv("IVH_APPKEY"))
 *     .accessToken(System.getenv("IVH_ACCESS_TOKEN"))
 *     .build();
 * String taskId = client.submit(VideoMakeRequests.textDriven(
 *     "https://cdn.example.com/template.mp4", "Hello, world", "female_1", 1.0));
 * TaskSnapshot snapshot = client.getProgress(taskId);
 * }</pre>
 *
 * <p>Every request is validated before any network I/O ({@link IvhValidationException}) and
 * signed afresh on every attempt. Failures are {@link IvhException}s.
 */
public final class IvhClient implements AutoCloseable {
  static final String SUBMIT = "videoMakeNoTrain";
  static final String GET_PROGRESS = "getProgress";
  static final String DESCRIBE_TIMBRE = "describeTimbre";
  /** The largest page describetimbre serves. */
  public static final int MAX_PAGE_SIZE = 100;

  private static final Envelope<VideoMakeNoTrainResponse, VideoMakeNoTrainResult> SUBMIT_ENVELOPE =
      new Envelope<>(SUBMIT, VideoMakeNoTrainResponse::getHeader, VideoMakeNoTrainResponse::getPayload);
  private static final Envelope<GetProgressResponse, TaskProgress> PROGRESS_ENVELOPE =
      new Envelope<>(GET_PROGRESS, GetProgressResponse::getHeader, GetProgressResponse::getPayload);
  private static final Envelope<DescribeTimbreResponse, TimbrePage> TIMBRE_ENVELOPE =
      new Envelope<>(DESCRIBE_TIMBRE, DescribeTimbreResponse::getHeader, DescribeTimbreResponse::getPayload);

  private final String appKey;
  private final IvhEndpoint endpoint;
  private final Clock clock;
  private final VideoMakerApi videoMaker;
  private final AssetsApi assets;
  private final PayloadValidator validator;

  private IvhClient(Builder b) {
    this.appKey = requireText(b.appKey, "appKey");
    requireText(b.accessToken, "accessToken");
    this.endpoint = b.endpoint;
    this.clock = b.clock;
    OkHttpClient.Builder http = (b.okHttpClient == null ? new OkHttpClient() : b.okHttpClient).newBuilder()
        .addInterceptor(new RequestSigner(appKey, b.accessToken, clock));
    if (b.connectTimeout != null) {
      http.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      http.readTimeout(b.readTimeout);
    }
    if (b.callTimeout != null) {
      http.callTimeout(b.callTimeout);
    }
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(endpoint.baseUri().toString())
        .client(http.build())
        .addConverterFactory(new EnvelopeConverterFactory())
        .build();
    this.videoMaker = retrofit.create(VideoMakerApi.class);
    this.assets = retrofit.create(AssetsApi.class);
    this.validator = new PayloadValidator();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Checks a request without sending it: errors, and warnings for parameters the service will ignore. */
  public ValidationReport validate(VideoMakeNoTrainPayload request) {
    return validator.validate(request);
  }

  /**
   * Submits a VideoMakeNoTrain task and returns its TaskId. Not idempotent: every accepted call
   * creates a new, billed task.
   *
   * @throws IvhValidationException if the request breaks the contract (nothing is sent)
   */
  public String submit(VideoMakeNoTrainPayload request) {
    return taskIdOf(EnvelopeCaller.execute(SUBMIT_ENVELOPE, videoMaker.videoMakeNoTrain(submitBody(request))));
  }

  /** {@link #submit} without blocking; validation errors fail the future, nothing is sent. */
  public CompletableFuture<String> submitAsync(VideoMakeNoTrainPayload request) {
    VideoMakeNoTrainRequest body;
    try {
      body = submitBody(request);
    } catch (IvhValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return EnvelopeCaller.executeAsync(SUBMIT_ENVELOPE, videoMaker.videoMakeNoTrain(body)).thenApply(this::taskIdOf);
  }

  /** One progress query. */
  public TaskSnapshot getProgress(String taskId) {
    GetProgressRequest body = progressBody(taskId);
    return snapshotOf(taskId, EnvelopeCaller.execute(PROGRESS_ENVELOPE, videoMaker.getProgress(body)));
  }

  public CompletableFuture<TaskSnapshot> getProgressAsync(String taskId) {
    GetProgressRequest body;
    try {
      body = progressBody(taskId);
    } catch (IvhValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return EnvelopeCaller.executeAsync(PROGRESS_ENVELOPE, videoMaker.getProgress(body))
        .thenApply(p -> snapshotOf(taskId, p));
  }

  /** One page of timbres; {@code pageIndex} from 1, {@code pageSize} 1..{@value #MAX_PAGE_SIZE}. */
  public TimbreListing listTimbres(int pageIndex, int pageSize, TimbreFilter filter) {
    DescribeTimbreRequest body = timbreBody(pageIndex, pageSize, filter);
    return listingOf(pageIndex, pageSize, EnvelopeCaller.execute(TIMBRE_ENVELOPE, assets.describeTimbre(body)));
  }

  public CompletableFuture<TimbreListing> listTimbresAsync(int pageIndex, int pageSize, TimbreFilter filter) {
    DescribeTimbreRequest body;
    try {
      body = timbreBody(pageIndex, pageSize, filter);
    } catch (IvhValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return EnvelopeCaller.executeAsync(TIMBRE_ENVELOPE, assets.describeTimbre(body))
        .thenApply(p -> listingOf(pageIndex, pageSize, p));
  }

  /**
   * Every timbre matching the filter, fetched lazily a page of {@value #MAX_PAGE_SIZE} at a time as
   * the stream is consumed. A failing page throws its {@link IvhException} from the stream.
   */
  public Stream<TimbreAssetDetail> timbres(TimbreFilter filter) {
    Objects.requireNonNull(filter, "filter");
    Iterator<TimbreAssetDetail> iterator = new Iterator<>() {
      private TimbreListing page;
      private int index;

      @Override
      public boolean hasNext() {
        if (page == null || (index == page.timbres().size() && page.hasNextPage())) {
          page = listTimbres(page == null ? 1 : page.pageIndex() + 1, MAX_PAGE_SIZE, filter);
          index = 0;
        }
        return index < page.timbres().size();
      }

      @Override
      public TimbreAssetDetail next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.timbres().get(index++);
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The endpoint this client talks to. */
  public IvhEndpoint endpoint() {
    return endpoint;
  }

  /** Releases nothing shared: a caller-supplied {@link OkHttpClient} stays usable. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "IvhClient{appKey=" + Redaction.mask(appKey) + ", endpoint=" + endpoint + "}";
  }

  private VideoMakeNoTrainRequest submitBody(VideoMakeNoTrainPayload request) {
    ValidationReport report = validator.validate(request);
    if (!report.isValid()) {
      throw new IvhValidationException(SUBMIT, report);
    }
    return new VideoMakeNoTrainRequest().header(Map.of()).payload(request);
  }

  private static GetProgressRequest progressBody(String taskId) {
    if (taskId == null || taskId.isBlank()) {
      throw new IvhValidationException(GET_PROGRESS, new ValidationReport(List.of(
          ValidationIssue.error("Payload.TaskId", "required", "a TaskId is required", taskId))));
    }
    return new GetProgressRequest().header(Map.of()).payload(new GetProgressPayload().taskId(taskId));
  }

  private static DescribeTimbreRequest timbreBody(int pageIndex, int pageSize, TimbreFilter filter) {
    Objects.requireNonNull(filter, "filter");
    List<ValidationIssue> issues = new java.util.ArrayList<>();
    if (pageIndex < 1) {
      issues.add(ValidationIssue.error("Payload.PageIndex", "minimum", "must be at least 1", Integer.toString(pageIndex)));
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      issues.add(ValidationIssue.error("Payload.PageSize", pageSize < 1 ? "minimum" : "maximum",
          "must be between 1 and " + MAX_PAGE_SIZE, Integer.toString(pageSize)));
    }
    if (!issues.isEmpty()) {
      throw new IvhValidationException(DESCRIBE_TIMBRE, new ValidationReport(issues));
    }
    return new DescribeTimbreRequest().header(Map.of()).payload(new DescribeTimbrePayload()
        .pageIndex(pageIndex)
        .pageSize(pageSize)
        .timbreKey(filter.timbreKey())
        .timbreName(filter.timbreName())
        .purchaseType(filter.purchaseType()));
  }

  private String taskIdOf(VideoMakeNoTrainResult result) {
    if (result.getTaskId() == null || result.getTaskId().isEmpty()) {
      throw new IvhMalformedResponseException(SUBMIT, "no Payload.TaskId in a successful answer", "", null, 1, null);
    }
    return result.getTaskId();
  }

  static TaskSnapshot snapshotOf(String taskId, TaskProgress p) {
    return TaskSnapshot.builder(taskId)
        .status(p.getStatus() == null ? null : p.getStatus().getValue())
        .progress(p.getProgress() == null ? 0 : p.getProgress())
        .queuePosition(p.getArrayCount() == null ? 0 : p.getArrayCount())
        .mediaUrl(p.getMediaUrl())
        .subtitlesUrl(p.getSubtitlesUrl())
        .duration(p.getDuration() == null ? Duration.ZERO : Duration.ofMillis(p.getDuration()))
        .failCode(p.getFailCode() == null ? 0 : p.getFailCode())
        .failMessage(p.getFailMessage())
        .build();
  }

  private static TimbreListing listingOf(int pageIndex, int pageSize, TimbrePage page) {
    return new TimbreListing(pageIndex, pageSize, page.getTotal() == null ? 0 : page.getTotal(),
        page.getTimbreAssets() == null ? List.of() : page.getTimbreAssets());
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Builds an {@link IvhClient}. Only the app key and the access token are required. */
  public static final class Builder {
    private String appKey;
    private String accessToken;
    private IvhEndpoint endpoint = IvhEndpoint.MAINLAND;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder appKey(String appKey) {
      this.appKey = Objects.requireNonNull(appKey, "appKey");
      return this;
    }

    /** The secret that keys the signatures. It is never logged nor sent. */
    public Builder accessToken(String accessToken) {
      this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
      return this;
    }

    /** {@link IvhEndpoint#MAINLAND} (the default), {@link IvhEndpoint#INTERNATIONAL} or a custom one. */
    public Builder endpoint(IvhEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Shorthand for {@code endpoint(IvhEndpoint.custom(url))}. */
    public Builder endpoint(String url) {
      return endpoint(IvhEndpoint.custom(url));
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requirePositive(timeout, "readTimeout");
      return this;
    }

    /** A bound on one whole exchange (each attempt), from connect to the end of the body. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = requirePositive(timeout, "callTimeout");
      return this;
    }

    /** Share connection pool and dispatcher with other clients; the client adds its own interceptors on a copy. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** The clock that stamps signatures (tests use a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public IvhClient build() {
      return new IvhClient(this);
    }

    private static Duration requirePositive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "IvhClient.Builder{appKey=" + Redaction.mask(appKey) + ", endpoint=" + endpoint + "}";
    }
  }
}
