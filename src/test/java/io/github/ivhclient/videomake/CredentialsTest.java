package io.github.ivhclient.videomake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A missing credential names the environment variable a consumer most likely forgot to set. */
class CredentialsTest {

  @Test
  void aNullAppKeyFromAnUnsetVariableNamesIt() {
    assertThatThrownBy(() -> IvhClient.builder().appKey(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appKey is null: System.getenv(\"IVH_APPKEY\") gives null when IVH_APPKEY (the environment"
            + " variable the ivh command line reads) is not set");
    assertThatThrownBy(() -> IvhClient.builder().accessToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("System.getenv(\"IVH_ACCESS_TOKEN\")").hasMessageContaining("is not set");
  }

  @Test
  void aBlankCredentialSaysTheVariableIsEmpty() {
    assertThatThrownBy(() -> IvhClient.builder().appKey(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appKey is blank: is IVH_APPKEY (the environment variable the ivh command line reads) set"
            + " to an empty value?");
    assertThatThrownBy(() -> IvhClient.builder().accessToken("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessToken is blank").hasMessageContaining("IVH_ACCESS_TOKEN");
  }

  @Test
  void buildingWithoutACredentialIsAnIllegalState() {
    assertThatThrownBy(() -> IvhClient.builder().accessToken("token").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("appKey was not given: call appKey(…) before build(), e.g. with System.getenv(\"IVH_APPKEY\")"
            + " for IVH_APPKEY (the environment variable the ivh command line reads)");
    assertThatThrownBy(() -> IvhClient.builder().appKey("key").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("IVH_ACCESS_TOKEN");
  }

  @Test
  void theVariableNamesArePublicForConsumers() {
    assertThat(IvhClient.ENV_APPKEY).isEqualTo("IVH_APPKEY");
    assertThat(IvhClient.ENV_ACCESS_TOKEN).isEqualTo("IVH_ACCESS_TOKEN");
  }

  @Test
  void aValidPairBuilds() {
    try (IvhClient client = IvhClient.builder().appKey("key").accessToken("token").build()) {
      assertThat(client.toString()).doesNotContain("token");
    }
  }
}
