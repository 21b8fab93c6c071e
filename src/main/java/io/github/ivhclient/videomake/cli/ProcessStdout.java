package io.github.ivhclient.videomake.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The process's standard output, remembering whether a write failed because the reader closed the pipe. */
final class ProcessStdout extends FilterOutputStream {
  private volatile boolean readerGone;

  ProcessStdout(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      readerGone |= String.valueOf(e.getMessage()).contains("Broken pipe");
      throw e;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  /** {@code ivh timbres | head}: the reader closed the pipe once it had seen enough. */
  boolean readerGone() {
    return readerGone;
  }
}
