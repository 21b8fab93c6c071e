package io.github.ivhclient.videomake;

/**
 * Told about every HTTP attempt the client makes (each retry and each progress poll is an attempt
 * of its own), for metrics and tracing without a dependency on any metrics library. Set it with
 * {@link IvhClient.Builder#attemptListener}.
 *
 * <p>Called on the thread that saw the attempt end: the caller's thread for a blocking call, a
 * client thread for an asynchronous one or a wait. Return quickly and do not block. An exception
 * thrown here is logged and changes nothing about the call.
 *
 * <pre>{@code
 * IvhClient client = IvhClient.builder()
 *     .appKey(...).accessToken(...)
 *     .attemptListener(event -> timer(event.operation(), event.outcome()).record(event.duration()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface AttemptListener {
  /** A listener that does nothing (the default). */
  AttemptListener NONE = event -> {};

  void onAttempt(AttemptEvent event);
}
