package io.github.ivhclient.videomake.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.internal.Operations;
import org.junit.jupiter.api.Test;

/** The sandbox serves every operation the client sends, at the paths of the generated interfaces. */
class SandboxCallsTest {

  @Test
  void everyOperationHasASandboxAnswer() {
    assertThat(SandboxCalls.unanswered()).isEmpty();
  }

  @Test
  void thePublicPathsAreTheOperations() {
    assertThat(SandboxGateway.SUBMIT_PATH).isEqualTo("/v2/ivh/videomaker/broadcastservice/videomakenotrain")
        .isEqualTo(Operations.SUBMIT.path());
    assertThat(SandboxGateway.PROGRESS_PATH).isEqualTo("/v2/ivh/videomaker/broadcastservice/getprogress");
    assertThat(SandboxGateway.TIMBRE_PATH).isEqualTo("/v2/ivh/crmserver/customerassetservice/describetimbre");
  }
}
