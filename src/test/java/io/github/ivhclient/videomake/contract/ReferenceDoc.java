package io.github.ivhclient.videomake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.squareup.moshi.Json;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhEndpoint;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.Rule;
import io.github.ivhclient.videomake.internal.ValidationRules;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code generated-readme.md}, the reference of the spec: servers, authentication, every
 * operation (with its generated Retrofit method and facade methods), every model and field (wire
 * name, Java type, JSON type, required or when, every constraint, description) and every example.
 *
 * <p>Java names are read by reflection from the generated and facade classes, so the document
 * names only what exists in this client. Output is deterministic: document order, LF line ends.
 *
 * <p>Refresh: {@value #REFRESH_COMMAND}; {@code GeneratedReadmeTest} fails when the committed file
 * differs from what this renders.
 */
public final class ReferenceDoc {
  public static final String FILE_NAME = "generated-readme.md";
  public static final String REFRESH_COMMAND = "mvn -B -Prefresh-docs process-test-classes";

  private static final String BASE = "io.github.ivhclient.videomake";
  private static final String API_PACKAGE = BASE + ".api";
  private static final String MODEL_PACKAGE = BASE + ".model";
  /** The facade methods that run each operation (checked by reflection when rendering). */
  private static final Map<String, List<String>> FACADE = Map.of(
      "videoMakeNoTrain", List.of("submit", "submitAsync", "validate"),
      "getProgress", List.of("getProgress", "getProgressAsync", "waitFor", "waitForAsync"),
      "describeTimbre", List.of("listTimbres", "listTimbresAsync", "timbres"));
  /** The generator's name for the constant an unknown enum value reads as (enumUnknownDefaultCase). */
  private static final String FALLBACK = "unknown_default_open_api";
  private static final List<String> CONSTRAINT_KEYWORDS = List.of("format", "minimum", "maximum", "minLength",
      "maxLength", "pattern", "minItems", "maxItems", "maxProperties", "default");

  private final Spec spec;
  private final StringBuilder out = new StringBuilder();
  /** Schema name -> field -> condition under which an if/then makes it required. */
  private final Map<String, Map<String, String>> conditionallyRequired = new LinkedHashMap<>();

  private ReferenceDoc(Spec spec) {
    this.spec = spec;
  }

  /** Writes {@code generated-readme.md} into the project directory given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path projectDir = args.length > 0 ? Path.of(args[0]) : Spec.projectDir();
    Path target = projectDir.resolve(FILE_NAME);
    Files.writeString(target, render(Spec.load(projectDir.resolve("openapi/ivh-videomake.yaml"))),
        StandardCharsets.UTF_8);
    System.out.println("wrote " + target);
  }

  public static String render(Spec spec) {
    return new ReferenceDoc(spec).document();
  }

  private String document() {
    collectConditionals();
    JsonNode info = spec.root().get("info");
    line("# " + info.get("title").asText() + ": API reference");
    line();
    line("<!-- Generated from openapi/ivh-videomake.yaml by `" + REFRESH_COMMAND + "`. Do not edit:"
        + " the build fails when this file differs from the spec. -->");
    line();
    line("Contract version " + info.get("version").asText() + " (OpenAPI " + spec.root().get("openapi").asText()
        + "). " + info.path("summary").asText());
    line();
    line(info.path("description").asText().strip());
    line();
    contents();
    servers();
    security();
    line("## Operations");
    line();
    for (Spec.Operation operation : spec.operations()) {
      operation(operation);
    }
    line("## Models");
    line();
    line("Generated classes are in `" + MODEL_PACKAGE + "`. Fields are `null` when absent and are then"
        + " left out of the JSON. Enums read an unknown value as their `UNKNOWN_DEFAULT_OPEN_API` /"
        + " `NUMBER_unknown_default_open_api` constant instead of failing; unknown fields are ignored.");
    line();
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      model(schema.getKey(), schema.getValue());
    }
    validationRules();
    return out.toString();
  }

  /** The client's rules, from {@link ValidationRules#ALL}: never written by hand. */
  private void validationRules() {
    List<Rule> rules = ValidationRules.ALL;
    long errors = rules.stream().filter(r -> r.severity() == ValidationIssue.Severity.ERROR).count();
    long wireFormat = rules.stream().filter(Rule::wireFormat).count();
    line("## Validation rules");
    line();
    line("What `IvhClient` checks before a request leaves, rendered from `ValidationRules`. A rule is an error only"
        + " where a sentence of the API document forbids the request; where the document is silent or contradicts"
        + " itself it is a warning that says what the gateway may do. `ValidationMode.WARN_ONLY` reports errors as"
        + " warnings and sends the request, `OFF` checks nothing but the wire format (`ivh submit --validation`);"
        + " the rules marked *wire format* hold in every mode.");
    line();
    line(rules.size() + " rules: " + errors + " errors (" + wireFormat + " of them wire format), "
        + (rules.size() - errors) + " warnings.");
    line();
    line("| Rule | Severity | Wire path(s) | The document's words |");
    line("|---|---|---|---|");
    for (Rule rule : rules) {
      String severity = rule.severity().name().toLowerCase(Locale.ROOT) + (rule.wireFormat() ? " (wire format)" : "");
      line("| `" + rule.id() + "` | " + severity + " | "
          + rule.paths().stream().map(p -> "`" + p + "`").collect(Collectors.joining("<br>"))
          + " | " + cell(rule.source()) + " |");
    }
    line();
  }

  private void contents() {
    line("## Contents");
    line();
    line("- [Servers](#servers)");
    line("- [Authentication](#authentication)");
    line("- [Operations](#operations)");
    for (Spec.Operation operation : spec.operations()) {
      line("  - [`" + operation.id() + "`](#" + anchor(operation.id()) + ")");
    }
    line("- [Models](#models)");
    for (String name : iterable(spec.root().at("/components/schemas").fieldNames())) {
      line("  - [`" + name + "`](#" + anchor(name) + ")");
    }
    line("- [Validation rules](#validation-rules)");
    line();
  }

  private void servers() {
    line("## Servers");
    line();
    line("| URL | Description | Java |");
    line("|---|---|---|");
    for (JsonNode server : spec.root().get("servers")) {
      String url = server.get("url").asText();
      line("| " + url + " | " + cell(server.path("description").asText()) + " | " + endpointConstant(url) + " |");
    }
    line();
  }

  private void security() {
    line("## Authentication");
    line();
    List<String> required = new ArrayList<>();
    spec.root().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
    line("Every operation requires all of: " + required.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "))
        + ". The generated Retrofit methods take no parameter for them: `" + IvhClient.class.getSimpleName()
        + "` adds and signs them on every attempt.");
    line();
    line("| Scheme | Type | In | Parameter | Description |");
    line("|---|---|---|---|---|");
    for (Map.Entry<String, JsonNode> scheme : spec.root().at("/components/securitySchemes").properties()) {
      JsonNode s = scheme.getValue();
      line("| `" + scheme.getKey() + "` | " + s.path("type").asText() + " | " + s.path("in").asText() + " | `"
          + s.path("name").asText() + "` | " + cell(s.path("description").asText()) + " |");
    }
    line();
  }

  private void operation(Spec.Operation operation) {
    line("### `" + operation.id() + "`");
    line();
    line("`" + operation.method().toUpperCase(Locale.ROOT) + " " + operation.path() + "`: "
        + operation.node().path("summary").asText());
    line();
    line(operation.node().path("description").asText().strip());
    line();
    line("| | |");
    line("|---|---|");
    line("| Tag | " + operation.node().path("tags").path(0).asText() + " |");
    line("| Generated method | " + generatedMethod(operation) + " |");
    line("| Facade | " + facadeMethods(operation.id()) + " |");
    JsonNode body = operation.node().path("requestBody");
    line("| Request body | " + typeLink(body.at("/content/application~1json/schema"))
        + (body.path("required").asBoolean() ? " (required)" : "") + ", `application/json` |");
    for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
      line("| Response " + response.getKey() + " | " + typeLink(response.getValue().at("/content/application~1json/schema"))
          + ": " + cell(response.getValue().path("description").asText()) + " |");
    }
    line();
    examples("Request examples", body);
    for (Map.Entry<String, JsonNode> response : operation.node().path("responses").properties()) {
      examples("Response " + response.getKey() + " examples", response.getValue());
    }
    for (Map.Entry<String, JsonNode> callback : operation.node().path("callbacks").properties()) {
      for (Map.Entry<String, JsonNode> expression : callback.getValue().properties()) {
        for (Map.Entry<String, JsonNode> method : expression.getValue().properties()) {
          JsonNode cb = method.getValue();
          line("#### Callback `" + callback.getKey() + "`: `" + method.getKey().toUpperCase(Locale.ROOT) + " "
              + expression.getKey() + "`");
          line();
          line(cb.path("summary").asText() + " " + cb.path("description").asText().strip());
          line();
          line("The gateway calls your server: there is no generated Retrofit method for it. Body: "
              + typeLink(cb.at("/requestBody/content/application~1json/schema")) + ".");
          line();
          for (Map.Entry<String, JsonNode> response : cb.path("responses").properties()) {
            line("Expected answer: " + response.getKey() + ", " + response.getValue().path("description").asText());
            line();
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
    line("**" + title + "**");
    line();
    for (Map.Entry<String, JsonNode> example : examples.properties()) {
      line("- `" + example.getKey() + "`: " + example.getValue().path("summary").asText());
      line();
      line("  ```json");
      for (String jsonLine : prettyJson(example.getValue().get("value")).split("\n")) {
        line("  " + jsonLine);
      }
      line("  ```");
      line();
    }
  }

  private void model(String name, JsonNode schema) {
    line("### `" + name + "`");
    line();
    line(schema.path("description").asText().strip());
    line();
    Class<?> type = modelClass(name);
    if (schema.has("enum")) {
      line("Java: enum `" + MODEL_PACKAGE + "." + name + "`. JSON: " + schema.path("type").asText() + ".");
      line();
      enumTable(schema, type);
      return;
    }
    if (type == null) {
      line("Java: no generated class; fields of this schema are typed `" + javaTypeOfReferencesTo(name) + "`.");
    } else {
      line("Java: `" + type.getName() + "`.");
    }
    line();
    List<String> constraints = constraints(schema);
    if (!constraints.isEmpty()) {
      line("Constraints on the object: " + String.join("; ", constraints) + ".");
      line();
    }
    if (!schema.has("properties")) {
      return;
    }
    line("| Field | Java | JSON type | Required | Constraints | Description |");
    line("|---|---|---|---|---|---|");
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
      line("| `" + wire + "` | " + javaField(type, wire) + " | " + jsonType(p) + " | " + requiredCell + " | "
          + cell(String.join("; ", constraints(p))) + " | "
          + cell(description) + " |");
    }
    line();
    conditionals(schema);
  }

  private void enumTable(JsonNode schema, Class<?> type) {
    line("| JSON value | Java constant |");
    line("|---|---|");
    for (JsonNode value : schema.get("enum")) {
      line("| `" + value.asText() + "` | `" + enumConstant(type, value.asText()) + "` |");
    }
    line("| any other value (read only) | `" + fallbackConstant(type) + "` |");
    line();
  }

  /** The if/then rules of a schema, in words. */
  private void conditionals(JsonNode schema) {
    List<String> rules = new ArrayList<>();
    describeConditional(schema, false, rules);
    if (rules.isEmpty()) {
      return;
    }
    line("Conditional rules (JSON Schema `if`/`then`; the Bean Validation annotations of the generated class"
        + " do not cover them):");
    line();
    rules.forEach(rule -> line("- " + rule));
    line();
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

  private void collectConditionals() {
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      collectConditionals(schema.getKey(), schema.getValue());
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
      return target.has("enum") ? target.path("type").asText() + " ([`" + ref + "`](#" + anchor(ref) + "))"
          : "object ([`" + ref + "`](#" + anchor(ref) + "))";
    }
    String type = property.path("type").asText();
    if (type.equals("array")) {
      JsonNode items = property.get("items");
      String item = Spec.refName(items) != null ? "[`" + Spec.refName(items) + "`](#" + anchor(Spec.refName(items)) + ")"
          : items.path("type").asText();
      return "array of " + item;
    }
    return type;
  }

  private String typeLink(JsonNode schema) {
    String ref = Spec.refName(schema);
    return ref == null ? "inline schema" : "[`" + ref + "`](#" + anchor(ref) + ")";
  }

  // ---- Java names, by reflection

  private static String generatedMethod(Spec.Operation operation) {
    String tag = operation.node().path("tags").path(0).asText();
    String apiName = API_PACKAGE + "." + tag + "Api";
    Class<?> api = load(apiName);
    if (api == null) {
      throw new IllegalStateException("no generated interface " + apiName);
    }
    Method method = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(operation.id())).findFirst()
        .orElseThrow(() -> new IllegalStateException(apiName + " has no method " + operation.id()));
    String params = Arrays.stream(method.getGenericParameterTypes()).map(ReferenceDoc::typeName)
        .collect(Collectors.joining(", "));
    return "`" + api.getSimpleName() + "#" + method.getName() + "(" + params + ")` returns `"
        + typeName(method.getGenericReturnType()) + "` (`" + API_PACKAGE + "`)";
  }

  private static String facadeMethods(String operationId) {
    List<String> names = FACADE.getOrDefault(operationId, List.of());
    List<String> out = new ArrayList<>();
    for (String name : names) {
      Method method = Arrays.stream(IvhClient.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("IvhClient has no method " + name));
      String params = Arrays.stream(method.getGenericParameterTypes()).map(ReferenceDoc::typeName)
          .collect(Collectors.joining(", "));
      out.add("`" + IvhClient.class.getSimpleName() + "#" + name + "(" + params + ")`");
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static String endpointConstant(String url) {
    for (Field field : IvhEndpoint.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == IvhEndpoint.class) {
        try {
          IvhEndpoint endpoint = (IvhEndpoint) field.get(null);
          if (endpoint.baseUri().toString().equals(url + "/")) {
            return "`IvhEndpoint." + field.getName() + "`";
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return "`IvhEndpoint.custom(\"" + url + "\")`";
  }

  private String javaField(Class<?> type, String wire) {
    if (type == null) {
      return "";
    }
    for (Field field : type.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (json != null && json.name().equals(wire)) {
        String getter = "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        try {
          type.getMethod(getter);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type.getName() + " has no " + getter + "()", e);
        }
        Class<?> fieldType = field.getType();
        String enumNote = fieldType.isEnum() && fieldType.getEnclosingClass() != null
            ? " (" + enumConstants(fieldType) + ")" : "";
        return "`" + typeName(field.getGenericType()) + " " + getter + "()`" + enumNote;
      }
    }
    throw new IllegalStateException(type.getName() + " has no field for wire name " + wire);
  }

  private String javaTypeOfReferencesTo(String schemaName) {
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        if (schemaName.equals(Spec.refName(property.getValue()))) {
          Class<?> owner = modelClass(schema.getKey());
          for (Field field : owner.getDeclaredFields()) {
            Json json = field.getAnnotation(Json.class);
            if (json != null && json.name().equals(property.getKey())) {
              return typeName(field.getGenericType());
            }
          }
        }
      }
    }
    throw new IllegalStateException("no generated class and no reference to " + schemaName);
  }

  /** {@code REVERSE_SPLICING = 0, FORWARD_SPLICING = 1} for an inner enum. */
  private static String enumConstants(Class<?> enumType) {
    List<String> out = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      Object value = wireValue(constant);
      if (!isFallback((Enum<?>) constant)) {
        out.add(((Enum<?>) constant).name() + " = " + (value instanceof String ? "\"" + value + "\"" : value));
      }
    }
    return String.join(", ", out);
  }

  private static String enumConstant(Class<?> enumType, String wire) {
    for (Object constant : enumType.getEnumConstants()) {
      if (String.valueOf(wireValue(constant)).equals(wire)) {
        return ((Enum<?>) constant).name();
      }
    }
    throw new IllegalStateException(enumType.getName() + " has no constant for " + wire);
  }

  private static String fallbackConstant(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
        .filter(n -> n.toLowerCase(Locale.ROOT).contains(FALLBACK)).findFirst()
        .orElseThrow(() -> new IllegalStateException(enumType.getName() + " has no unknown-value fallback"));
  }

  private static boolean isFallback(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).contains(FALLBACK);
  }

  private static Object wireValue(Object constant) {
    try {
      return constant.getClass().getMethod("getValue").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> modelClass(String schemaName) {
    return load(MODEL_PACKAGE + "." + schemaName);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ReferenceDoc.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** {@code List<DisableInterval>}, {@code VideoMakeNoTrainPayload.DriverTypeEnum}, {@code Call<X>}. */
  private static String typeName(Type type) {
    if (type instanceof ParameterizedType p) {
      return typeName(p.getRawType()) + "<" + Arrays.stream(p.getActualTypeArguments()).map(ReferenceDoc::typeName)
          .collect(Collectors.joining(", ")) + ">";
    }
    if (type instanceof Class<?> c) {
      return c.getEnclosingClass() == null ? c.getSimpleName() : typeName(c.getEnclosingClass()) + "." + c.getSimpleName();
    }
    return type.getTypeName();
  }

  // ---- text

  private static String prettyJson(JsonNode value) {
    try {
      return Spec.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          .replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A table cell: one line, pipes escaped. */
  private static String cell(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
  }

  /** GitHub's heading anchor for a heading that is just a code span. */
  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  private void line(String text) {
    out.append(text.stripTrailing()).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
