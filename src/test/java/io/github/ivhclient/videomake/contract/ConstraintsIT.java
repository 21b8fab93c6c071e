package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.RequestSigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For every constraint of every request schema in the spec, one request that breaks it is
 * rejected by Prism with 422 naming that field and rule, and the matching valid request is
 * accepted. The requests go through the generated Retrofit interfaces and models (built from JSON
 * with {@link JsonSupport#moshi()}), signed like the facade signs them.
 *
 * <p>{@link #theTableCoversEveryConstraintOfTheSpec()} keeps the table complete: it must list
 * exactly the constraints {@link SpecConstraints} finds in the spec.
 */
@ExtendWith(PrismExtension.class)
class ConstraintsIT {
  private static final Spec SPEC = Spec.load();
  private static final String SUBMIT = ContractCalls.SUBMIT;
  private static final String PROGRESS = ContractCalls.PROGRESS;
  private static final String TIMBRES = ContractCalls.TIMBRES;
  private static final String URL = "https://cdn.example.com/";

  private static final Map<String, List<Case>> TABLE = new LinkedHashMap<>();

  static {
    // --- videoMakeNoTrain: the envelope
    add(SUBMIT, "Header", "required", remove("Header"), none());
    add(SUBMIT, "Payload", "required", remove("Payload"), none());
    add(SUBMIT, "Header", "maxProperties", set("Header.Extra", 1), none());
    // --- Payload
    add(SUBMIT, "Payload.RefVideoUrl", "required", remove("Payload.RefVideoUrl"), none());
    add(SUBMIT, "Payload.DriverType", "required", remove("Payload.DriverType"), none());
    add(SUBMIT, "Payload.RefVideoUrl", "pattern",
        set("Payload.RefVideoUrl", "ftp://cdn.example.com/t.mp4"), set("Payload.RefVideoUrl", "HTTP://h/t.mp4"));
    add(SUBMIT, "Payload.DriverType", "enum",
        set("Payload.DriverType", "ModulatedVoice"), set("Payload.DriverType", "OriginalVoice"));
    urlPattern("Payload.IdentityWrittenUrl");
    urlPattern("Payload.IdentityVideoUrl");
    urlPattern("Payload.InputAudioUrl");
    urlPattern("Payload.CallbackUrl");
    urlPattern("Payload.VideoParam.RefPhotoUrl");
    add(SUBMIT, "Payload.InputSsml", "minLength",
        set("Payload.InputSsml", "abc"), set("Payload.InputSsml", "abcd"));
    // Code points, not UTF-16 units: 2000 emoji are 4000 chars in Java and valid.
    add(SUBMIT, "Payload.InputSsml", "maxLength",
        set("Payload.InputSsml", "a".repeat(2001)), set("Payload.InputSsml", "\uD83D\uDE00".repeat(2000)));
    add(SUBMIT, "Payload.InputSsml", "pattern",
        set("Payload.InputSsml", "first line\u2028second line"), set("Payload.InputSsml", "one line\tonly"));
    add(SUBMIT, "Payload.ConcurrencyType", "enum",
        set("Payload.ConcurrencyType", "Dedicated"), set("Payload.ConcurrencyType", "")); // "Leave blank"
    flag("Payload.VideoLoop");
    flag("Payload.VideoParametersConsistent");
    add(SUBMIT, "Payload.CallbackUrl", "maxLength",
        set("Payload.CallbackUrl", callbackUrl(1000)), set("Payload.CallbackUrl", callbackUrl(999)));
    // --- the conditionals: the valid twin lacks the same field under the other DriverType
    add(SUBMIT, "Payload.InputSsml", "required", "DriverType=Text",
        remove("Payload.InputSsml"), both(remove("Payload.InputSsml"), set("Payload.DriverType", "OriginalVoice")));
    add(SUBMIT, "Payload.SpeechParam", "required", "DriverType=Text",
        remove("Payload.SpeechParam"), both(remove("Payload.SpeechParam"), set("Payload.DriverType", "OriginalVoice")));
    add(SUBMIT, "Payload.SpeechParam.Speed", "required", "DriverType=Text",
        remove("Payload.SpeechParam.Speed"),
        both(remove("Payload.SpeechParam.Speed"), set("Payload.DriverType", "OriginalVoice")));
    add(SUBMIT, "Payload.SpeechParam.TimbreKey", "required", "DriverType=Text",
        remove("Payload.SpeechParam.TimbreKey"),
        both(remove("Payload.SpeechParam.TimbreKey"), set("Payload.DriverType", "OriginalVoice")));
    add(SUBMIT, "Payload.InputAudioUrl", "required", "DriverType=OriginalVoice",
        both(remove("Payload.InputAudioUrl"), set("Payload.DriverType", "OriginalVoice")),
        remove("Payload.InputAudioUrl"));
    // --- SpeechParam
    add(SUBMIT, "Payload.SpeechParam.Speed", "minimum",
        set("Payload.SpeechParam.Speed", 0.49), set("Payload.SpeechParam.Speed", 0.5));
    add(SUBMIT, "Payload.SpeechParam.Speed", "maximum",
        set("Payload.SpeechParam.Speed", 1.51), set("Payload.SpeechParam.Speed", 1.5));
    add(SUBMIT, "Payload.SpeechParam.Volume", "minimum",
        set("Payload.SpeechParam.Volume", -1), set("Payload.SpeechParam.Volume", 0));
    add(SUBMIT, "Payload.SpeechParam.Volume", "maximum",
        set("Payload.SpeechParam.Volume", 11), set("Payload.SpeechParam.Volume", 10));
    add(SUBMIT, "Payload.SpeechParam.EmotionIntensity", "minimum",
        set("Payload.SpeechParam.EmotionIntensity", 49), set("Payload.SpeechParam.EmotionIntensity", 50));
    add(SUBMIT, "Payload.SpeechParam.EmotionIntensity", "maximum",
        set("Payload.SpeechParam.EmotionIntensity", 201), set("Payload.SpeechParam.EmotionIntensity", 200));
    // --- VideoParam
    flag("Payload.VideoParam.DisableIdDetect");
    flag("Payload.VideoParam.DisableOcclusionDetect");
    flag("Payload.VideoParam.EnableFakeTeeth");
    add(SUBMIT, "Payload.VideoParam.MakeType", "enum",
        set("Payload.VideoParam.MakeType", "Loop"), set("Payload.VideoParam.MakeType", "CustomOnlyStart"));
    add(SUBMIT, "Payload.VideoParam.DisableIntervals", "maxItems", intervals(6), intervals(5));

    // --- getProgress
    add(PROGRESS, "Header", "required", remove("Header"), none());
    add(PROGRESS, "Payload", "required", remove("Payload"), none());
    add(PROGRESS, "Header", "maxProperties", set("Header.Extra", "x"), none());
    add(PROGRESS, "Payload.TaskId", "required", remove("Payload.TaskId"), none());
    add(PROGRESS, "Payload.TaskId", "minLength", set("Payload.TaskId", ""), set("Payload.TaskId", "t"));

    // --- describeTimbre
    add(TIMBRES, "Header", "required", remove("Header"), none());
    add(TIMBRES, "Payload", "required", remove("Payload"), none());
    add(TIMBRES, "Header", "maxProperties", set("Header.Extra", true), none());
    add(TIMBRES, "Payload.PageIndex", "required", remove("Payload.PageIndex"), none());
    add(TIMBRES, "Payload.PageSize", "required", remove("Payload.PageSize"), none());
    add(TIMBRES, "Payload.PageIndex", "minimum", set("Payload.PageIndex", 0), set("Payload.PageIndex", 1));
    add(TIMBRES, "Payload.PageSize", "minimum", set("Payload.PageSize", 0), set("Payload.PageSize", 1));
    add(TIMBRES, "Payload.PageSize", "maximum", set("Payload.PageSize", 101), set("Payload.PageSize", 100));
    add(TIMBRES, "Payload.PurchaseType", "enum",
        set("Payload.PurchaseType", "Bought"), set("Payload.PurchaseType", "Custom"));
  }

  private static PrismServer prism;

  @BeforeAll
  static void prism(PrismServer server) {
    prism = server;
  }

  @Test
  void theTableCoversEveryConstraintOfTheSpec() {
    for (Spec.Operation operation : SPEC.operations()) {
      List<String> inSpec = SpecConstraints.ofRequest(SPEC, operation).stream()
          .map(SpecConstraints.Constraint::key).toList();
      List<String> inTable = TABLE.getOrDefault(operation.id(), List.of()).stream().map(Case::key).toList();

      assertThat(inTable).as("constraints of %s tested here vs. stated in the spec", operation.id())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(inSpec);
    }
    int total = TABLE.values().stream().mapToInt(List::size).sum();
    System.out.println("ConstraintsIT: " + total + " request constraints covered");
  }

  @TestFactory
  Stream<DynamicTest> eachConstraintRejectsTheViolationAndAcceptsTheValidTwin() {
    return TABLE.entrySet().stream().flatMap(entry -> entry.getValue().stream()
        .map(c -> DynamicTest.dynamicTest(entry.getKey() + ": " + c.key(), () -> check(entry.getKey(), c))));
  }

  /** The apiKey security schemes: a request without any one of the three signing parameters gets 401. */
  @TestFactory
  Stream<DynamicTest> eachSigningParameterIsRequired() {
    return SPEC.operations().stream().flatMap(operation -> Stream.of(RequestSigner.APPKEY, RequestSigner.TIMESTAMP,
        RequestSigner.SIGNATURE).map(parameter -> DynamicTest.dynamicTest(operation.id() + " without " + parameter, () -> {
          OkHttpClient withoutIt = ContractClients.http().newBuilder()
              .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                  .url(chain.request().url().newBuilder().removeAllQueryParameters(parameter).build()).build()))
              .build();
          String request = ContractCalls.validRequest(operation.id());

          assertThat(ContractCalls.call(prism, withoutIt, operation.id(), request).code()).isEqualTo(401);
          assertThat(ContractCalls.call(prism, ContractClients.http(), operation.id(), request).code()).isEqualTo(200);
        })));
  }

  private static void check(String operation, Case c) throws IOException {
    ContractCalls.Result invalid = ContractCalls.call(prism, ContractClients.http(), operation, c.invalid());
    assertThat(invalid.code()).as("HTTP status of the violating request").isEqualTo(422);
    JsonNode problems = Spec.JSON.readTree(invalid.errorBody()).path("validation");
    List<String> seen = new ArrayList<>();
    problems.forEach(p -> seen.add(location(p) + " " + p.path("code").asText() + ": " + p.path("message").asText()));
    assertThat(problems).as("Prism's validation errors %s", seen).anyMatch(p -> names(p, c));
    assertThat(problems).as("only the field under test (or, for conditionals, its ancestors) is wrong: %s", seen)
        .allMatch(p -> isSelfOrAncestor(location(p), c.path()));

    ContractCalls.Result valid = ContractCalls.call(prism, ContractClients.http(), operation, c.valid());
    assertThat(valid.code()).as("HTTP status of the valid twin; %s", valid.errorBody()).isEqualTo(200);
  }

  /** Prism names the field: at its location, or (required, conditionals) at its parent, quoting it. */
  private static boolean names(JsonNode problem, Case c) {
    String code = problem.path("code").asText();
    if (c.keyword().equals("required")) {
      return code.equals("required") && location(problem).equals(parent(c.path()))
          && problem.path("message").asText().contains("'" + leaf(c.path()) + "'");
    }
    return code.equals(c.keyword()) && location(problem).equals(c.path());
  }

  private static boolean isSelfOrAncestor(String location, String path) {
    return location.isEmpty() || path.equals(location) || path.startsWith(location + ".")
        || path.startsWith(location + "[]");
  }

  /** ["body","Payload","VideoParam","DisableIntervals","0","StartTime"] as Payload.VideoParam.DisableIntervals[].StartTime */
  private static String location(JsonNode problem) {
    StringBuilder path = new StringBuilder();
    for (JsonNode segment : problem.path("location")) {
      String s = segment.asText();
      if (s.equals("body") && path.isEmpty()) {
        continue;
      }
      if (s.matches("\\d+")) {
        path.append("[]");
      } else {
        path.append(path.isEmpty() ? "" : ".").append(s);
      }
    }
    return path.toString();
  }

  // ---- the table

  /** One row: the field and rule, the violating request and its valid twin, as JSON. */
  private record Case(String path, String keyword, String condition, String invalid, String valid) {
    String key() {
      return new SpecConstraints.Constraint(path, keyword, condition).key();
    }
  }

  private static void add(String operation, String path, String keyword, Consumer<ObjectNode> breakIt,
      Consumer<ObjectNode> fixIt) {
    add(operation, path, keyword, null, breakIt, fixIt);
  }

  private static void add(String operation, String path, String keyword, String condition,
      Consumer<ObjectNode> breakIt, Consumer<ObjectNode> fixIt) {
    String base = ContractCalls.validRequest(operation);
    TABLE.computeIfAbsent(operation, k -> new ArrayList<>())
        .add(new Case(path, keyword, condition, mutate(base, breakIt), mutate(base, fixIt)));
  }

  private static void urlPattern(String path) {
    add(SUBMIT, path, "pattern", set(path, "cdn.example.com/file"), set(path, URL + "file"));
  }

  /** An integer flag: 2 is not in [0, 1]; the valid twin sends the other value than the base. */
  private static void flag(String path) {
    add(SUBMIT, path, "enum", set(path, 2), set(path, 1));
  }

  private static String callbackUrl(int length) {
    String prefix = "https://hooks.example.com/ivh?ivh_token=";
    return prefix + "t".repeat(length - prefix.length());
  }

  private static Consumer<ObjectNode> intervals(int count) {
    return root -> {
      ArrayNode list = ((ObjectNode) root.at("/Payload/VideoParam")).putArray("DisableIntervals");
      for (int i = 0; i < count; i++) {
        list.addObject().put("StartTime", 10 * i).put("EndTime", 10 * i + 1.5);
      }
    };
  }

  private static String mutate(String base, Consumer<ObjectNode> mutation) {
    try {
      ObjectNode root = (ObjectNode) Spec.JSON.readTree(base);
      mutation.accept(root);
      return Spec.JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Consumer<ObjectNode> none() {
    return root -> { };
  }

  private static Consumer<ObjectNode> both(Consumer<ObjectNode> first, Consumer<ObjectNode> second) {
    return first.andThen(second);
  }

  private static Consumer<ObjectNode> remove(String path) {
    return root -> {
      JsonNode container = root.at(pointer(parent(path)));
      if (container instanceof ObjectNode object) {
        assertThat(object.remove(leaf(path))).as("%s exists in the base request", path).isNotNull();
      } else {
        throw new IllegalArgumentException("no object at " + parent(path));
      }
    };
  }

  private static Consumer<ObjectNode> set(String path, Object value) {
    return root -> {
      JsonNode container = root.at(pointer(parent(path)));
      if (!(container instanceof ObjectNode object)) {
        throw new IllegalArgumentException("no object at " + parent(path));
      }
      object.set(leaf(path), Spec.JSON.valueToTree(value));
    };
  }

  private static String pointer(String dotted) {
    return dotted.isEmpty() ? "" : "/" + dotted.replace('.', '/');
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
