package io.github.ivhclient.videomake.internal.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** A local file, read with positioned reads. */
public final class FileByteSource implements ByteSource {
  private final FileChannel channel;
  private final long size;
  private final ReadBudget budget;

  private FileByteSource(FileChannel channel, long size, ReadBudget budget) {
    this.channel = channel;
    this.size = size;
    this.budget = budget;
  }

  public static FileByteSource open(Path path, ReadBudget budget) {
    if (!Files.isRegularFile(path)) {
      throw new MediaReadException(MediaReadException.Kind.UNREACHABLE,
          Files.exists(path) ? "not a regular file" : "no such file");
    }
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      return new FileByteSource(channel, channel.size(), budget);
    } catch (IOException e) {
      throw new MediaReadException(MediaReadException.Kind.UNREACHABLE,
          "cannot open the file: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + ", length " + length);
    }
    int wanted = (int) Math.max(0, Math.min(length, size - Math.min(offset, size)));
    budget.charge(wanted);
    ByteBuffer buffer = ByteBuffer.allocate(wanted);
    try {
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, offset + buffer.position());
        if (n < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new MediaReadException(MediaReadException.Kind.UNREACHABLE,
          "cannot read the file: " + e.getClass().getSimpleName(), e);
    }
    return buffer.position() == wanted ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
  }

  @Override
  public long bytesRead() {
    return budget.used();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Read-only: nothing to lose.
    }
  }
}
