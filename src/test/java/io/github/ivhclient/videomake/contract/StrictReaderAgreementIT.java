package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.PayloadReader;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The strict reader's half of the agreement (issue 3, item 7), beside {@link ValidationAgreementIT}
 * and on its generator: it runs in a test JVM and against a Prism of its own, so the two halves
 * run in parallel. Its counts go to {@code target/strict-reader-agreement.txt}.
 */
class StrictReaderAgreementIT {
  static final int RAW_TRIES = 800;

  private static final JsonAdapter<Object> ANY_JSON = JsonSupport.moshi().adapter(Object.class).serializeNulls();
  private static final JsonAdapter<VideoMakeNoTrainPayload> PAYLOAD_JSON =
      JsonSupport.moshi().adapter(VideoMakeNoTrainPayload.class);

  private static AgreementPrism prism;
  private static int rawRequests;
  private static int rawTypeErrors;
  private static int rawDisagreements;

  @BeforeContainer
  static void startPrism() {
    prism = new AgreementPrism();
  }

  @AfterContainer
  static void stopPrismAndReport() throws IOException {
    long seconds = prism == null ? 0 : prism.seconds();
    String summary = "strict reader agreement: " + rawRequests + " raw JSON requests (seed " + ValidationAgreementIT.SEED
        + ") with one member replaced, " + rawTypeErrors + " with a type error, " + rawDisagreements + " disagreements, "
        + seconds + " s\n";
    AgreementPrism.report("strict-reader-agreement.txt", summary);
    if (prism != null) {
      prism.close();
    }
  }

  @Provide
  Arbitrary<VideoMakeNoTrainPayload> requests() {
    return ValidationAgreementIT.requestArbitrary();
  }

  /**
   * The strict reader's side: a generated request as raw JSON with one member replaced by a value
   * of another JSON type (a quoted number, a boolean, null, a fraction, an object, an array...).
   * {@link PayloadReader}'s complete report and Prism's 422 must agree, {@code type} errors included.
   */
  @Property(tries = RAW_TRIES, seed = ValidationAgreementIT.SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void strictReaderAndPrismAgreeOnJsonTypes(@ForAll("requests") VideoMakeNoTrainPayload request,
      @ForAll("targets") List<Object> target, @ForAll("foreignValues") Object value) {
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) PAYLOAD_JSON.toJsonValue(request);
    replace(payload, target, value);
    String body = ANY_JSON.toJson(Map.of("Header", Map.of(), "Payload", payload));

    List<ValidationIssue> errors = PayloadReader.read(body).report().errors();
    Set<String> client = errors.stream()
        .filter(i -> !AgreementPrism.CLIENT_ONLY_RULES.contains(i.rule()))
        .map(i -> i.path() + " " + AgreementPrism.schemaRule(i.rule()))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> server = prism.errors(body);
    // For a value of the wrong type ajv also reports the member's other keywords (enum, format,
    // minimum...); the reader rejects the value with one `type` error and judges nothing else there.
    Set<String> mistyped = server.stream().filter(e -> e.endsWith(" type"))
        .map(e -> e.substring(0, e.lastIndexOf(' '))).collect(Collectors.toSet());
    server.removeIf(e -> !e.endsWith(" type") && mistyped.contains(e.substring(0, e.lastIndexOf(' '))));

    synchronized (StrictReaderAgreementIT.class) {
      rawRequests++;
      rawTypeErrors += errors.stream().anyMatch(i -> i.rule().equals("type")) ? 1 : 0;
      rawDisagreements += client.equals(server) ? 0 : 1;
    }
    assertThat(client).as("strict reader vs Prism for %s", body).isEqualTo(server);
  }

  @Provide
  Arbitrary<List<Object>> targets() {
    return Arbitraries.of(
        List.of("RefVideoUrl"), List.of("DriverType"), List.of("InputSsml"), List.of("InputAudioUrl"),
        List.of("CallbackUrl"), List.of("ConcurrencyType"), List.of("VideoLoop"), List.of("VideoParametersConsistent"),
        List.of("SpeechParam"), List.of("SpeechParam", "Speed"), List.of("SpeechParam", "TimbreKey"),
        List.of("SpeechParam", "Volume"), List.of("SpeechParam", "EmotionIntensity"), List.of("VideoParam"),
        List.of("VideoParam", "MakeType"), List.of("VideoParam", "StartTime"), List.of("VideoParam", "DisableIdDetect"),
        List.of("VideoParam", "RefPhotoUrl"), List.of("VideoParam", "DisableIntervals"),
        List.of("VideoParam", "DisableIntervals", 0), List.of("VideoParam", "DisableIntervals", 0, "EndTime"));
  }

  /** Values of every JSON type; some happen to fit the member they replace (the agreement covers both). */
  @Provide
  Arbitrary<Object> foreignValues() {
    return Arbitraries.of("1.0", "Text", "", true, 1.5, 7, 1.0, 0, new NullValue(), new EmptyObject(), new EmptyArray());
  }

  /** Markers for values jqwik cannot hold directly (null) or must not share between tries (mutable containers). */
  private record NullValue() {}

  private record EmptyObject() {}

  private record EmptyArray() {}

  /** Puts {@code value} at {@code target} (names and list indices), creating missing parents. */
  @SuppressWarnings("unchecked")
  private static void replace(Map<String, Object> payload, List<Object> target, Object value) {
    Object parent = payload;
    for (int i = 0; i < target.size() - 1; i++) {
      Object key = target.get(i);
      Object next = target.get(i + 1) instanceof Integer ? new java.util.ArrayList<>(List.of(new java.util.LinkedHashMap<>()))
          : new java.util.LinkedHashMap<String, Object>();
      if (parent instanceof Map<?, ?> map) {
        Object child = map.get(key);
        boolean fits = next instanceof List ? child instanceof List<?> list && !list.isEmpty() : child instanceof Map;
        if (!fits) {
          ((Map<String, Object>) map).put((String) key, next);
          child = next;
        }
        parent = child;
      } else {
        List<Object> list = (List<Object>) parent;
        if (!(list.get((Integer) key) instanceof Map)) {
          list.set((Integer) key, next);
        }
        parent = list.get((Integer) key);
      }
    }
    Object leaf = value instanceof NullValue ? null
        : value instanceof EmptyObject ? new java.util.LinkedHashMap<>()
        : value instanceof EmptyArray ? new java.util.ArrayList<>()
        : value;
    Object key = target.get(target.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put((String) key, leaf);
    } else {
      ((List<Object>) parent).set((Integer) key, leaf);
    }
  }
}
