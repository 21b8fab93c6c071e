package io.github.ivhclient.videomake.cli;

/** The CLI's exit codes; scripts depend on them, so they never change meaning. */
public final class ExitCode {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** The request breaks the contract; nothing was sent. */
  public static final int INVALID_REQUEST = 1;
  /** Bad options or arguments, missing credentials, or an unreadable or malformed input file. */
  public static final int USAGE = 2;
  /** The gateway or the network failed: service error, HTTP error, transport error, unreadable answer. */
  public static final int GATEWAY = 3;
  /** The task ended in {@code FAIL}. */
  public static final int TASK_FAILED = 4;
  /** A wait ran out of time before the task ended. */
  public static final int TIMED_OUT = 5;
  /**
   * Standard output could not be written (a full disk, a closed pipe): what the command did may be
   * lost, so it is not a success. A submit's TaskId then goes to standard error.
   */
  public static final int OUTPUT = 74;
  /** A bug in the CLI itself (rerun with {@code --verbose} to see the stack trace). */
  public static final int INTERNAL = 70;
  /** Ctrl-C (SIGINT, 128 + 2) during a command; a waited-for task goes on on the server. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
