package io.github.ivhclient.videomake.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.MediaInfo;
import io.github.ivhclient.videomake.MediaPreflight;
import io.github.ivhclient.videomake.PreflightOptions;
import io.github.ivhclient.videomake.PreflightReport;
import io.github.ivhclient.videomake.VideoMakeRequests;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sandbox's real sample media pass preflight over HTTP Range reads, as the demo shows. */
class SandboxSampleMediaTest {
  @Test
  void theSampleVideoAndAudioPassPreflight() {
    try (SandboxGateway sandbox = SandboxGateway.builder().start();
        MediaPreflight preflight = MediaPreflight.create(PreflightOptions.builder().allowNonPublicAddresses().build())) {
      PreflightReport report = preflight.check(
          VideoMakeRequests.audioDriven(sandbox.sampleVideoUrl(), sandbox.sampleAudioUrl()));

      assertThat(report.all()).isEmpty();
      MediaInfo video = report.media().get("Payload.RefVideoUrl");
      assertThat(video.container()).contains("mp4");
      assertThat(video.videoCodec()).contains("h264");
      assertThat(video.duration()).contains(Duration.ofSeconds(12));
      assertThat(report.media().get("Payload.InputAudioUrl").container()).contains("mp3");
    }
  }

  @Test
  void theLibrarysDefaultRefusesTheLoopbackSandbox() {
    try (SandboxGateway sandbox = SandboxGateway.builder().start();
        MediaPreflight preflight = MediaPreflight.create()) {
      PreflightReport report = preflight.check(
          VideoMakeRequests.audioDriven(sandbox.sampleVideoUrl(), sandbox.sampleAudioUrl()));

      assertThat(report.errors()).extracting(i -> i.rule()).containsExactly("publicAddress", "publicAddress");
    }
  }
}
