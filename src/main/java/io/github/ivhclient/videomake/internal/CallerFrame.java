package io.github.ivhclient.videomake.internal;

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
}
