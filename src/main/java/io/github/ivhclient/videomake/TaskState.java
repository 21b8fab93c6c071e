package io.github.ivhclient.videomake;

/**
 * A task's lifecycle as the gateway reports it in {@code Status}. {@link #UNKNOWN} stands for a
 * value this client does not know yet; {@link TaskSnapshot#rawStatus()} keeps the text.
 */
public enum TaskState {
  /** {@code COMMIT}: queued; {@link TaskSnapshot#queuePosition()} says how many are ahead. */
  QUEUED("COMMIT"),
  /** {@code MAKING}: being made. */
  MAKING("MAKING"),
  /** {@code SUCCESS}: done; the result URLs are set. */
  SUCCESS("SUCCESS"),
  /** {@code FAIL}: failed; see the fail code and message. */
  FAIL("FAIL"),
  /** A status this client does not know. */
  UNKNOWN(null);

  private final String wireValue;

  TaskState(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The gateway's spelling, or {@code null} for {@link #UNKNOWN}. */
  public String wireValue() {
    return wireValue;
  }

  /** {@code true} for {@link #SUCCESS} and {@link #FAIL}: the task will not change any more. */
  public boolean isTerminal() {
    return this == SUCCESS || this == FAIL;
  }

  /** Maps the gateway's {@code Status}; {@code null} or an unknown value gives {@link #UNKNOWN}. */
  public static TaskState fromWire(String status) {
    for (TaskState state : values()) {
      if (state.wireValue != null && state.wireValue.equals(status)) {
        return state;
      }
    }
    return UNKNOWN;
  }
}
