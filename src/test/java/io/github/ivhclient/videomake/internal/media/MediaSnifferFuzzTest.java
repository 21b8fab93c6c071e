package io.github.ivhclient.videomake.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parser on hostile bytes: random data, every fixture truncated and corrupted,
 * boxes claiming 2^63 bytes, and size loops. It must return a finding (never throw anything but a
 * budget's {@link MediaReadException}) and never read past the budget.
 */
class MediaSnifferFuzzTest {
  private static final long BUDGET = 256 * 1024;

  /** An in-memory file under a budget, counting what the parser asked for. */
  private static final class MemorySource implements ByteSource {
    private final byte[] bytes;
    private final ReadBudget budget = new ReadBudget(BUDGET, Duration.ofSeconds(30));

    MemorySource(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public byte[] read(long offset, int length) {
      int from = (int) Math.min(offset, bytes.length);
      int n = (int) Math.min(length, bytes.length - from);
      budget.charge(n);
      return Arrays.copyOfRange(bytes, from, from + n);
    }

    @Override
    public long bytesRead() {
      return budget.used();
    }

    @Override
    public void close() {}
  }

  private static Sniffed sniff(byte[] bytes) {
    MemorySource source = new MemorySource(bytes);
    Sniffed s = new Sniffed();
    try {
      MediaSniffer.sniff(source, s);
    } catch (MediaReadException e) {
      assertThat(e.kind()).isEqualTo(MediaReadException.Kind.BUDGET);
    }
    assertThat(source.bytesRead()).isLessThanOrEqualTo(BUDGET);
    return s;
  }

  private static List<byte[]> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(MediaSnifferFuzzTest.class.getResource("/media").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().map(f -> {
        try {
          return Files.readAllBytes(f);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  @Test
  void randomBytesGiveAFindingNotAnException() {
    Random random = new Random(9);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = new byte[random.nextInt(4096)];
      random.nextBytes(bytes);
      sniff(bytes);
    }
  }

  @Test
  void randomBytesAfterEveryKnownMagicGiveAFinding() {
    Random random = new Random(10);
    List<byte[]> magics = Stream.of("\0\0\0\u0018ftypisom", "RIFF\0\0\0\0AVI ", "RIFF\0\0\0\0WAVE", "RIFF\0\0\0\0WEBPVP8 ",
        "RIFF\0\0\0\0WEBPVP8L", "RIFF\0\0\0\0WEBPVP8X", "OggS", "fLaC", "ID3\u0004\0\0\0\0\0\u0010", "\u00ff\u00fb",
        "\u00ff\u00f1", "\u00ff\u00d8\u00ff", "BM", "GIF89a", "%PDF-", "\u001a\u0045\u00df\u00a3",
        "\u0030\u0026\u00b2\u0075\u008e\u0066\u00cf\u0011\u00a6\u00d9\0\u00aa\0\u0062\u00ce\u006c")
        .map(m -> m.getBytes(StandardCharsets.ISO_8859_1)).toList();
    for (int i = 0; i < 6000; i++) {
      byte[] magic = magics.get(i % magics.size());
      byte[] bytes = new byte[magic.length + random.nextInt(2048)];
      random.nextBytes(bytes);
      System.arraycopy(magic, 0, bytes, 0, magic.length);
      sniff(bytes);
    }
  }

  @Test
  void everyFixtureTruncatedAndCorruptedGivesAFinding() throws Exception {
    Random random = new Random(11);
    for (byte[] fixture : fixtures()) {
      for (int i = 0; i < 150; i++) {
        sniff(Arrays.copyOf(fixture, random.nextInt(fixture.length + 1)));
        byte[] corrupt = fixture.clone();
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
        }
        sniff(corrupt);
        // A size field set to an extreme: the first word of a random 4-byte-aligned position.
        byte[] sized = fixture.clone();
        int at = random.nextInt(Math.max(1, sized.length / 4)) * 4;
        int value = new int[] {0, 1, 7, 8, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}[random.nextInt(7)];
        if (at + 4 <= sized.length) {
          ByteBuffer.wrap(sized, at, 4).putInt(value);
        }
        sniff(sized);
      }
    }
  }

  private static byte[] box(String type, long size, byte[] body) {
    return ByteBuffer.allocate(16 + body.length).putInt(1).put(type.getBytes(StandardCharsets.US_ASCII))
        .putLong(size).put(body).array();
  }

  @Test
  void aBoxClaiming2To63BytesIsAFinding() {
    byte[] ftyp = ByteBuffer.allocate(16).putInt(16).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0)
        .array();
    for (long size : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 7, -16, 0, 15}) {
      for (String type : List.of("mdat", "moov", "free")) {
        byte[] file = ByteBuffer.allocate(16 + 16 + 64).put(ftyp).put(box(type, size, new byte[64])).array();

        Sniffed s = sniff(file);

        assertThat(s.problems).as("%s of %d bytes", type, size).isNotEmpty();
      }
    }
  }

  @Test
  void nestedBoxesClaimingHugeOrLoopingSizesInsideTheIndexAreFindings() {
    // moov > trak > a child with a 64-bit size of 2^63 and then one of size 0 (to its parent's end).
    byte[] huge = box("mdia", Long.MIN_VALUE, new byte[8]);
    byte[] toEnd = ByteBuffer.allocate(8).putInt(0).put("mdia".getBytes(StandardCharsets.US_ASCII)).array();
    for (byte[] child : List.of(huge, toEnd)) {
      byte[] trak = ByteBuffer.allocate(8 + child.length).putInt(8 + child.length)
          .put("trak".getBytes(StandardCharsets.US_ASCII)).put(child).array();
      byte[] moov = ByteBuffer.allocate(8 + trak.length).putInt(8 + trak.length)
          .put("moov".getBytes(StandardCharsets.US_ASCII)).put(trak).array();

      Sniffed s = sniff(moov);

      assertThat(s.container).isEqualTo("mov");
      assertThat(s.videoCodec).isNull();
    }
  }

  @Test
  void manyTinyBoxesStopAtTheCountLimit() {
    ByteBuffer file = ByteBuffer.allocate(8 * 20_000);
    while (file.hasRemaining()) {
      file.putInt(8).put("free".getBytes(StandardCharsets.US_ASCII));
    }

    Sniffed s = sniff(file.array());

    assertThat(s.problems).anySatisfy(p -> assertThat(p).contains("no index"));
  }
}
