package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

  @Test
  void reproducesRfc4231TestCase2() {
    HmacSha256 hmac = new HmacSha256("Jefe".getBytes(StandardCharsets.UTF_8));

    assertThat(HexFormat.of().formatHex(hmac.digest("what do ya want for nothing?")))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theKeyIsCopiedAndNeverShown() {
    byte[] key = "Jefe".getBytes(StandardCharsets.UTF_8);
    HmacSha256 hmac = new HmacSha256(key);
    key[0] = 'X';

    assertThat(HexFormat.of().formatHex(hmac.digest("what do ya want for nothing?")))
        .startsWith("5bdcc146");
    assertThat(hmac.toString()).doesNotContain("Jefe");
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> new HmacSha256(null)).hasMessage("key");
    assertThatThrownBy(() -> new HmacSha256(new byte[] {1}).digest(null)).hasMessage("text");
  }
}
