package io.github.ivhclient.videomake.testlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

class LeakScannerTest {
  private final LeakScanner scanner = LeakScanner.forTestSecrets();

  @Test
  void findsTheTestSecretsPlainAndUrlEncoded() {
    assertThat(scanner.find("token " + TestSecrets.ACCESS_TOKEN)).hasSize(1);
    assertThat(scanner.find("key=" + TestSecrets.APP_KEY)).isNotEmpty();
    assertThat(new LeakScanner(java.util.List.of("a+b/c=")).find("x a%2Bb%2Fc%3D y")).hasSize(1);
  }

  @Test
  void findsUnmaskedSecretParametersButNotMaskedOnes() {
    assertThat(scanner.find("POST /p?appkey=k1&timestamp=1&signature=aCNWYzZd%2B")).hasSize(2);
    assertThat(scanner.find("https://app/cb?ivh_token=abc")).hasSize(1);
    assertThat(scanner.find("POST /p?appkey=****&timestamp=1&signature=****")).isEmpty();
    assertThat(scanner.find("POST /v2/ivh/videomaker/broadcastservice/getprogress -> 200")).isEmpty();
  }

  @Test
  void theSuiteBackendIsTheCapturingOne() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).contains("CapturingServiceProvider");
    long before = CapturedLogs.count();
    LoggerFactory.getLogger("check").trace("a trace line is built and checked too");
    assertThat(CapturedLogs.count()).isEqualTo(before + 1);
  }

  /**
   * Proves the suite-wide check fails the run: {@code mvn test -Divh.test.leakSelfTest=true}
   * must end in a build failure naming this line.
   */
  @Test
  @EnabledIfSystemProperty(named = "ivh.test.leakSelfTest", matches = "true")
  void leakOnPurpose() {
    LoggerFactory.getLogger(LeakScannerTest.class).debug("deliberate leak {}", TestSecrets.ACCESS_TOKEN);
  }
}
