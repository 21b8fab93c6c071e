package io.github.ivhclient.videomake.internal;

import java.util.concurrent.ExecutionException;

/**
 * Added as a suppressed exception to a failure that a blocking call unwraps from a future
 * completed on a client thread, so the stack trace also shows where the caller waited (the
 * failure's own trace only shows client threads).
 */
public final class CallerFrame extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CallerFrame(String message) {
    super(message);
  }

  /**
   * The failure of a future, to throw on the thread that waited for it, with a frame saying
   * {@code calledHere}; a checked cause (never made by the client) is wrapped, saying {@code failed}.
   */
  public static RuntimeException rethrown(ExecutionException e, String calledHere, String failed) {
    Throwable cause = e.getCause();
    // Like the AWS SDK's joinLikeSync: the failure was made on a client thread.
    cause.addSuppressed(new CallerFrame(calledHere));
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failed, cause);
  }
}
