package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ivhclient.videomake.model.DescribeTimbreResponse;
import io.github.ivhclient.videomake.model.GetProgressResponse;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Responses Prism invents from the schemas ({@code Prefer: dynamic=true}) parse without error:
 * {@value #RESPONSES} per operation, each with its own fixed seed (1..{@value #RESPONSES}), so a
 * run is reproducible and a failure names the seed that reproduces it.
 */
@ExtendWith(PrismExtension.class)
class DynamicResponsesIT {
  static final int RESPONSES = 100;

  private static PrismServer prism;

  @BeforeAll
  static void prism(PrismServer server) {
    prism = server;
  }

  @TestFactory
  Stream<DynamicTest> dynamicResponsesParse() {
    return Stream.of(ContractCalls.SUBMIT, ContractCalls.PROGRESS, ContractCalls.TIMBRES)
        .map(operation -> DynamicTest.dynamicTest(operation + ": " + RESPONSES + " seeded responses", () -> {
          Set<String> distinct = new HashSet<>();
          for (int seed = 1; seed <= RESPONSES; seed++) {
            ContractCalls.Result result = ContractCalls.call(prism,
                ContractClients.http("dynamic=true, seed=" + seed), operation, ContractCalls.validRequest(operation));

            assertThat(result.code()).as("seed %d: %s", seed, result.errorBody()).isEqualTo(200);
            assertThat(header(result.body())).as("seed %d: Header of %s", seed, result.json()).isNotNull();
            distinct.add(result.json());
          }
          // Seeds really vary the answers (a fixed server seed alone would repeat one answer).
          assertThat(distinct).hasSizeGreaterThan(RESPONSES * 9 / 10);
        }));
  }

  private static Object header(Object body) {
    if (body instanceof VideoMakeNoTrainResponse r) {
      return r.getHeader();
    }
    if (body instanceof GetProgressResponse r) {
      return r.getHeader();
    }
    if (body instanceof DescribeTimbreResponse r) {
      return r.getHeader();
    }
    throw new IllegalArgumentException(String.valueOf(body));
  }
}
