package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.model.CallbackRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the spec is valid against its schema under JSON Schema 2020-12, conditionals
 * included (Spectral checks the same in {@code mvn verify}; this runs in {@code mvn test} too).
 */
class SpecExamplesTest {
  private static final Spec SPEC = Spec.load();
  /** 2020-12, told that the OpenAPI-only keywords around the schemas carry no validation. */
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
          .keyword(new NonValidationKeyword("components"))
          .keyword(new NonValidationKeyword("x-enum-varnames"))
          .build()));

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsSchema() {
    assertThat(SPEC.examples()).hasSizeGreaterThanOrEqualTo(14);
    return SPEC.examples().stream().map(example -> DynamicTest.dynamicTest(example.toString(),
        () -> assertThat(errors(example.schema(), example.value())).as(example.toString()).isEmpty()));
  }

  @Test
  void everyOperationHasRequestAndResponseExamples() {
    for (Spec.Operation operation : SPEC.operations()) {
      assertThat(SPEC.examples()).as(operation.id())
          .anyMatch(e -> e.where().equals(operation.id() + " request"))
          .anyMatch(e -> e.where().equals(operation.id() + " response 200"));
    }
    assertThat(SPEC.operation("getProgress").responseExampleNames("200"))
        .contains("queued", "making", "success", "failure");
  }

  /** The callback has no Retrofit method; its examples must still read into the generated model. */
  @Test
  void callbackExamplesReadIntoTheGeneratedModel() throws Exception {
    List<Spec.Example> callbacks = SPEC.examples().stream()
        .filter(e -> e.where().equals("videoResultCallback request")).toList();
    assertThat(callbacks).extracting(Spec.Example::name).containsExactly("success", "failure");

    for (Spec.Example example : callbacks) {
      CallbackRequest parsed = JsonSupport.moshi().adapter(CallbackRequest.class)
          .fromJson(Spec.JSON.writeValueAsString(example.value()));
      assertThat(parsed.getPayload().getTaskId()).isEqualTo(example.value().at("/Payload/TaskId").asText());
      assertThat(parsed.getPayload().getStatus().getValue()).isEqualTo(example.value().at("/Payload/Status").asText());
    }
  }

  /** The failing side: the validator really applies if/then, enums and bounds of the spec. */
  @Test
  void theValidatorRejectsBrokenExamples() {
    JsonNode schema = SPEC.operation("videoMakeNoTrain").requestSchema();
    ObjectNode textDriven = (ObjectNode) example("videoMakeNoTrain request", "textDriven").deepCopy();
    ObjectNode payload = (ObjectNode) textDriven.get("Payload");

    payload.remove("InputSsml");
    assertThat(errors(schema, textDriven)).anyMatch(m -> m.contains("InputSsml"));

    ObjectNode audioDriven = (ObjectNode) example("videoMakeNoTrain request", "audioDriven").deepCopy();
    ((ObjectNode) audioDriven.get("Payload")).remove("InputAudioUrl");
    assertThat(errors(schema, audioDriven)).anyMatch(m -> m.contains("InputAudioUrl"));

    ObjectNode loop = (ObjectNode) example("videoMakeNoTrain request", "audioDriven").deepCopy();
    ((ObjectNode) loop.get("Payload")).put("VideoLoop", 2);
    assertThat(errors(schema, loop)).anyMatch(m -> m.contains("VideoLoop"));

    ObjectNode custom = (ObjectNode) example("videoMakeNoTrain request", "textDriven").deepCopy();
    ObjectNode video = ((ObjectNode) custom.get("Payload")).putObject("VideoParam").put("StartTime", 1.5);
    assertThat(errors(schema, custom)).as("no MakeType: Default, no EndTime needed").isEmpty();
    video.put("MakeType", "Circle");
    assertThat(errors(schema, custom)).as("Circle needs no EndTime").isEmpty();
    video.put("MakeType", "Custom");
    assertThat(errors(schema, custom)).as("Custom without EndTime: the documented default applies").isEmpty();
    video.put("EndTime", "ten seconds");
    assertThat(errors(schema, custom)).anyMatch(m -> m.contains("EndTime"));

    // The response table marks TaskId mandatory: required when Header.Code is 0, not on errors.
    JsonNode created = SPEC.operation("videoMakeNoTrain").responseSchema("200");
    ObjectNode noTaskId = (ObjectNode) example("videoMakeNoTrain response 200", "created").deepCopy();
    ((ObjectNode) noTaskId.get("Payload")).remove("TaskId");
    assertThat(errors(created, noTaskId)).anyMatch(m -> m.contains("TaskId"));
    noTaskId.remove("Payload");
    assertThat(errors(created, noTaskId)).anyMatch(m -> m.contains("Payload"));
    ((ObjectNode) noTaskId.get("Header")).put("Code", 100001);
    assertThat(errors(created, noTaskId)).as("a business error needs no TaskId").isEmpty();

    ObjectNode progress = (ObjectNode) example("getProgress response 200", "making").deepCopy();
    ((ObjectNode) progress.get("Payload")).put("Status", "PAUSED");
    assertThat(errors(SPEC.operation("getProgress").responseSchema("200"), progress))
        .anyMatch(m -> m.contains("Status"));
  }

  private static JsonNode example(String where, String name) {
    return SPEC.examples().stream().filter(e -> e.where().equals(where) && e.name().equals(name))
        .findFirst().orElseThrow().value();
  }

  private static Set<String> errors(JsonNode schema, JsonNode value) {
    JsonSchema validator = FACTORY.getSchema(SPEC.standaloneSchema(schema));
    return validator.validate(value).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }
}
