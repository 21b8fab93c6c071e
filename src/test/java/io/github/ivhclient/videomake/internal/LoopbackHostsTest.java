package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackHostsTest {

  @Test
  void loopbackNamesAndLiteralsAreRecognized() {
    assertThat(LoopbackHosts.isLoopback("localhost")).isTrue();
    assertThat(LoopbackHosts.isLoopback("LOCALHOST")).isTrue();
    assertThat(LoopbackHosts.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackHosts.isLoopback("127.9.8.7")).isTrue();
    assertThat(LoopbackHosts.isLoopback("[::1]")).isTrue();
  }

  @Test
  void everythingElseIsNotLoopbackAndNoNameIsResolved() {
    assertThat(LoopbackHosts.isLoopback("10.0.0.1")).isFalse();
    assertThat(LoopbackHosts.isLoopback("[2001:db8::1]")).isFalse();
    assertThat(LoopbackHosts.isLoopback("localhost.example.com")).isFalse();
    assertThat(LoopbackHosts.isLoopback("example.com")).isFalse();
    assertThat(LoopbackHosts.isLoopback("")).isFalse();
    assertThat(LoopbackHosts.isLoopback(null)).isFalse();
  }
}
