package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhEndpoint;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.internal.Redaction;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A local stand-in for the IVH video gateway, for tests and demos: the three calls at their real
 * paths with the real envelope, the published signature check, the facade's validation of
 * submits (the strict reader and rules of {@code ivh validate}: a wrongly typed value is refused,
 * never coerced), tasks that move from {@code COMMIT} through {@code MAKING} to {@code SUCCESS} in a few
 * seconds, result files it serves itself, and a one-time POST to {@code CallbackUrl}. It runs on
 * the JDK's built-in HTTP server, bound to the loopback address, and never calls out of the
 * machine.
 *
 * <pre>{@code
 * try (SandboxGateway sandbox = SandboxGateway.builder().taskDuration(Duration.ofSeconds(2)).start()) {
 *   IvhClient client = sandbox.clientBuilder().build();     // sandbox endpoint and credentials
 *   String taskId = client.submit(VideoMakeRequests.textDriven(
 *       "https://cdn.example.com/template.mp4", "Hello, world", "female_1", 1.0));
 *   TaskSnapshot snapshot = client.getProgress(taskId);      // COMMIT, MAKING, then SUCCESS
 *   sandbox.failNextTasks(1, 40001, "face not found");       // script the next task to FAIL
 * }
 * }</pre>
 *
 * <p>Scripting ({@link #failNextTasks}, {@link #throttleNextRequests}, {@link #failNextRequests},
 * {@link #latency}) and inspection ({@link #requestCount}, {@link #sentCallbacks}) are
 * thread-safe and take effect for the next request.
 *
 * <p>The gateway publishes no table of {@code Header.Code} values, so the {@code CODE_*} constants
 * are the sandbox's own; their messages start with the error names of Tencent Cloud's APIs
 * (e.g. {@code AuthFailure.SignatureFailure}).
 */
public final class SandboxGateway implements AutoCloseable {
  /** The sandbox's app key. Sandbox only: it opens nothing anywhere else. */
  public static final String DEFAULT_APP_KEY = "ivh-sandbox-appkey";
  /** The sandbox's access token. Sandbox only: a published value, never a real credential. */
  public static final String DEFAULT_ACCESS_TOKEN = "ivh-sandbox-access-token";
  /** How long a task takes unless the builder says otherwise. */
  public static final Duration DEFAULT_TASK_DURATION = Duration.ofSeconds(3);
  /** How far a request's {@code timestamp} may be from the sandbox's clock, as on the gateway. */
  public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
  /** The largest request body accepted. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The path of VideoMakeNoTrain, as the generated Retrofit interface declares it. */
  public static final String SUBMIT_PATH = Operations.SUBMIT.path();
  /** The path of getprogress, as the generated Retrofit interface declares it. */
  public static final String PROGRESS_PATH = Operations.GET_PROGRESS.path();
  /** The path of describetimbre, as the generated Retrofit interface declares it. */
  public static final String TIMBRE_PATH = Operations.DESCRIBE_TIMBRE.path();
  /** Where the result files are served: {@code <prefix><TaskId>.mp4} and {@code .srt}. */
  public static final String MEDIA_PATH_PREFIX = "/sandbox/media/";

  /** {@code appkey}, {@code timestamp} or {@code signature} is missing from the query. */
  public static final int CODE_MISSING_AUTH_PARAMETER = 10001;
  /** The {@code appkey} is not the sandbox's. */
  public static final int CODE_UNKNOWN_APPKEY = 10002;
  /** The {@code signature} does not match the query (or the query is garbled). */
  public static final int CODE_SIGNATURE_FAILURE = 10003;
  /** The {@code timestamp} is more than {@link #TIMESTAMP_WINDOW} from the sandbox's clock. */
  public static final int CODE_SIGNATURE_EXPIRED = 10004;
  /** The body is not JSON, not the envelope, or holds a value of the wrong JSON type. */
  public static final int CODE_INVALID_PARAMETER = 20001;
  /** The request is well-formed but breaks a rule of the contract (the facade's validation). */
  public static final int CODE_INVALID_PARAMETER_VALUE = 20002;
  /** getprogress asked for a TaskId the sandbox never issued. */
  public static final int CODE_TASK_NOT_FOUND = 30001;
  /** The body of a scripted HTTP 429 answer. */
  public static final int CODE_REQUEST_LIMIT_EXCEEDED = 40001;
  /** The body of a scripted HTTP 5xx answer, or of an unexpected sandbox failure. */
  public static final int CODE_INTERNAL_ERROR = 50001;

  private final String appKey;
  private final String accessToken;
  private final Duration taskDuration;
  private final int requestedPort;
  private final Clock clock;
  private final SandboxScript script;
  private final SandboxTasks tasks = new SandboxTasks();

  private final CallbackSender callbackSender = new CallbackSender(tasks::recordCallback);
  private final SandboxServer server = new SandboxServer();

  private SandboxGateway(Builder b) {
    this.appKey = b.appKey;
    this.accessToken = b.accessToken;
    this.taskDuration = b.taskDuration;
    this.requestedPort = b.port;
    this.clock = b.clock;
    this.script = new SandboxScript(b.latency);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The keys of the sandbox's timbres; one of them ({@code female_emotion_1}) has emotion categories. */
  public static List<String> timbreKeys() {
    return SandboxTimbres.KEYS;
  }

  /**
   * Binds the loopback port and starts serving.
   *
   * @throws IllegalStateException if already started or closed
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public SandboxGateway start() {
    server.start(requestedPort, new SandboxHandler(this, new SignatureCheck(appKey, accessToken, clock)));
    return this;
  }

  /** The loopback port served; with {@code port(0)} the one the system chose. */
  public int port() {
    return server.address().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321/}, for {@link IvhClient.Builder#endpoint(IvhEndpoint)}. */
  public IvhEndpoint endpoint() {
    InetAddress address = server.address().getAddress();
    String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    return IvhEndpoint.custom("http://" + host + ":" + port());
  }

  /** A client builder already pointed at this sandbox with its credentials. */
  public IvhClient.Builder clientBuilder() {
    return IvhClient.builder().appKey(appKey).accessToken(accessToken).endpoint(endpoint());
  }

  /** The next {@code count} submitted tasks end in {@code FAIL} with this {@code FailCode} and {@code FailMessage}. */
  public void failNextTasks(int count, int failCode, String failMessage) {
    script.failNextTasks(count, failCode, failMessage);
  }

  /**
   * The next {@code count} API requests are answered HTTP 429 with a {@code Retry-After} header of
   * {@code retryAfter} (whole seconds, rounded up), instead of being processed.
   */
  public void throttleNextRequests(int count, Duration retryAfter) {
    SandboxScript.requireCount(count);
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    script.answerNextRequests(count, 429, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
  }

  /** The next {@code count} API requests are answered with {@code httpStatus} (500..599), instead of being processed. */
  public void failNextRequests(int count, int httpStatus) {
    SandboxScript.requireCount(count);
    if (httpStatus < 500 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be 500..599: " + httpStatus);
    }
    script.answerNextRequests(count, httpStatus, -1);
  }

  /** Every later API answer is delayed by {@code latency} ({@link Duration#ZERO} for none). */
  public void latency(Duration latency) {
    script.latency(latency);
  }

  /** How many requests (answered or refused) arrived for {@code path}, e.g. {@link #PROGRESS_PATH}. */
  public int requestCount(String path) {
    return script.requestCount(path);
  }

  /** Requests received so far, by path. */
  public Map<String, Integer> requestCounts() {
    return script.requestCounts();
  }

  /** Every callback attempted so far, in order: one per task that had a {@code CallbackUrl}. */
  public List<SentCallback> sentCallbacks() {
    return tasks.sentCallbacks();
  }

  /**
   * Waits until at least {@code count} callbacks were attempted or {@code timeout} passed, and
   * returns those attempted by then (possibly fewer).
   */
  public List<SentCallback> awaitCallbacks(int count, Duration timeout) throws InterruptedException {
    return tasks.awaitCallbacks(count, SandboxScript.requireNotNegative(timeout, "timeout"));
  }

  /** Stops serving at once; pending callbacks are dropped. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    String notServing = server.notServing();
    String where = notServing != null ? notServing : endpoint().toString();
    return "SandboxGateway{" + where + ", appKey=" + Redaction.mask(appKey) + ", taskDuration=" + taskDuration + "}";
  }

  // ---- used by SandboxHandler ----

  SandboxScript script() {
    return script;
  }

  /** Registers a new task and, when it has a callback URL, schedules its one callback. */
  SandboxTask createTask(String taskId, String callbackUrl, String subtitleText) {
    SandboxTask task = new SandboxTask(taskId, System.nanoTime(), taskDuration.toNanos(),
        script.nextTaskFailure(), callbackUrl, subtitleText);
    tasks.add(task);
    if (callbackUrl != null && !callbackUrl.isEmpty()) {
      String mediaUrl = mediaUrl(taskId, ".mp4");
      String subtitlesUrl = mediaUrl(taskId, ".srt");
      server.scheduleCallback(() -> callbackSender.send(task, mediaUrl, subtitlesUrl), task.durationNanos());
    }
    return task;
  }

  SandboxTask task(String taskId) {
    return tasks.get(taskId);
  }

  /** A real, playable template video this sandbox serves (12 s of H.264 640x360 in mp4, with Range support). */
  public String sampleVideoUrl() {
    return endpoint().baseUri().toString() + MEDIA_PATH_PREFIX.substring(1) + SandboxMedia.SAMPLE_VIDEO;
  }

  /** A real, playable driving audio this sandbox serves (2 s of MP3). */
  public String sampleAudioUrl() {
    return endpoint().baseUri().toString() + MEDIA_PATH_PREFIX.substring(1) + SandboxMedia.SAMPLE_AUDIO;
  }

  String mediaUrl(String taskId, String extension) {
    return endpoint().baseUri().toString() + MEDIA_PATH_PREFIX.substring(1) + taskId + extension;
  }

  /** One callback the sandbox attempted. */
  public static final class SentCallback {
    private final String taskId;
    private final String url;
    private final String body;
    private final int responseStatus;
    private final String error;

    SentCallback(String taskId, String url, String body, int responseStatus, String error) {
      this.taskId = taskId;
      this.url = url;
      this.body = body;
      this.responseStatus = responseStatus;
      this.error = error;
    }

    public String taskId() {
      return taskId;
    }

    /** The {@code CallbackUrl} as submitted (it may carry a token: do not log it unmasked). */
    public String url() {
      return url;
    }

    /** The JSON body POSTed: {@code {"Payload":{…}}}. */
    public String body() {
      return body;
    }

    /** The receiver's HTTP status, or -1 when none was received. */
    public int responseStatus() {
      return responseStatus;
    }

    /** Why there was no answer (connection refused, not a loopback address, …); empty otherwise. */
    public String error() {
      return error;
    }

    /** The receiver answered 2xx. The sandbox, like the gateway, never sends a callback twice. */
    public boolean delivered() {
      return responseStatus >= 200 && responseStatus < 300;
    }

    @Override
    public String toString() {
      return "SentCallback{taskId=" + taskId + ", url=" + Redaction.maskQuery(url) + ", responseStatus="
          + responseStatus + (error.isEmpty() ? "" : ", error=" + error) + "}";
    }
  }

  /** Builds a {@link SandboxGateway}; every setting has a default. */
  public static final class Builder {
    private String appKey = DEFAULT_APP_KEY;
    private String accessToken = DEFAULT_ACCESS_TOKEN;
    private Duration taskDuration = DEFAULT_TASK_DURATION;
    private int port;
    private Clock clock = Clock.systemUTC();
    private Duration latency = Duration.ZERO;

    private Builder() {}

    /** The app key requests must carry; default {@link #DEFAULT_APP_KEY}. */
    public Builder appKey(String appKey) {
      this.appKey = requireText(appKey, "appKey");
      return this;
    }

    /** The secret signatures are checked with; default {@link #DEFAULT_ACCESS_TOKEN}. */
    public Builder accessToken(String accessToken) {
      this.accessToken = requireText(accessToken, "accessToken");
      return this;
    }

    /** From submission to {@code SUCCESS}/{@code FAIL}; default {@link #DEFAULT_TASK_DURATION}. Zero ends tasks at once. */
    public Builder taskDuration(Duration taskDuration) {
      this.taskDuration = SandboxScript.requireNotNegative(taskDuration, "taskDuration");
      return this;
    }

    /** The loopback port; 0 (the default) lets the system pick a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The clock the timestamp window is checked against (task progress runs on real elapsed time). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Delay every API answer by this much; default none. Can be changed later with {@link SandboxGateway#latency}. */
    public Builder latency(Duration latency) {
      this.latency = SandboxScript.requireNotNegative(latency, "latency");
      return this;
    }

    public SandboxGateway build() {
      return new SandboxGateway(this);
    }

    /** {@code build().start()}. */
    public SandboxGateway start() {
      return build().start();
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    @Override
    public String toString() {
      return "SandboxGateway.Builder{appKey=" + Redaction.mask(appKey) + ", taskDuration=" + taskDuration
          + ", port=" + port + "}";
    }
  }
}
