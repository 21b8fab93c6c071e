package io.github.ivhclient.videomake.internal.media;

import java.io.Closeable;

/**
 * Random access to one media file under a {@link ReadBudget}: a local file, or an HTTP resource
 * read with Range requests. Every byte handed out is charged to the budget first, so a parser can
 * never make a source read (or allocate) more than the budget allows.
 */
public interface ByteSource extends Closeable {
  /** The file's length in bytes, or -1 when the server did not say. */
  long size();

  /**
   * Up to {@code length} bytes from {@code offset}; fewer only at the end of the file.
   *
   * @throws MediaReadException when the bytes cannot be had (budget, network, no Range support)
   */
  byte[] read(long offset, int length);

  /** Bytes charged to the budget so far. */
  long bytesRead();

  @Override
  void close();
}
