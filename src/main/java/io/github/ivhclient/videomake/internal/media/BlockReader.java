package io.github.ivhclient.videomake.internal.media;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link ByteSource} in aligned blocks and keeps the last few, so parsers can ask for small
 * fields one by one without one HTTP request each. Every block is charged to the source's budget.
 */
final class BlockReader {
  static final int BLOCK = 64 * 1024;
  private static final int CACHED_BLOCKS = 8;

  private final ByteSource source;
  private final Map<Long, byte[]> blocks = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
      return size() > CACHED_BLOCKS;
    }
  };

  BlockReader(ByteSource source) {
    this.source = source;
  }

  /** -1 when unknown. */
  long size() {
    return source.size();
  }

  /** Up to {@code length} bytes at {@code offset}; fewer at the end of the file. Large reads bypass the cache. */
  byte[] read(long offset, int length) {
    if (offset < 0 || length < 0) {
      return new byte[0];
    }
    if (length > BLOCK) {
      return source.read(offset, length);
    }
    byte[] out = new byte[length];
    int filled = 0;
    while (filled < length) {
      long at = offset + filled;
      long index = at / BLOCK;
      byte[] block = block(index);
      int from = (int) (at - index * BLOCK);
      if (from >= block.length) {
        break;
      }
      int n = Math.min(length - filled, block.length - from);
      System.arraycopy(block, from, out, filled, n);
      filled += n;
      if (block.length < BLOCK) {
        break;
      }
    }
    return filled == length ? out : Arrays.copyOf(out, filled);
  }

  private byte[] block(long index) {
    byte[] block = blocks.get(index);
    if (block == null) {
      block = source.read(index * BLOCK, BLOCK);
      blocks.put(index, block);
    }
    return block;
  }
}
