package io.github.ivhclient.videomake;

import io.github.ivhclient.videomake.internal.Operations;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.testlog.LeakScanner;
import io.github.ivhclient.videomake.testlog.TestSecrets;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class IvhTransportExceptionTest {
  private static final String SIGNED_URL = "https://gw.tvs.qq.com/v2/ivh/videomaker/broadcastservice/getprogress"
      + "?appkey=" + TestSecrets.APP_KEY + "&timestamp=1700000000&signature=c2VjcmV0c2lnbmF0dXJl%3D";

  private final LeakScanner scanner = LeakScanner.forTestSecrets();

  @Test
  void aCauseQuotingTheSignedUrlIsMasked() {
    IvhTransportException e = new IvhTransportException(Operations.GET_PROGRESS.id(), true, 2,
        new IOException("unexpected end of stream on " + SIGNED_URL));

    assertThat(e.getMessage())
        .contains("IOException (unexpected end of stream on https://gw.tvs.qq.com/")
        .contains("appkey=****")
        .contains("signature=****")
        .contains("timestamp=1700000000")
        .doesNotContain("c2VjcmV0c2lnbmF0dXJl");
    assertThat(scanner.find(e.getMessage())).isEmpty();
  }

  @Test
  void aCauseWithoutSecretsIsQuotedAsIs() {
    IvhTransportException e = new IvhTransportException(Operations.GET_PROGRESS.id(), false, 1,
        new ConnectException("Failed to connect to /127.0.0.1:9"));

    assertThat(e.getMessage()).isEqualTo(
        "getProgress: the request never reached the server: ConnectException (Failed to connect to /127.0.0.1:9)");
  }

  @Test
  void onlyASubmitWarnsThatATaskMayExist() {
    IOException reset = new IOException("connection reset");

    assertThat(new IvhTransportException(Operations.SUBMIT.id(), true, 1, reset).getMessage())
        .endsWith("; the task may or may not have been created");
    assertThat(new IvhTransportException(Operations.GET_PROGRESS.id(), true, 1, reset).getMessage())
        .doesNotContain("task may or may not");
    assertThat(new IvhTransportException(Operations.SUBMIT.id(), false, 1, reset).getMessage())
        .doesNotContain("task may or may not");
  }
}
