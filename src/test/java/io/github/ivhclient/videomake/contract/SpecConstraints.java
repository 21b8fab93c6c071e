package io.github.ivhclient.videomake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every constraint a request schema of the spec states, found by walking it: bounds, lengths,
 * patterns, enums, item and property counts, required fields, and the required fields that
 * {@code if}/{@code then} add under a condition. The contract tests must cover exactly this list,
 * so a constraint added to the spec without a test fails the build.
 */
final class SpecConstraints {
  /** The JSON Schema keywords that reject a value (besides {@code required} and conditionals). */
  private static final List<String> KEYWORDS = List.of("minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "enum", "const", "minItems",
      "maxItems", "uniqueItems", "minProperties", "maxProperties");

  private SpecConstraints() {}

  /**
   * One constraint: the wire path it concerns ({@code Payload.SpeechParam.Speed}, items of an
   * array as {@code []}), the keyword, and the condition under which it applies (or null).
   */
  record Constraint(String path, String keyword, String condition) {
    String key() {
      return path + " " + keyword + (condition == null ? "" : " when " + condition);
    }
  }

  static List<Constraint> ofRequest(Spec spec, Spec.Operation operation) {
    List<Constraint> out = new ArrayList<>();
    walk(spec, operation.requestSchema(), "", null, out);
    return out;
  }

  private static void walk(Spec spec, JsonNode node, String path, String condition, List<Constraint> out) {
    JsonNode schema = spec.resolve(node);
    for (String keyword : KEYWORDS) {
      if (schema.has(keyword)) {
        out.add(new Constraint(path, keyword, condition));
      }
    }
    for (JsonNode name : schema.path("required")) {
      out.add(new Constraint(join(path, name.asText()), "required", condition));
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      walk(spec, property.getValue(), join(path, property.getKey()), condition, out);
    }
    if (schema.has("items")) {
      walk(spec, schema.get("items"), path + "[]", condition, out);
    }
    if (schema.has("if")) {
      String when = describe(schema.get("if"));
      if (schema.has("then")) {
        walk(spec, schema.get("then"), path, when, out);
      }
      if (schema.has("else")) {
        walk(spec, schema.get("else"), path, "not " + when, out);
      }
    }
  }

  /** {@code DriverType=Text} for an {@code if} that tests properties against constants. */
  private static String describe(JsonNode ifSchema) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : ifSchema.path("properties").properties()) {
      if (property.getValue().has("const")) {
        parts.add(property.getKey() + "=" + property.getValue().get("const").asText());
      }
    }
    return parts.isEmpty() ? ifSchema.toString() : String.join(" and ", parts);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
