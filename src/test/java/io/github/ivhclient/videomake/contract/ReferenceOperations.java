package io.github.ivhclient.videomake.contract;

import static io.github.ivhclient.videomake.contract.Markdown.cell;
import static io.github.ivhclient.videomake.contract.Markdown.typeLink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** The reference's section of one operation: method and path, Java methods, bodies, examples, callbacks. */
final class ReferenceOperations {
  private final Markdown md;

  ReferenceOperations(Markdown md) {
    this.md = md;
  }

  void write(Spec.Operation operation) {
    md.line("### `" + operation.id() + "`");
    md.line();
    md.line("`" + operation.method().toUpperCase(Locale.ROOT) + " " + operation.path() + "`: "
        + operation.node().path("summary").asText());
    md.line();
    md.line(operation.node().path("description").asText().strip());
    md.line();
    md.line("| | |");
    md.line("|---|---|");
    md.line("| Tag | " + operation.node().path("tags").path(0).asText() + " |");
    md.line("| Generated method | " + JavaNames.generatedMethod(operation) + " |");
    md.line("| Facade | " + JavaNames.facadeMethods(operation.id()) + " |");
    JsonNode body = operation.node().path("requestBody");
    md.line("| Request body | " + typeLink(body.at("/content/application~1json/schema"))
        + (body.path("required").asBoolean() ? " (required)" : "") + ", `application/json` |");
    for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
      md.line("| Response " + response.getKey() + " | " + typeLink(response.getValue().at("/content/application~1json/schema"))
          + ": " + cell(response.getValue().path("description").asText()) + " |");
    }
    md.line();
    examples("Request examples", body);
    for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
      examples("Response " + response.getKey() + " examples", response.getValue());
    }
    for (Map.Entry<String, JsonNode> callback : operation.node().path("callbacks").properties()) {
      for (Map.Entry<String, JsonNode> expression : callback.getValue().properties()) {
        for (Map.Entry<String, JsonNode> method : expression.getValue().properties()) {
          JsonNode cb = method.getValue();
          md.line("#### Callback `" + callback.getKey() + "`: `" + method.getKey().toUpperCase(Locale.ROOT) + " "
              + expression.getKey() + "`");
          md.line();
          md.line(cb.path("summary").asText() + " " + cb.path("description").asText().strip());
          md.line();
          md.line("The gateway calls your server: there is no generated Retrofit method for it. Body: "
              + typeLink(cb.at("/requestBody/content/application~1json/schema")) + ".");
          md.line();
          for (Map.Entry<String, JsonNode> response : cb.path("responses").properties()) {
            md.line("Expected answer: " + response.getKey() + ", " + response.getValue().path("description").asText());
            md.line();
          }
          examples("Callback examples", cb.path("requestBody"));
        }
      }
    }
  }

  private void examples(String title, JsonNode bodyOrResponse) {
    JsonNode examples = bodyOrResponse.at("/content/application~1json/examples");
    if (examples.isMissingNode() || examples.isEmpty()) {
      return;
    }
    md.line("**" + title + "**");
    md.line();
    for (Map.Entry<String, JsonNode> example : examples.properties()) {
      md.line("- `" + example.getKey() + "`: " + example.getValue().path("summary").asText());
      md.line();
      md.line("  ```json");
      for (String jsonLine : prettyJson(example.getValue().get("value")).split("\n")) {
        md.line("  " + jsonLine);
      }
      md.line("  ```");
      md.line();
    }
  }

  private static String prettyJson(JsonNode value) {
    try {
      return Spec.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          .replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
