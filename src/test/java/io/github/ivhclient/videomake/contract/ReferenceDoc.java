package io.github.ivhclient.videomake.contract;

import static io.github.ivhclient.videomake.contract.Markdown.anchor;
import static io.github.ivhclient.videomake.contract.Markdown.cell;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.Rule;
import io.github.ivhclient.videomake.internal.ValidationRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>Why not OpenAPI Generator's own documentation output ({@code markdown}, or the java generator's
 * model and api docs): the generator drops the spec's {@code if}/{@code then} rules, knows nothing of
 * the facade methods each operation runs or of the client's validation rules, and writes one file
 * per model and api; those are what this reference adds. The sections are rendered by
 * {@link ReferenceOperations} and {@link ReferenceModels}, the Java names read by {@link JavaNames}.
 *
 * <p>Refresh: {@value #REFRESH_COMMAND}; {@code GeneratedReadmeTest} fails when the committed file
 * differs from what this renders.
 */
public final class ReferenceDoc {
  public static final String FILE_NAME = "generated-readme.md";
  public static final String REFRESH_COMMAND = "mvn -B -Prefresh-docs process-test-classes";

  private final Spec spec;
  private final Markdown md = new Markdown();

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
    ReferenceOperations operations = new ReferenceOperations(md);
    ReferenceModels models = new ReferenceModels(spec, md);
    JsonNode info = spec.root().get("info");
    md.line("# " + info.get("title").asText() + ": API reference");
    md.line();
    md.line("<!-- Generated from openapi/ivh-videomake.yaml by `" + REFRESH_COMMAND + "`. Do not edit:"
        + " the build fails when this file differs from the spec. -->");
    md.line();
    md.line("Contract version " + info.get("version").asText() + " (OpenAPI " + spec.root().get("openapi").asText()
        + "). " + info.path("summary").asText());
    md.line();
    md.line(info.path("description").asText().strip());
    md.line();
    contents();
    servers();
    security();
    md.line("## Operations");
    md.line();
    for (Spec.Operation operation : spec.operations()) {
      operations.write(operation);
    }
    md.line("## Models");
    md.line();
    md.line("Generated classes are in `" + JavaNames.MODEL_PACKAGE + "`. Fields are `null` when absent and are then"
        + " left out of the JSON. Enums read an unknown value as their `UNKNOWN_DEFAULT_OPEN_API` /"
        + " `NUMBER_unknown_default_open_api` constant instead of failing; unknown fields are ignored.");
    md.line();
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      models.write(schema.getKey(), schema.getValue());
    }
    validationRules();
    return md.toString();
  }

  /** The client's rules, from {@link ValidationRules#ALL}: never written by hand. */
  private void validationRules() {
    List<Rule> rules = ValidationRules.ALL;
    long errors = rules.stream().filter(r -> r.severity() == ValidationIssue.Severity.ERROR).count();
    long wireFormat = rules.stream().filter(Rule::wireFormat).count();
    md.line("## Validation rules");
    md.line();
    md.line("What `IvhClient` checks before a request leaves, rendered from `ValidationRules`. A rule is an error only"
        + " where a sentence of the API document forbids the request; where the document is silent or contradicts"
        + " itself it is a warning that says what the gateway may do. `ValidationMode.WARN_ONLY` reports errors as"
        + " warnings and sends the request, `OFF` checks nothing but the wire format (`ivh submit --validation`);"
        + " the rules marked *wire format* hold in every mode.");
    md.line();
    md.line(rules.size() + " rules: " + errors + " errors (" + wireFormat + " of them wire format), "
        + (rules.size() - errors) + " warnings.");
    md.line();
    md.line("| Rule | Severity | Wire path(s) | The document's words |");
    md.line("|---|---|---|---|");
    for (Rule rule : rules) {
      String severity = rule.severity().name().toLowerCase(Locale.ROOT) + (rule.wireFormat() ? " (wire format)" : "");
      md.line("| `" + rule.id() + "` | " + severity + " | "
          + rule.paths().stream().map(p -> "`" + p + "`").collect(Collectors.joining("<br>"))
          + " | " + cell(rule.source()) + " |");
    }
    md.line();
  }

  private void contents() {
    md.line("## Contents");
    md.line();
    md.line("- [Servers](#servers)");
    md.line("- [Authentication](#authentication)");
    md.line("- [Operations](#operations)");
    for (Spec.Operation operation : spec.operations()) {
      md.line("  - [`" + operation.id() + "`](#" + anchor(operation.id()) + ")");
    }
    md.line("- [Models](#models)");
    for (String name : iterable(spec.root().at("/components/schemas").fieldNames())) {
      md.line("  - [`" + name + "`](#" + anchor(name) + ")");
    }
    md.line("- [Validation rules](#validation-rules)");
    md.line();
  }

  private void servers() {
    md.line("## Servers");
    md.line();
    md.line("| URL | Description | Java |");
    md.line("|---|---|---|");
    for (JsonNode server : spec.root().get("servers")) {
      String url = server.get("url").asText();
      md.line("| " + url + " | " + cell(server.path("description").asText()) + " | " + JavaNames.endpointConstant(url) + " |");
    }
    md.line();
  }

  private void security() {
    md.line("## Authentication");
    md.line();
    List<String> required = new ArrayList<>();
    spec.root().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
    md.line("Every operation requires all of: " + required.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "))
        + ". The generated Retrofit methods take no parameter for them: `" + IvhClient.class.getSimpleName()
        + "` adds and signs them on every attempt.");
    md.line();
    md.line("| Scheme | Type | In | Parameter | Description |");
    md.line("|---|---|---|---|---|");
    for (Map.Entry<String, JsonNode> scheme : spec.root().at("/components/securitySchemes").properties()) {
      JsonNode s = scheme.getValue();
      md.line("| `" + scheme.getKey() + "` | " + s.path("type").asText() + " | " + s.path("in").asText() + " | `"
          + s.path("name").asText() + "` | " + cell(s.path("description").asText()) + " |");
    }
    md.line();
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
