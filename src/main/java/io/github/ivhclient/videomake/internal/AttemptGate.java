package io.github.ivhclient.videomake.internal;

/**
 * Decides when an asynchronous attempt may be sent. Every {@link #start}ed attempt must be
 * followed by exactly one {@link #finished()} once its exchange is over (answered, failed,
 * cancelled or skipped).
 */
public interface AttemptGate {
  /** Sends at once, with no bound. */
  AttemptGate DIRECT = new AttemptGate() {
    @Override
    public void start(Runnable attempt) {
      attempt.run();
    }

    @Override
    public void finished() {}
  };

  /** Runs {@code attempt} (which must not block) when the gate allows. */
  void start(Runnable attempt);

  /** One started attempt's exchange is over. */
  void finished();
}
