package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.AttemptGate;
import io.github.ivhclient.videomake.internal.CallerFrame;
import io.github.ivhclient.videomake.internal.ClientResources;
import io.github.ivhclient.videomake.internal.Credentials;
import io.github.ivhclient.videomake.internal.HttpStack;
import io.github.ivhclient.videomake.internal.OperationRunner;
import io.github.ivhclient.videomake.internal.Operations;
import io.github.ivhclient.videomake.internal.PayloadValidator;
import io.github.ivhclient.videomake.internal.Redaction;
import io.github.ivhclient.videomake.internal.RequestBodies;
import io.github.ivhclient.videomake.internal.RequestPacer;
import io.github.ivhclient.videomake.internal.RetryingCaller;
import io.github.ivhclient.videomake.internal.TaskWaiter;
import io.github.ivhclient.videomake.internal.TimbrePager;
import io.github.ivhclient.videomake.model.TimbreAssetDetail;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

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
 * TaskResult result = client.waitFor(taskId, WaitOptions.defaults()); // or waitForAsync
 * }</pre>
 *
 * <p>Every request is validated before any network I/O ({@link IvhValidationException}) and
 * signed afresh on every attempt. Failures are {@link IvhException}s. Calls are retried under the
 * client's {@link RetryPolicy} (VideoMakeNoTrain only when it provably never reached the server).
 * A blocking call is its asynchronous variant, awaited: it runs on the client's threads, and an
 * interrupt or {@link #close()} ends it. Made on one of the client's own threads (a listener, a
 * future's continuation), it runs its exchanges on that thread instead of waiting for the pool.
 *
 * <p>A client owns one small pool of threads ({@value #DEFAULT_SCHEDULER_THREADS} by default) that runs
 * its waits, its retries and, unless you pass your own {@link OkHttpClient}, its HTTP
 * exchanges: {@link #close()} it when done. OkHttp also starts a few daemon threads of its own that
 * every OkHttp client in the JVM shares ({@code OkHttp TaskRunner} for connection-pool cleanup,
 * {@code Okio Watchdog} for timeouts); they are not the client's, survive its {@code close()}, and
 * end by themselves after about a minute without work.
 */
public final class IvhClient implements AutoCloseable {
  /** The environment variable the {@code ivh} command line reads the app key from. */
  public static final String ENV_APPKEY = "IVH_APPKEY";
  /** The environment variable the {@code ivh} command line reads the access token from. */
  public static final String ENV_ACCESS_TOKEN = "IVH_ACCESS_TOKEN";
  public static final int DEFAULT_SCHEDULER_THREADS = 4;
  public static final int DEFAULT_MAX_POLLS_PER_SECOND = 20;
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
  /**
   * The deadline of one attempt, from connect to the last byte of the answer, unless
   * {@link Builder#callTimeout} says otherwise: 30 s. A whole call, retries included, also ends by
   * its {@link RetryPolicy#maxElapsed()} (or one attempt's deadline, if longer).
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  /** The most pages {@link #timbres} fetches: {@value} pages of {@value #MAX_PAGE_SIZE}. */
  public static final int MAX_TIMBRE_PAGES = 100;
  /** The largest page describetimbre serves. */
  public static final int MAX_PAGE_SIZE = RequestBodies.MAX_PAGE_SIZE;

  private final String appKey;
  private final IvhEndpoint endpoint;
  private final OperationRunner runner;
  private final PayloadValidator validator;
  private final ValidationMode validationMode;
  private final RetryPolicy retryPolicy;
  private final ClientResources resources;
  private final RetryingCaller caller;
  private final TaskWaiter waiter;
  /** The client's HTTP stack with every interceptor, before any view's {@link CallOptions}; views derive theirs from it. */
  private final OkHttpClient http;
  private final CallOptions callOptions;
  /** False for the views made by {@link #withRetryPolicy}, {@link #withValidationMode} and {@link #withOptions}: they share, and must not close, the resources. */
  private final boolean ownsResources;

  private IvhClient(Builder b) {
    this.appKey = Credentials.require(b.appKey, "appKey", ENV_APPKEY, true);
    Credentials.require(b.accessToken, "accessToken", ENV_ACCESS_TOKEN, true);
    this.endpoint = b.endpoint;
    this.retryPolicy = b.retryPolicy;
    this.resources = b.okHttpClient == null
        ? ClientResources.owningHttp(b.schedulerThreads, b.maxConcurrentRequests)
        : ClientResources.sharingHttp(b.schedulerThreads, b.maxConcurrentRequests);
    this.http = HttpStack.http(b.okHttpClient, resources, appKey, b.accessToken, b.clock,
        b.timeouts.build(), DEFAULT_CALL_TIMEOUT);
    this.callOptions = CallOptions.none();
    this.caller = new RetryingCaller(resources.scheduler(), b.clock, b.attemptListener);
    this.runner = new OperationRunner(caller, HttpStack.services(endpoint.baseUri(), http));
    this.validator = new PayloadValidator();
    this.validationMode = b.validationMode;
    RequestPacer pollPacer = new RequestPacer(resources.scheduler(), b.maxPollsPerSecond, resources.maxInFlight());
    this.waiter = new TaskWaiter(resources.scheduler(), pollPacer, this::pollOnce, b.clock);
    this.ownsResources = true;
  }

  private IvhClient(IvhClient base, RetryPolicy retryPolicy, ValidationMode validationMode, CallOptions callOptions) {
    this.appKey = base.appKey;
    this.endpoint = base.endpoint;
    this.http = base.http;
    this.callOptions = callOptions;
    // newBuilder() keeps the pool, the dispatcher and every interceptor (SingleSend's guard, the signer).
    this.runner = callOptions == base.callOptions ? base.runner : new OperationRunner(base.caller,
        HttpStack.services(endpoint.baseUri(), callOptions.configure(http.newBuilder()).build()));
    this.validator = base.validator;
    this.validationMode = validationMode;
    this.retryPolicy = retryPolicy;
    this.resources = base.resources;
    this.caller = base.caller;
    this.waiter = base.waiter;
    this.ownsResources = false;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a request without sending it, as {@link #submit} would under this client's
   * {@link ValidationMode}: errors, and warnings for what the gateway may ignore or read otherwise.
   */
  public ValidationReport validate(VideoMakeNoTrainPayload request) {
    return validator.validate(request, validationMode);
  }

  /**
   * Submits a VideoMakeNoTrain task and returns its TaskId. Not idempotent: every accepted call
   * creates a new, billed task.
   *
   * @throws IvhValidationException if the request breaks the contract (nothing is sent)
   */
  public String submit(VideoMakeNoTrainPayload request) {
    return runner.call(Operations.SUBMIT, RequestBodies.submit(request, validator, validationMode), retryPolicy);
  }

  /** {@link #submit} without blocking; validation errors fail the future, nothing is sent. */
  public CompletableFuture<String> submitAsync(VideoMakeNoTrainPayload request) {
    return runner.callAsync(Operations.SUBMIT, () -> RequestBodies.submit(request, validator, validationMode),
        retryPolicy, AttemptGate.DIRECT);
  }

  /** One progress query. */
  public TaskSnapshot getProgress(String taskId) {
    return runner.call(Operations.GET_PROGRESS, RequestBodies.progress(taskId), retryPolicy);
  }

  public CompletableFuture<TaskSnapshot> getProgressAsync(String taskId) {
    return runner.callAsync(Operations.GET_PROGRESS, () -> RequestBodies.progress(taskId), retryPolicy,
        AttemptGate.DIRECT);
  }

  /**
   * Waits until the task ends and returns its SUCCESS result; see {@link #waitForAsync}.
   *
   * <p>If the calling thread is interrupted, polling stops, the thread's interrupt flag is set
   * again and a {@link CancellationException} is thrown: the task on the server goes on. Closing
   * the client ends the wait with a {@link CancellationException} too.
   *
   * <p>It must not be called on one of this client's own threads (in a {@link TaskListener}, an
   * {@link AttemptListener}, or a continuation of one of its futures): the wait would hold, for
   * as long as the task runs, a thread that its own polls and every other wait need. Compose
   * {@link #waitForAsync} there instead ({@code thenCompose}).
   *
   * @throws IvhTaskFailedException if the task ends with {@code FAIL}
   * @throws IvhWaitTimeoutException if {@link WaitOptions#timeout()} passes first
   * @throws IvhException if polling fails for good (after the retry policy) or the TaskId is blank
   * @throws IllegalStateException if called on one of this client's own threads; nothing is polled
   */
  public TaskResult waitFor(String taskId, WaitOptions options) {
    if (ClientResources.isPoolThread(resources.scheduler())) {
      // As Netty refuses await() on its event loop: with schedulerThreads(1) this would hang for good.
      throw new IllegalStateException("waitFor(" + taskId + ") blocks, and was called on one of the client's"
          + " own threads (a listener or a continuation of one of its futures), which its polls need:"
          + " use waitForAsync there and compose it (thenCompose)");
    }
    CompletableFuture<TaskResult> wait = waitForAsync(taskId, options);
    try {
      return wait.get();
    } catch (InterruptedException e) {
      wait.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException stopped = new CancellationException(
          "interrupted while waiting for task " + taskId + "; stopped polling, the task on the server goes on");
      stopped.initCause(e);
      throw stopped;
    } catch (CancellationException e) {
      // Thrown again from here, so its stack trace shows the caller and not a client thread.
      CancellationException stopped = new CancellationException(e.getMessage());
      stopped.initCause(e);
      throw stopped;
    } catch (ExecutionException e) {
      throw CallerFrame.rethrown(e, "waitFor(" + taskId + ") was called here", "waiting for task " + taskId + " failed");
    }
  }

  /**
   * Polls the task's progress until it ends, without holding a thread: all waits of a client share
   * its scheduler, and their polls together stay under the client's
   * {@linkplain Builder#maxPollsPerSecond poll ceiling}. The listener hears every change of
   * status, queue position and progress.
   *
   * <p>The future completes with the SUCCESS result, or fails with {@link IvhTaskFailedException}
   * (FAIL), {@link IvhWaitTimeoutException} (timeout) or the {@link IvhException} of a poll that
   * still failed after the retry policy. Transient poll failures that a retry cures do not end the
   * wait, and neither does a status this client does not know.
   *
   * <p>Cancelling the future stops polling and abandons the poll in flight. It does not cancel the
   * task: the gateway has no such call, so the task on the server goes on (and is billed). The
   * future then fails with a {@link CancellationException} saying so: {@code "stopped waiting for
   * task <id>; the task on the server goes on"}, prefixed with {@code "the client was closed: "}
   * when {@link #close()} ended the wait.
   */
  public CompletableFuture<TaskResult> waitForAsync(String taskId, WaitOptions options) {
    Objects.requireNonNull(options, "options");
    try {
      RequestBodies.progress(taskId);
      // This client's poller, so a view's waits send its headers under its timeouts.
      return waiter.start(taskId, options, options.retryPolicy() == null ? retryPolicy : options.retryPolicy(),
          this::pollOnce);
    } catch (RuntimeException e) {
      // An asynchronous call reports its failures (a blank TaskId too) through its future, never by throwing.
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A view of this client that retries under another policy, for a call or a batch of calls:
   * {@code client.withRetryPolicy(RetryPolicy.none()).submit(request)}. It shares this client's
   * connections and threads; closing the view does nothing.
   */
  public IvhClient withRetryPolicy(RetryPolicy retryPolicy) {
    return new IvhClient(this, Objects.requireNonNull(retryPolicy, "retryPolicy"), validationMode, callOptions);
  }

  /**
   * A view of this client that validates requests in another mode, for a call or a batch of calls:
   * {@code client.withValidationMode(ValidationMode.WARN_ONLY).submit(request)} sends a request
   * the client's reading of the API document would refuse. It shares this client's connections
   * and threads; closing the view does nothing.
   */
  public IvhClient withValidationMode(ValidationMode validationMode) {
    return new IvhClient(this, retryPolicy, Objects.requireNonNull(validationMode, "validationMode"), callOptions);
  }

  /**
   * A view of this client whose calls (waits' polls included) use other timeouts and send extra
   * headers, for a call or a batch of calls:
   * {@code client.withOptions(CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build()).getProgress(id)}.
   * The options replace those of any view this one was made from; timeouts they leave unset are this
   * client's. Requests are signed and sent at most once as by this client, and a call with
   * retries still ends by its {@link RetryPolicy#maxElapsed()} or the view's call timeout,
   * whichever is longer. It shares this client's connection pool, dispatcher and threads; closing
   * the view does nothing, and closing this client ends the view's calls and waits too.
   */
  public IvhClient withOptions(CallOptions callOptions) {
    return new IvhClient(this, retryPolicy, validationMode, Objects.requireNonNull(callOptions, "callOptions"));
  }

  /** The per-call options of this client: {@link CallOptions#none()} unless it is a {@link #withOptions} view. */
  public CallOptions callOptions() {
    return callOptions;
  }

  /** How this client's submits are validated. */
  public ValidationMode validationMode() {
    return validationMode;
  }

  /** The retry policy of this client's calls. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  private CompletableFuture<TaskSnapshot> pollOnce(String taskId, RetryPolicy policy, AttemptGate gate) {
    return runner.callAsync(Operations.GET_PROGRESS, () -> RequestBodies.progress(taskId), policy, gate);
  }

  /** One page of timbres; {@code pageIndex} from 1, {@code pageSize} 1..{@value #MAX_PAGE_SIZE}. */
  public TimbreListing listTimbres(int pageIndex, int pageSize, TimbreFilter filter) {
    return runner.call(Operations.DESCRIBE_TIMBRE, RequestBodies.timbres(pageIndex, pageSize, filter), retryPolicy);
  }

  public CompletableFuture<TimbreListing> listTimbresAsync(int pageIndex, int pageSize, TimbreFilter filter) {
    return runner.callAsync(Operations.DESCRIBE_TIMBRE, () -> RequestBodies.timbres(pageIndex, pageSize, filter),
        retryPolicy, AttemptGate.DIRECT);
  }

  /**
   * Every timbre matching the filter, fetched lazily a page of {@value #MAX_PAGE_SIZE} at a time as
   * the stream is consumed. A failing page throws its {@link IvhException} from the stream.
   *
   * <p>The listing is bounded whatever the gateway answers: it ends at a page past {@code Total},
   * an empty page, or a page that brings no timbre not already streamed (a repeated page); a
   * timbre repeated on a later page is streamed once. A listing that would go on past
   * {@value #MAX_TIMBRE_PAGES} pages ends with an {@link IvhMalformedResponseException}.
   */
  public Stream<TimbreAssetDetail> timbres(TimbreFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return TimbrePager.stream(page -> listTimbres(page, MAX_PAGE_SIZE, filter), MAX_TIMBRE_PAGES);
  }

  /** The endpoint this client talks to. */
  public IvhEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Ends every pending wait (their tasks on the server go on) and every call not yet answered,
   * including those waiting for a retry, with a {@link CancellationException} saying the client
   * was closed; then stops the threads the client created for waits and exchanges and, if the
   * client created them, closes its connections. A caller-supplied {@link OkHttpClient} stays
   * usable, and OkHttp's shared daemon threads (see the class documentation) are left to end by
   * themselves. Closing a view ({@link #withRetryPolicy}, {@link #withValidationMode},
   * {@link #withOptions}) does nothing.
   */
  @Override
  public void close() {
    if (ownsResources) {
      waiter.close();
      caller.close();
      resources.close();
    }
  }

  @Override
  public String toString() {
    return "IvhClient{appKey=" + Redaction.mask(appKey) + ", endpoint=" + endpoint + "}";
  }

  /** Builds an {@link IvhClient}. Only the app key and the access token are required. */
  public static final class Builder {
    private String appKey;
    private String accessToken;
    private IvhEndpoint endpoint = IvhEndpoint.MAINLAND;
    /** The timeouts, checked as {@link CallOptions} checks a view's: the same rules, written once. */
    private final CallOptions.Builder timeouts = CallOptions.builder();
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private ValidationMode validationMode = ValidationMode.ENFORCE;
    private int schedulerThreads = DEFAULT_SCHEDULER_THREADS;
    private int maxPollsPerSecond = DEFAULT_MAX_POLLS_PER_SECOND;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private AttemptListener attemptListener = AttemptListener.NONE;

    private Builder() {}

    public Builder appKey(String appKey) {
      this.appKey = Credentials.require(appKey, "appKey", ENV_APPKEY, false);
      return this;
    }

    /** The secret that keys the signatures. It is never logged nor sent. */
    public Builder accessToken(String accessToken) {
      this.accessToken = Credentials.require(accessToken, "accessToken", ENV_ACCESS_TOKEN, false);
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
      timeouts.connectTimeout(timeout);
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      timeouts.readTimeout(timeout);
      return this;
    }

    /**
     * A bound on one whole exchange (each attempt), from connect to the end of the body;
     * {@link IvhClient#DEFAULT_CALL_TIMEOUT} unless set (or unless the {@link #okHttpClient} given
     * has its own). A body that trickles in a byte at a time cannot outlast it.
     */
    public Builder callTimeout(Duration timeout) {
      timeouts.callTimeout(timeout);
      return this;
    }

    /**
     * Share connection pool and dispatcher with other clients; the client adds its own interceptors
     * on a copy, and {@link IvhClient#close()} leaves them running.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** The clock that stamps signatures (tests use a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How failed calls are retried; {@link RetryPolicy#defaults()} unless set. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * How requests are validated before they are sent: {@link ValidationMode#ENFORCE} unless set.
     * Per call: {@link IvhClient#withValidationMode}.
     */
    public Builder validationMode(ValidationMode validationMode) {
      this.validationMode = Objects.requireNonNull(validationMode, "validationMode");
      return this;
    }

    /**
     * The threads the client creates ({@value #DEFAULT_SCHEDULER_THREADS} by default): they run every
     * wait's timers, every asynchronous retry and, unless you pass your own {@link #okHttpClient},
     * every HTTP exchange, however many tasks are waited for. OkHttp's shared daemon threads (see
     * {@link IvhClient}) come on top.
     */
    public Builder schedulerThreads(int schedulerThreads) {
      this.schedulerThreads = OptionChecks.requireRange(schedulerThreads, 1, 256, "schedulerThreads");
      return this;
    }

    /**
     * The ceiling on progress polls per second over all waits of this client
     * ({@value #DEFAULT_MAX_POLLS_PER_SECOND} by default); polls beyond it are delayed, not dropped.
     * Retries of polls count too; direct {@link IvhClient#getProgress} calls are not paced.
     */
    public Builder maxPollsPerSecond(int maxPollsPerSecond) {
      this.maxPollsPerSecond = OptionChecks.requireRange(maxPollsPerSecond, 1, RequestPacer.MAX_PER_SECOND, "maxPollsPerSecond");
      return this;
    }

    /**
     * Asynchronous exchanges in flight at once ({@value #DEFAULT_MAX_CONCURRENT_REQUESTS} by default),
     * and so the most polls of all waits in flight at once. Such an exchange holds one of the client's
     * {@link #schedulerThreads} until it ends, so the bound is at most that many. A blocking call runs
     * its exchanges on the calling thread, outside this bound (your threads bound those). With
     * {@link #okHttpClient}, the exchanges run on its dispatcher, under its limits and on its threads.
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = OptionChecks.requireRange(maxConcurrentRequests, 1, 1024, "maxConcurrentRequests");
      return this;
    }

    /**
     * Hears every HTTP attempt of every call (operation, attempt number, status, duration,
     * RequestID): the hook for metrics and tracing, and how to read the RequestID of a successful
     * call. {@link AttemptListener#NONE} by default.
     */
    public Builder attemptListener(AttemptListener attemptListener) {
      this.attemptListener = Objects.requireNonNull(attemptListener, "attemptListener");
      return this;
    }

    public IvhClient build() {
      return new IvhClient(this);
    }

    @Override
    public String toString() {
      return "IvhClient.Builder{appKey=" + Redaction.mask(appKey) + ", endpoint=" + endpoint + "}";
    }
  }
}
