package io.github.ivhclient.videomake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a body the tree would neither refuse nor rewrite skips it. */
class PlainJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Header\":{\"Code\":0},\"Payload\":{\"Status\":\"MAKING\",\"Progress\":40,\"Items\":[{\"A\":1},{\"A\":2}]}}",
      "{\"Header\":{\"Code\":0},\"Payload\":{\"Progress\":4.0e1}}",
      "{\"Progress\":42.5,\"Payload\":{\"Other\":{\"Progress\":1.5}}}",
      "[1,2,{\"a\":1}]",
      "\"text\""})
  void plainBodiesSkipTheTree(String json) {
    assertThat(PlainJson.test(json)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Header\":{\"Code\":0},\"Header\":{\"Code\":1}}",
      "{\"Payload\":{\"Status\":\"MAKING\",\"Status\":\"SUCCESS\"}}",
      "{\"Payload\":{\"List\":[{\"A\":1,\"A\":2}]}}",
      "{\"Payload\":{\"Progress\":42.5}}",
      "{\"Payload\":{\"Progress\":1e400}}",
      "{\"Header\":{}} trailing",
      "{\"Header\":",
      "not json",
      ""})
  void anythingElseGoesThroughTheTree(String json) {
    assertThat(PlainJson.test(json)).isFalse();
  }
}
