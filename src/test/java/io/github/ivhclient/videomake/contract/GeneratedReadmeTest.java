package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ivhclient.videomake.internal.Rule;
import io.github.ivhclient.videomake.internal.ValidationRules;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** generated-readme.md is what {@link ReferenceDoc} renders from the spec today, and covers all of it. */
class GeneratedReadmeTest {
  private static final Path COMMITTED = Spec.projectDir().resolve(ReferenceDoc.FILE_NAME);

  @Test
  void theCommittedReferenceIsUpToDate() throws IOException {
    String expected = ReferenceDoc.render(Spec.load());
    String committed = Files.exists(COMMITTED)
        ? Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n")
        : "";

    assertThat(committed.equals(expected))
        .as(ReferenceDoc.FILE_NAME + " is stale (it differs from what openapi/ivh-videomake.yaml, the generated and"
            + " facade classes and internal/ValidationRules give)."
            + " Regenerate it with: " + ReferenceDoc.REFRESH_COMMAND)
        .isTrue();
  }

  @Test
  void everyOperationModelFieldAndConstraintIsInTheReference() {
    Spec spec = Spec.load();
    String doc = ReferenceDoc.render(spec);

    for (Spec.Operation operation : spec.operations()) {
      assertThat(doc).contains("### `" + operation.id() + "`", operation.path());
    }
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      assertThat(doc).contains("### `" + schema.getKey() + "`");
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        assertThat(doc).contains("| `" + property.getKey() + "` |");
      }
    }
    assertThat(doc)
        .contains("minimum `0.5`; maximum `1.5`", "minLength `4`; maxLength `2000`; pattern `^[^\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]*$`")
        .contains("maxItems `5`", "maxLength `999`", "maxProperties `0`", "one of `0`, `1`")
        .contains("If `DriverType` is `Text`: `InputSsml`, `SpeechParam`, `SpeechParam.Speed`,"
            + " `SpeechParam.TimbreKey` required.")
        .contains("Otherwise, if `DriverType` is `OriginalVoice`: `InputAudioUrl` required.")
        .contains("when `DriverType` is `Text` (in `VideoMakeNoTrainPayload`)")
        .contains("`VideoMakerApi#videoMakeNoTrain(VideoMakeNoTrainRequest)` returns `Call<VideoMakeNoTrainResponse>`")
        .contains("`IvhEndpoint.MAINLAND`", "`IvhEndpoint.INTERNATIONAL`");
  }

  /** The rules table is rendered from the Rule values: every rule with its severity, paths and source. */
  @Test
  void theRulesTableListsEveryRuleWithTheDocumentsWords() {
    String doc = ReferenceDoc.render(Spec.load());
    assertThat(doc).contains("## Validation rules", ValidationRules.ALL.size() + " rules: ");
    for (Rule rule : ValidationRules.ALL) {
      assertThat(doc).contains("| `" + rule.id() + "` | " + rule.severity().name().toLowerCase(java.util.Locale.ROOT)
          + (rule.wireFormat() ? " (wire format)" : "") + " | `" + rule.paths().get(0) + "`");
      assertThat(doc).contains(rule.source().replace("|", "\\|"));
    }
  }

  /** Only classes of this client: no generated ApiClient, no Gson. */
  @Test
  void theReferenceNamesNoClassThatDoesNotExistHere() {
    String doc = ReferenceDoc.render(Spec.load());

    assertThat(doc).doesNotContain("ApiClient", "Gson", "gson", "JSON.java", "ServerConfiguration");
  }

  /** The failing side: a change to the spec changes the reference, so a stale file is caught. */
  @Test
  void aSpecChangeChangesTheReference() {
    Spec spec = Spec.load();
    String before = ReferenceDoc.render(spec);
    ObjectNode volume = (ObjectNode) spec.root().at("/components/schemas/SpeechParam/properties/Volume");
    volume.put("maximum", 11);

    String after = ReferenceDoc.render(spec);

    assertThat(after).isNotEqualTo(before).contains("maximum `11`");
  }
}
