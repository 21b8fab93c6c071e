package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.internal.Idempotency;
import io.github.ivhclient.videomake.internal.Operation;
import io.github.ivhclient.videomake.internal.Operations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's operation table against the OpenAPI document: one entry per path, at that path. */
class OperationsTest {
  private static final Spec SPEC = Spec.load();

  @Test
  void everyOperationOfTheDocumentHasOneEntryAtItsPath() {
    List<String> documented = SPEC.operations().stream().map(o -> o.method() + " " + o.path() + " " + o.id()).toList();
    List<String> described = Operations.ALL.stream().map(o -> "post " + o.path() + " " + o.id()).toList();

    assertThat(described).containsExactlyElementsOf(documented);
  }

  @Test
  void onlyTheSubmitCreatesATask() {
    assertThat(Operations.ALL).filteredOn(o -> o.idempotency() == Idempotency.NOT_IDEMPOTENT)
        .extracting(Operation::id).containsExactly("videoMakeNoTrain");
    assertThat(Idempotency.of("videoMakeNoTrain")).isEqualTo(Idempotency.NOT_IDEMPOTENT);
    assertThat(Idempotency.of("getProgress")).isEqualTo(Idempotency.READ_ONLY);
    assertThat(Idempotency.of("noSuchOperation")).isEqualTo(Idempotency.READ_ONLY);
  }
}
