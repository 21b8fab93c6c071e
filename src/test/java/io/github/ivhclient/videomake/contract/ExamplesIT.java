package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every named example of every operation, through the generated interfaces and Moshi: each
 * response example is fetched ({@code Prefer: example=<name>}), parses, and writes back the same
 * JSON (so no field is lost to a wrong wire name or type); each request example is accepted.
 */
@ExtendWith(PrismExtension.class)
class ExamplesIT {
  private static final Spec SPEC = Spec.load();
  /** Numbers compare by value: YAML's 0 and Moshi's 0.0 are the same JSON number. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
      a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

  private static PrismServer prism;

  @BeforeAll
  static void prism(PrismServer server) {
    prism = server;
  }

  @Test
  void everyOperationHasResponseExamples() {
    assertThat(SPEC.operations()).extracting(Spec.Operation::id)
        .containsExactly(ContractCalls.SUBMIT, ContractCalls.PROGRESS, ContractCalls.TIMBRES);
    for (Spec.Operation operation : SPEC.operations()) {
      assertThat(operation.responseExampleNames("200")).as(operation.id()).isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyResponseExampleIsServedAndParses() {
    return SPEC.operations().stream().flatMap(operation -> operation.responseExampleNames("200").stream()
        .map(name -> DynamicTest.dynamicTest(operation.id() + " example " + name, () -> {
          JsonNode expected = SPEC.examples().stream()
              .filter(e -> e.where().equals(operation.id() + " response 200") && e.name().equals(name))
              .findFirst().orElseThrow().value();

          ContractCalls.Result result = ContractCalls.call(prism, ContractClients.http("example=" + name),
              operation.id(), ContractCalls.validRequest(operation.id()));

          assertThat(result.code()).as(result.errorBody()).isEqualTo(200);
          assertThat(Spec.JSON.readTree(result.json()).equals(NUMBERS_BY_VALUE, expected))
              .as("the parsed '%s' written back %s equals the spec's %s", name, result.json(), expected)
              .isTrue();
        })));
  }

  @TestFactory
  Stream<DynamicTest> everyRequestExampleIsAccepted() {
    return SPEC.operations().stream().flatMap(operation -> SPEC.examples().stream()
        .filter(e -> e.where().equals(operation.id() + " request"))
        .map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
          String json = Spec.JSON.writeValueAsString(example.value());

          ContractCalls.Result result = ContractCalls.call(prism, ContractClients.http(), operation.id(), json);

          assertThat(result.code()).as("%s: %s", json, result.errorBody()).isEqualTo(200);
        })));
  }
}
