package io.github.ivhclient.videomake.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxMediaTest {
  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "dinf");

  /** Walks the box tree; fails unless every box's size fits exactly in its parent. */
  private static List<String> boxes(ByteBuffer data, String prefix) {
    List<String> found = new ArrayList<>();
    while (data.hasRemaining()) {
      assertThat(data.remaining()).as("room for a box header").isGreaterThanOrEqualTo(8);
      int size = data.getInt();
      byte[] type = new byte[4];
      data.get(type);
      String name = new String(type, StandardCharsets.US_ASCII);
      assertThat(size).as("size of " + name).isBetween(8, data.remaining() + 8);
      ByteBuffer body = data.slice(data.position(), size - 8);
      data.position(data.position() + size - 8);
      found.add(prefix + name);
      if (CONTAINERS.contains(name)) {
        found.addAll(boxes(body, prefix + name + "/"));
      }
    }
    return found;
  }

  @Test
  void mp4IsAWellFormedIsoBaseMediaFileWithOneVideoTrack() {
    byte[] mp4 = SandboxMedia.mp4();

    List<String> boxes = boxes(ByteBuffer.wrap(mp4), "");

    assertThat(boxes).startsWith("ftyp", "moov", "moov/mvhd", "moov/trak", "moov/trak/tkhd");
    assertThat(boxes).contains("moov/trak/mdia/hdlr", "moov/trak/mdia/minf/vmhd", "moov/trak/mdia/minf/stbl/stsd");
    assertThat(new String(mp4, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("isom");
    int mvhd = indexOf(mp4, "mvhd");
    ByteBuffer header = ByteBuffer.wrap(mp4, mvhd + 4 + 12, 8);
    assertThat(header.getInt()).as("timescale").isEqualTo(1000);
    assertThat((long) header.getInt()).as("duration").isEqualTo(SandboxMedia.VIDEO_DURATION_MILLIS);
    int hdlr = indexOf(mp4, "hdlr");
    assertThat(new String(mp4, hdlr + 12, 4, StandardCharsets.US_ASCII)).isEqualTo("vide");
  }

  @Test
  void mp4CopiesCannotChangeTheServedFile() {
    byte[] copy = SandboxMedia.mp4();
    copy[4] = 'X';

    assertThat(new String(SandboxMedia.mp4(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
  }

  @Test
  void srtHasOneCueWithTheText() {
    assertThat(new String(SandboxMedia.srt("Hello"), StandardCharsets.UTF_8))
        .isEqualTo("1\n00:00:00,000 --> 00:00:01,000\nHello\n");
  }

  @Test
  void plainTextDropsSsmlTagsAndDecodesEntities() {
    assertThat(SandboxMedia.plainText("Hello, <phoneme alphabet=\"py\" ph=\"fu4\">I</phoneme> am <break time=\"500ms\"/> Tom &amp; Jerry"))
        .isEqualTo("Hello, I am Tom & Jerry");
    assertThat(SandboxMedia.plainText(null)).isEmpty();
  }

  private static int indexOf(byte[] data, String fourCc) {
    byte[] needle = fourCc.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + 4 <= data.length; i++) {
      for (int j = 0; j < 4; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(fourCc + " not found");
  }
}
