package io.github.ivhclient.videomake.contract;

import static io.github.ivhclient.videomake.contract.Markdown.cell;
import static io.github.ivhclient.videomake.contract.Markdown.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.moshi.Json;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's section of one schema: its generated class, a table of its fields (wire name,
 * Java getter, JSON type, required or when, constraints, description), its enum constants and its
 * {@code if}/{@code then} rules in words (the generator drops those).
 */
final class ReferenceModels {
  private static final List<String> CONSTRAINT_KEYWORDS = List.of("format", "minimum", "maximum", "minLength",
      "maxLength", "pattern", "minItems", "maxItems", "maxProperties", "default");

  private final Spec spec;
  private final Markdown md;
  /** Schema name -> field -> condition under which an if/then makes it required. */
  private final Map<String, Map<String, String>> conditionallyRequired = new LinkedHashMap<>();

  ReferenceModels(Spec spec, Markdown md) {
    this.spec = spec;
    this.md = md;
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      collectConditionals(schema.getKey(), schema.getValue());
    }
  }

  void write(String name, JsonNode schema) {
    md.line("### `" + name + "`");
    md.line();
    md.line(schema.path("description").asText().strip());
    md.line();
    Class<?> type = JavaNames.modelClass(name);
    if (schema.has("enum")) {
      md.line("Java: enum `" + JavaNames.MODEL_PACKAGE + "." + name + "`. JSON: " + schema.path("type").asText() + ".");
      md.line();
      enumTable(schema, type);
      return;
    }
    if (type == null) {
      md.line("Java: no generated class; fields of this schema are typed `" + javaTypeOfReferencesTo(name) + "`.");
    } else {
      md.line("Java: `" + type.getName() + "`.");
    }
    md.line();
    List<String> constraints = constraints(schema);
    if (!constraints.isEmpty()) {
      md.line("Constraints on the object: " + String.join("; ", constraints) + ".");
      md.line();
    }
    if (!schema.has("properties")) {
      return;
    }
    md.line("| Field | Java | JSON type | Required | Constraints | Description |");
    md.line("|---|---|---|---|---|---|");
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    Map<String, String> conditional = conditionallyRequired.getOrDefault(name, Map.of());
    for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
      String wire = property.getKey();
      JsonNode p = property.getValue();
      JsonNode resolved = spec.resolve(p);
      String requiredCell = required.contains(wire) ? "yes"
          : conditional.containsKey(wire) ? "when " + conditional.get(wire) : "no";
      String description = p.has("description") ? p.get("description").asText()
          : Spec.refName(p) != null ? resolved.path("description").asText() : "";
      md.line("| `" + wire + "` | " + JavaNames.javaField(type, wire) + " | " + jsonType(p) + " | " + requiredCell + " | "
          + cell(String.join("; ", constraints(p))) + " | "
          + cell(description) + " |");
    }
    md.line();
    conditionals(schema);
  }

  private void enumTable(JsonNode schema, Class<?> type) {
    md.line("| JSON value | Java constant |");
    md.line("|---|---|");
    for (JsonNode value : schema.get("enum")) {
      md.line("| `" + value.asText() + "` | `" + JavaNames.enumConstant(type, value.asText()) + "` |");
    }
    md.line("| any other value (read only) | `" + JavaNames.fallbackConstant(type) + "` |");
    md.line();
  }

  /** The if/then rules of a schema, in words. */
  private void conditionals(JsonNode schema) {
    List<String> rules = new ArrayList<>();
    describeConditional(schema, false, rules);
    if (rules.isEmpty()) {
      return;
    }
    md.line("Conditional rules (JSON Schema `if`/`then`; the Bean Validation annotations of the generated class"
        + " do not cover them):");
    md.line();
    rules.forEach(rule -> md.line("- " + rule));
    md.line();
  }

  private void describeConditional(JsonNode schema, boolean otherwise, List<String> rules) {
    if (!schema.has("if")) {
      return;
    }
    String when = condition(schema.get("if"));
    JsonNode then = schema.path("then");
    List<String> needs = new ArrayList<>();
    then.path("required").forEach(r -> needs.add("`" + r.asText() + "`"));
    for (Map.Entry<String, JsonNode> nested : then.path("properties").properties()) {
      List<String> inner = new ArrayList<>();
      nested.getValue().path("required").forEach(r -> inner.add("`" + nested.getKey() + "." + r.asText() + "`"));
      needs.addAll(inner);
    }
    rules.add((otherwise ? "Otherwise, if " : "If ") + when + ": " + String.join(", ", needs) + " required.");
    if (schema.has("else")) {
      describeConditional(schema.get("else"), true, rules);
    }
  }

  private void collectConditionals(String name, JsonNode schema) {
    if (!schema.has("if")) {
      return;
    }
    String when = condition(schema.get("if"));
    JsonNode then = schema.path("then");
    then.path("required").forEach(r -> conditionallyRequired.computeIfAbsent(name, k -> new LinkedHashMap<>())
        .put(r.asText(), when));
    for (Map.Entry<String, JsonNode> nested : then.path("properties").properties()) {
      String target = Spec.refName(schema.at("/properties/" + nested.getKey()));
      nested.getValue().path("required").forEach(r -> conditionallyRequired
          .computeIfAbsent(target, k -> new LinkedHashMap<>())
          .put(r.asText(), when + " (in `" + name + "`)"));
    }
    if (schema.has("else")) {
      collectConditionals(name, schema.get("else"));
    }
  }

  private static String condition(JsonNode ifSchema) {
    List<String> parts = new ArrayList<>();
    constants(ifSchema, "", parts);
    return parts.isEmpty() ? "`" + ifSchema + "`" : String.join(" and ", parts);
  }

  /** The properties an {@code if} tests against constants, nested ones as {@code Header.Code}. */
  private static void constants(JsonNode schema, String prefix, List<String> parts) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = prefix + property.getKey();
      if (property.getValue().has("const")) {
        parts.add("`" + name + "` is `" + property.getValue().get("const").asText() + "`");
      } else {
        constants(property.getValue(), name + ".", parts);
      }
    }
  }

  private List<String> constraints(JsonNode schema) {
    List<String> out = new ArrayList<>();
    for (String keyword : CONSTRAINT_KEYWORDS) {
      if (schema.has(keyword)) {
        out.add(keyword + " `" + schema.get(keyword).asText() + "`");
      }
    }
    if (schema.has("enum")) {
      out.add("one of " + joinValues(schema.get("enum")));
    }
    JsonNode items = schema.path("items");
    if (items.has("enum")) {
      out.add("items one of " + joinValues(items.get("enum")));
    }
    return out;
  }

  private static String joinValues(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add("`" + v.asText() + "`"));
    return String.join(", ", out);
  }

  private String jsonType(JsonNode property) {
    String ref = Spec.refName(property);
    if (ref != null) {
      JsonNode target = spec.resolve(property);
      return target.has("enum") ? target.path("type").asText() + " (" + link(ref) + ")" : "object (" + link(ref) + ")";
    }
    String type = property.path("type").asText();
    if (type.equals("array")) {
      JsonNode items = property.get("items");
      String item = Spec.refName(items) != null ? link(Spec.refName(items)) : items.path("type").asText();
      return "array of " + item;
    }
    return type;
  }

  private String javaTypeOfReferencesTo(String schemaName) {
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        if (schemaName.equals(Spec.refName(property.getValue()))) {
          Class<?> owner = JavaNames.modelClass(schema.getKey());
          for (Field field : owner.getDeclaredFields()) {
            Json json = field.getAnnotation(Json.class);
            if (json != null && json.name().equals(property.getKey())) {
              return JavaNames.typeName(field.getGenericType());
            }
          }
        }
      }
    }
    throw new IllegalStateException("no generated class and no reference to " + schemaName);
  }
}
