package io.github.ivhclient.videomake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The OpenAPI document as a tree, for tests and the reference-doc generator. */
public final class Spec {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final JsonNode root;

  private Spec(JsonNode root) {
    this.root = root;
  }

  /** The project's spec, {@code openapi/ivh-videomake.yaml} under Maven's {@code basedir}. */
  public static Spec load() {
    return load(projectDir().resolve("openapi/ivh-videomake.yaml"));
  }

  public static Spec load(Path file) {
    try {
      return new Spec(new YAMLMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static Path projectDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  public JsonNode root() {
    return root;
  }

  /** Follows {@code $ref}s (local ones only, as the spec has). */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current != null && current.has("$ref")) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** The component schema's name if the node is a {@code $ref} to one, else null. */
  public static String refName(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return null;
    }
    String ref = node.get("$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** A stand-alone JSON Schema 2020-12 document for a schema of the spec (its $refs still resolve). */
  public ObjectNode standaloneSchema(JsonNode schema) {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$schema", SCHEMA_DIALECT);
    wrapper.setAll((ObjectNode) schema.deepCopy());
    wrapper.set("components", root.get("components").deepCopy());
    return wrapper;
  }

  /** Every operation under {@code paths}, in document order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        operations.add(new Operation(method.getValue().get("operationId").asText(), method.getKey(), path.getKey(),
            method.getValue()));
      }
    }
    return operations;
  }

  public Operation operation(String operationId) {
    return operations().stream().filter(o -> o.id().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /**
   * Every named example of the document with the schema it must match: request bodies, responses
   * and callback request bodies, in document order.
   */
  public List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    for (Operation operation : operations()) {
      collect(operation.id() + " request", operation.node().path("requestBody"), examples);
      for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
        collect(operation.id() + " response " + response.getKey(), response.getValue(), examples);
      }
      for (Map.Entry<String, JsonNode> callback : operation.node().path("callbacks").properties()) {
        for (JsonNode expression : callback.getValue()) {
          for (Map.Entry<String, JsonNode> method : expression.properties()) {
            String id = method.getValue().path("operationId").asText(callback.getKey());
            collect(id + " request", method.getValue().path("requestBody"), examples);
          }
        }
      }
    }
    return examples;
  }

  private static void collect(String where, JsonNode bodyOrResponse, List<Example> into) {
    for (Map.Entry<String, JsonNode> media : bodyOrResponse.path("content").properties()) {
      JsonNode schema = media.getValue().get("schema");
      for (Map.Entry<String, JsonNode> example : media.getValue().path("examples").properties()) {
        into.add(new Example(where, example.getKey(), example.getValue().path("summary").asText(),
            example.getValue().get("value"), schema));
      }
    }
  }

  /** One operation: its id, HTTP method, path and OpenAPI node. */
  public record Operation(String id, String method, String path, JsonNode node) {
    public JsonNode requestSchema() {
      return node.path("requestBody").path("content").path("application/json").get("schema");
    }

    public JsonNode responseSchema(String status) {
      return node.path("responses").path(status).path("content").path("application/json").get("schema");
    }

    /** Named examples of the response with this status, in document order. */
    public List<String> responseExampleNames(String status) {
      List<String> names = new ArrayList<>();
      node.path("responses").path(status).path("content").path("application/json").path("examples")
          .fieldNames().forEachRemaining(names::add);
      return names;
    }
  }

  /** A named example, where it is ({@code getProgress response 200}), and the schema it must match. */
  public record Example(String where, String name, String summary, JsonNode value, JsonNode schema) {
    @Override
    public String toString() {
      return where + " example '" + name + "'";
    }
  }
}
