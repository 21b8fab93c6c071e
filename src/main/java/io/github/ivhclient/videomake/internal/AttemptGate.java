package io.github.ivhclient.videomake.internal;

/**
 * Decides when an asynchronous attempt may be sent. Every attempt the gate {@linkplain
 * Attempt#send sends} must be followed by exactly one {@link #finished()} once its exchange is over
 * (answered, failed, cancelled or skipped); an attempt the gate drops as abandoned needs none.
 */
public interface AttemptGate {
  /** One attempt waiting for the gate. */
  interface Attempt {
    /** True once nobody wants its answer (its future is done): the gate drops it unsent. */
    boolean abandoned();

    /** Sends the attempt; must not block. */
    void send();
  }

  /** Sends at once, with no bound. */
  AttemptGate DIRECT = new AttemptGate() {
    @Override
    public void start(Attempt attempt) {
      if (!attempt.abandoned()) {
        attempt.send();
      }
    }

    @Override
    public void finished() {}
  };

  /** Sends {@code attempt} when the gate allows, unless it is abandoned by then. */
  void start(Attempt attempt);

  /** One sent attempt's exchange is over. */
  void finished();

  /**
   * A hint that an attempt given to {@link #start} and not yet sent was abandoned, so the gate may
   * release it early instead of holding it until its turn.
   */
  default void withdrawn() {}
}
