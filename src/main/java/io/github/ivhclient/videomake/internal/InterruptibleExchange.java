package io.github.ivhclient.videomake.internal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Lets an interrupt end a blocking exchange. OkHttp's blocking socket I/O ignores
 * {@link Thread#interrupt}; the JDK's interruptible channels do not, through a hook any channel
 * may use: an interrupt of a thread between {@link #begin()} and {@link #end} closes the channel.
 * Closing this one cancels the call, which closes its socket, so the blocked read, write or connect
 * fails at once, whatever the socket (plain, TLS, a proxy's, a caller's socket factory). A DNS lookup
 * is not cut short: the call ends when it returns.
 */
final class InterruptibleExchange extends AbstractInterruptibleChannel {
  private final Call<?> call;

  private InterruptibleExchange(Call<?> call) {
    this.call = call;
  }

  /**
   * {@code call.execute()} on the calling thread, cancelled if the thread is interrupted before or
   * while it runs: then a {@link ClosedByInterruptException}, the interrupt flag left set. An
   * answer that was complete when the interrupt came is returned.
   */
  static <T> Response<T> execute(Call<T> call) throws IOException {
    InterruptibleExchange exchange = new InterruptibleExchange(call);
    boolean completed = false;
    exchange.begin();
    try {
      Response<T> response = call.execute();
      completed = true;
      return response;
    } finally {
      try {
        exchange.end(completed);
      } catch (ClosedByInterruptException e) {
        if (!completed) {
          throw e;
        }
      }
    }
  }

  @Override
  protected void implCloseChannel() {
    call.cancel();
  }
}
