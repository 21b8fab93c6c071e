package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every container and codec the document names, read from the committed fixtures (made with ffmpeg). */
class MediaProbeTest {
  private static final MediaPreflight PREFLIGHT = MediaPreflight.create(PreflightOptions.builder()
      .allowLocalFiles(true).build());

  @AfterAll
  static void close() {
    PREFLIGHT.close();
  }

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(MediaProbeTest.class.getResource("/media/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      // file, container, video codec, audio codec, width, height, duration ms (ffprobe's)
      "video-h264.mp4, mp4, h264, aac, 640, 360, 12000",
      "video-h264.mov, mov, h264, aac, 640, 360, 12000",
      "video-h264.avi, avi, h264, mp3, 640, 360, 12000",
      "video-hevc.mp4, mp4, hevc, -, 640, 360, 12000",
      "video-mpeg4.avi, avi, mpeg4, -, 640, 360, 12000",
      "video-matroska-named.mp4, matroska, -, -, 0, 0, -1",
      "video-320x240.mp4, mp4, h264, -, 320, 240, 12000",
      "video-0.4s.mp4, mp4, h264, -, 640, 360, 400",
      "video-700s.mp4, mp4, h264, -, 640, 360, 700000",
      "audio.wav, wav, -, pcm, 0, 0, 2000",
      "audio-0.5s.wav, wav, -, pcm, 0, 0, 500",
      "audio.mp3, mp3, -, mp3, 0, 0, 2160",
      "audio.wma, asf, -, wmav2, 0, 0, 2048",
      "audio.m4a, m4a, -, aac, 0, 0, 2000",
      "audio.aac, aac, -, aac, 0, 0, 2176",
      "audio.ogg, ogg, -, vorbis, 0, 0, 2000",
      "audio.flac, flac, -, flac, 0, 0, 2000",
      "photo.jpg, jpeg, -, -, 256, 256, -1",
      "photo.png, png, -, -, 256, 256, -1",
      "photo.bmp, bmp, -, -, 192, 192, -1",
      "photo.webp, webp, -, -, 256, 256, -1",
      "photo-100x100.png, png, -, -, 100, 100, -1",
      "authorization.pdf, pdf, -, -, 0, 0, -1",
  })
  void readsContainerCodecsDimensionsAndDuration(String file, String container, String video, String audio, int width,
      int height, long millis) {
    MediaInfo info = PREFLIGHT.probe(fixture(file).toString());

    assertThat(info.container()).contains(container);
    assertThat(info.videoCodec().orElse(null)).isEqualTo(video);
    assertThat(info.audioCodec().orElse(null)).isEqualTo(audio);
    assertThat(info.width().orElse(0)).isEqualTo(width);
    assertThat(info.height().orElse(0)).isEqualTo(height);
    if (millis < 0) {
      assertThat(info.duration()).isEmpty();
    } else {
      // Within 50 ms: containers round differently (ffprobe itself reports 2.16 s for this mp3's 2 s of tone).
      assertThat(info.duration()).hasValueSatisfying(d ->
          assertThat(Math.abs(d.toMillis() - millis)).isLessThanOrEqualTo(50));
    }
    assertThat(info.size()).hasValue(fixture(file).toFile().length());
  }

  @Test
  void fileUrlsWorkLikePaths() {
    MediaInfo info = PREFLIGHT.probe(fixture("video-h264.mp4").toUri().toString());

    assertThat(info.container()).contains("mp4");
    assertThat(info.duration()).contains(Duration.ofSeconds(12));
  }

  @Test
  void localFilesAreRefusedByDefault() {
    try (MediaPreflight strict = MediaPreflight.create()) {
      MediaInfo info = strict.probe(fixture("video-h264.mp4").toString());

      assertThat(info.container()).isEmpty();
      assertThat(info.bytesRead()).isZero();
      assertThat(info.problems()).singleElement().asString().contains("allowLocalFiles");
    }
  }
}
