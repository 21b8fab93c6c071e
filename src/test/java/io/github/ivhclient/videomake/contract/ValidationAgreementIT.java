package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.ivhclient.videomake.ValidationIssue;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.PayloadValidator;
import io.github.ivhclient.videomake.model.DisableInterval;
import io.github.ivhclient.videomake.model.SpeechParam;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.ConcurrencyTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.DriverTypeEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.VideoLoopEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainPayload.VideoParametersConsistentEnum;
import io.github.ivhclient.videomake.model.VideoMakeNoTrainRequest;
import io.github.ivhclient.videomake.model.VideoParam;
import io.github.ivhclient.videomake.model.VideoParam.DisableIdDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.DisableOcclusionDetectEnum;
import io.github.ivhclient.videomake.model.VideoParam.EnableFakeTeethEnum;
import io.github.ivhclient.videomake.model.VideoParam.MakeTypeEnum;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The agreement property (issue 3, item 7): for generated VideoMakeNoTrain requests, the client's
 * validation errors and Prism's 422 agree on every rule the spec encodes.
 *
 * <p>Each request is validated by {@link PayloadValidator} and also sent, signed and unchecked, to
 * Prism, which validates it against the OpenAPI document (ajv, JSON Schema 2020-12). Both sides
 * are reduced to the same set of (wire path, rule) pairs and must be equal. The client may be
 * stricter only on {@link AgreementPrism#CLIENT_ONLY_RULES}, which JSON Schema cannot say (or the
 * spec leaves to the client); those are counted but not compared. The generator mixes valid values
 * with invalid ones at the boundaries of every schema rule, including the cases where Java and JSON
 * Schema differ by default: code points vs UTF-16 units, ECMA-262 {@code \s}, a final line break.
 * {@link StrictReaderAgreementIT} runs the strict reader's side on the same generator, in parallel
 * (its own test JVM and Prism).
 */
class ValidationAgreementIT {
  static final int TRIES = 2500;
  static final String SEED = "20261125";

  private static final PayloadValidator VALIDATOR = new PayloadValidator();
  private static final JsonAdapter<VideoMakeNoTrainRequest> REQUEST_JSON =
      JsonSupport.moshi().adapter(VideoMakeNoTrainRequest.class);

  private static AgreementPrism prism;
  private static int requests;
  private static int invalidByClient;
  private static int rejectedByPrism;
  private static int clientOnlyInvalid;
  private static int disagreements;
  private static final Map<String, Integer> rulesExercised = new TreeMap<>();

  @BeforeContainer
  static void startPrism() {
    prism = new AgreementPrism();
  }

  @AfterContainer
  static void stopPrismAndReport() throws IOException {
    long seconds = prism == null ? 0 : prism.seconds();
    String summary = "validation agreement: " + requests + " requests (seed " + SEED + "), "
        + invalidByClient + " invalid by the client, " + rejectedByPrism + " rejected by Prism (422), "
        + clientOnlyInvalid + " invalid only by client-only rules, " + disagreements + " disagreements, "
        + seconds + " s\nrules exercised (requests with an issue of the rule): " + rulesExercised + "\n";
    AgreementPrism.report("validation-agreement.txt", summary);
    if (prism != null) {
      prism.close();
    }
  }

  // No jqwik edge cases: they are mostly empty objects and strings, which would make nearly every
  // request invalid; the generators below name their boundary values explicitly.
  @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void clientAndPrismAgreeOnEverySchemaRule(@ForAll("requests") VideoMakeNoTrainPayload request) {
    List<ValidationIssue> clientIssues = VALIDATOR.validate(request).all();
    List<ValidationIssue> clientErrors = clientIssues.stream()
        .filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
    Set<String> client = clientErrors.stream()
        .filter(i -> !AgreementPrism.CLIENT_ONLY_RULES.contains(i.rule()))
        .map(i -> i.path() + " " + AgreementPrism.schemaRule(i.rule()))
        .collect(Collectors.toCollection(TreeSet::new));
    String body = REQUEST_JSON.toJson(new VideoMakeNoTrainRequest().header(Map.of()).payload(request));
    Set<String> server = prism.errors(body);

    synchronized (ValidationAgreementIT.class) {
      requests++;
      invalidByClient += clientErrors.isEmpty() ? 0 : 1;
      rejectedByPrism += server.isEmpty() ? 0 : 1;
      clientOnlyInvalid += !clientErrors.isEmpty() && client.isEmpty() ? 1 : 0;
      clientIssues.stream().map(ValidationIssue::rule).distinct().forEach(r -> rulesExercised.merge(r, 1, Integer::sum));
      disagreements += client.equals(server) ? 0 : 1;
    }
    assertThat(client).as("client vs Prism for %s", body).isEqualTo(server);
  }

  // ---- The generator: mostly valid values, and invalid ones at every schema boundary

  /**
   * Requests shaped by their DriverType (so that many are valid), each field drawn from mostly
   * valid values and, with a few percent, from invalid ones at a schema boundary.
   */
  @Provide
  Arbitrary<VideoMakeNoTrainPayload> requests() {
    return requestArbitrary();
  }

  /** The generator, shared with {@link StrictReaderAgreementIT}. */
  static Arbitrary<VideoMakeNoTrainPayload> requestArbitrary() {
    return Arbitraries.frequencyOf(
            Tuple.of(46, Arbitraries.just(DriverTypeEnum.TEXT)),
            Tuple.of(46, Arbitraries.just(DriverTypeEnum.ORIGINAL_VOICE)),
            Tuple.of(4, Arbitraries.just(DriverTypeEnum.UNKNOWN_DEFAULT_OPEN_API)),
            Tuple.of(4, Arbitraries.<DriverTypeEnum>just(null)))
        .flatMap(ValidationAgreementIT::requests);
  }

  private static Arbitrary<VideoMakeNoTrainPayload> requests(DriverTypeEnum driver) {
    boolean text = driver == DriverTypeEnum.TEXT;
    boolean audio = driver == DriverTypeEnum.ORIGINAL_VOICE;
    return Builders.withBuilder(() -> new VideoMakeNoTrainPayload().driverType(driver))
        .use(urls("mp4")).withProbability(0.98).inSetter(VideoMakeNoTrainPayload::setRefVideoUrl)
        .use(ssml()).withProbability(text ? 0.96 : 0.1).inSetter(VideoMakeNoTrainPayload::setInputSsml)
        .use(speechParams()).withProbability(text ? 0.96 : 0.1).inSetter(VideoMakeNoTrainPayload::setSpeechParam)
        .use(urls("mp3")).withProbability(audio ? 0.96 : 0.1).inSetter(VideoMakeNoTrainPayload::setInputAudioUrl)
        .use(urls("pdf")).withProbability(0.1).inSetter(VideoMakeNoTrainPayload::setIdentityWrittenUrl)
        .use(urls("mp4")).withProbability(0.1).inSetter(VideoMakeNoTrainPayload::setIdentityVideoUrl)
        .use(callbackUrls()).withProbability(0.3).inSetter(VideoMakeNoTrainPayload::setCallbackUrl)
        .use(Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.just(ConcurrencyTypeEnum.EXCLUSIVE)),
            Tuple.of(40, Arbitraries.just(ConcurrencyTypeEnum.SHARED)), Tuple.of(16, Arbitraries.just(ConcurrencyTypeEnum.BLANK)),
            Tuple.of(4, Arbitraries.just(ConcurrencyTypeEnum.UNKNOWN_DEFAULT_OPEN_API))))
            .withProbability(0.2).inSetter(VideoMakeNoTrainPayload::setConcurrencyType)
        .use(enums(VideoLoopEnum.REVERSE_SPLICING, VideoLoopEnum.FORWARD_SPLICING, VideoLoopEnum.NUMBER_unknown_default_open_api))
            .withProbability(0.2).inSetter(VideoMakeNoTrainPayload::setVideoLoop)
        .use(enums(VideoParametersConsistentEnum.DEFAULT_OUTPUT, VideoParametersConsistentEnum.MATCH_INPUT,
            VideoParametersConsistentEnum.NUMBER_unknown_default_open_api))
            .withProbability(0.2).inSetter(VideoMakeNoTrainPayload::setVideoParametersConsistent)
        .use(videoParams()).withProbability(0.4).inSetter(VideoMakeNoTrainPayload::setVideoParam)
        .build();
  }

  /** Two valid constants (48 % each) and the generator's fallback for unknown values (4 %). */
  private static <E extends Enum<E>> Arbitrary<E> enums(E first, E second, E unknown) {
    return Arbitraries.frequencyOf(Tuple.of(48, Arbitraries.just(first)), Tuple.of(48, Arbitraries.just(second)),
        Tuple.of(4, Arbitraries.just(unknown)));
  }

  private static Arbitrary<String> urls(String extension) {
    Arbitrary<String> valid = Combinators.combine(
            Arbitraries.of("http://", "https://", "HTTPS://", "Http://"),
            Arbitraries.of("cdn.example.com", "a.b", "127.0.0.1:8080", "virtualhuman-cos-1251316161.cos.ap-nanjing.myqcloud.com",
                "my_bucket.example.com"),
            Arbitraries.of("/", "/a/b.", "/%E4%B8%AD.", "/中文.", "/v.", "/x."),
            Arbitraries.of(extension, "mkv", "MP4", ""),
            Arbitraries.of("", "?x=1", "?ivh_token=abc&signature=a%2Bb", "#frag", "?a=1|2"))
        .as((scheme, host, path, ext, query) -> scheme + host + path + ext + query);
    Arbitrary<String> patternInvalid = Arbitraries.of(
        "ftp://cdn.example.com/a." + extension, "cdn.example.com/a." + extension, "https:///a." + extension,
        "https://cdn.example.com/a b." + extension, "https://cdn.example.com/a\u00A0b." + extension,
        "https://cdn.example.com/a\uFEFF." + extension, "https://cdn.example.com/a\u2028." + extension,
        "https://cdn.example.com/a\u3000." + extension, "https://cdn.example.com/a\t." + extension,
        "https://cdn.example.com/a." + extension + "\n", "", "http//cdn.example.com/a", "https:// cdn.example.com/a",
        "https://?x", "https://#a", "mailto:someone@example.com");
    // The pattern asks only for the scheme; these fail what OkHttp's HttpUrl parses.
    Arbitrary<String> syntaxOnlyInvalid = Arbitraries.of(
        "https://cdn example.com/a." + extension, "http://", "https://[::1/a." + extension,
        "https://cdn.example.com:port/a." + extension, "https://cdn.example.com:70000/a." + extension);
    return Arbitraries.frequencyOf(Tuple.of(95, valid), Tuple.of(3, patternInvalid), Tuple.of(2, syntaxOnlyInvalid));
  }

  /** Callback URLs around the 999-code-point limit, padded with ASCII or with emoji (2 UTF-16 units each). */
  private static Arbitrary<String> callbackUrls() {
    Arbitrary<String> longOnes = Combinators.combine(Arbitraries.integers().between(995, 1003), Arbitraries.of("a", "😀"))
        .as((length, pad) -> codePoints("https://cb.example.com/done?ivh_token=t0k3n&p=", pad, length));
    return Arbitraries.frequencyOf(Tuple.of(80, urls("")), Tuple.of(20, longOnes));
  }

  private static Arbitrary<String> ssml() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abcdefxyz ,.!?你好世界").ofMinLength(4).ofMaxLength(60);
    Arbitrary<String> boundaries = Combinators.combine(
            Arbitraries.of(0, 1, 3, 4, 5, 1999, 2000, 2001, 2002), Arbitraries.of("a", "😀", "好", "\u2028"))
        .as((length, unit) -> codePoints("", unit, length));
    Arbitrary<String> markup = Arbitraries.of(
        "Hello, I am the virtual <phoneme alphabet=\"py\" ph=\"fu4\">福</phoneme> anchor",
        "Wait <break time=\"500ms\"/> now", "<word>hello</word> world", "Tom &amp; Jerry",
        "Tom & Jerry", "a <b c", "<word>open", "<speak>unknown tag</speak>", "<phoneme ph=\"x\">ab</phoneme>");
    Arbitrary<String> lineBreaks = Arbitraries.of("line one\nline two", "line one\rline two", "one line\n",
        "\r\nabcd", "tab\tseparated", "nel\u0085inside");
    return Arbitraries.frequencyOf(Tuple.of(80, plain), Tuple.of(8, boundaries), Tuple.of(8, markup), Tuple.of(4, lineBreaks));
  }

  private static Arbitrary<SpeechParam> speechParams() {
    return Builders.withBuilder(SpeechParam::new)
        .use(decimals(0.5, 1.5, 3, 0.5, 1.5, 0.4999, 1.5001, 0.3, 1.7)).withProbability(0.97).inSetter(SpeechParam::setSpeed)
        .use(Arbitraries.frequencyOf(Tuple.of(97, Arbitraries.of("female_1", "male_20", "voice_a", "情感男声")),
            Tuple.of(3, Arbitraries.just("")))).withProbability(0.97).inSetter(SpeechParam::setTimbreKey)
        .use(Arbitraries.frequencyOf(Tuple.of(95, Arbitraries.integers().between(0, 10)),
            Tuple.of(5, Arbitraries.of(-1, 11, -100, Integer.MAX_VALUE)))).withProbability(0.4).inSetter(SpeechParam::setVolume)
        .use(Arbitraries.of("happy", "sad", "happy", "sad", "")).withProbability(0.2).inSetter(SpeechParam::setEmotionCategory)
        .use(Arbitraries.frequencyOf(Tuple.of(90, Arbitraries.integers().between(50, 200)),
            Tuple.of(10, Arbitraries.of(49, 201, 0, -5)))).withProbability(0.2).inSetter(SpeechParam::setEmotionIntensity)
        .use(Arbitraries.of("en", "zh", "en", "zh", "")).withProbability(0.15).inSetter(SpeechParam::setTimbreLanguage)
        .build();
  }

  private static Arbitrary<VideoParam> videoParams() {
    return Builders.withBuilder(VideoParam::new)
        .use(urls("jpg")).withProbability(0.2).inSetter(VideoParam::setRefPhotoUrl)
        .use(enums(DisableIdDetectEnum.TRACE_FACE_ID, DisableIdDetectEnum.DRIVE_ALL_FACES,
            DisableIdDetectEnum.NUMBER_unknown_default_open_api)).withProbability(0.3).inSetter(VideoParam::setDisableIdDetect)
        .use(enums(DisableOcclusionDetectEnum.DETECT_OCCLUSION, DisableOcclusionDetectEnum.IGNORE_OCCLUSION,
            DisableOcclusionDetectEnum.NUMBER_unknown_default_open_api)).withProbability(0.3)
            .inSetter(VideoParam::setDisableOcclusionDetect)
        .use(enums(EnableFakeTeethEnum.ORIGINAL_TEETH, EnableFakeTeethEnum.FAKE_TEETH,
            EnableFakeTeethEnum.NUMBER_unknown_default_open_api)).withProbability(0.3).inSetter(VideoParam::setEnableFakeTeeth)
        .use(Arbitraries.frequencyOf(
            Tuple.of(24, Arbitraries.just(MakeTypeEnum.DEFAULT)), Tuple.of(24, Arbitraries.just(MakeTypeEnum.CUSTOM)),
            Tuple.of(24, Arbitraries.just(MakeTypeEnum.CIRCLE)), Tuple.of(24, Arbitraries.just(MakeTypeEnum.CUSTOM_ONLY_START)),
            Tuple.of(4, Arbitraries.just(MakeTypeEnum.UNKNOWN_DEFAULT_OPEN_API))))
            .withProbability(0.6).inSetter(VideoParam::setMakeType)
        .use(times()).withProbability(0.6).inSetter(VideoParam::setStartTime)
        .use(times()).withProbability(0.6).inSetter(VideoParam::setEndTime)
        .use(Arbitraries.frequencyOf(Tuple.of(60, chronologicalIntervals()), Tuple.of(30, intervals().list().ofMaxSize(5)),
            Tuple.of(10, intervals().list().ofMinSize(6).ofMaxSize(7)))).withProbability(0.4)
            .inSetter(VideoParam::setDisableIntervals)
        .build();
  }

  /** Up to 5 ordered, non-overlapping intervals: valid for the client-only rules too. */
  private static Arbitrary<List<DisableInterval>> chronologicalIntervals() {
    return Arbitraries.integers().between(0, 60_000).set().ofMaxSize(10).map(millis -> {
      List<Integer> sorted = millis.stream().sorted().toList();
      List<DisableInterval> intervals = new java.util.ArrayList<>();
      for (int i = 0; i + 1 < sorted.size(); i += 2) {
        intervals.add(new DisableInterval().startTime(sorted.get(i) / 1000.0).endTime(sorted.get(i + 1) / 1000.0));
      }
      return intervals;
    });
  }

  private static Arbitrary<DisableInterval> intervals() {
    return Builders.withBuilder(DisableInterval::new)
        .use(times()).withProbability(0.98).inSetter(DisableInterval::setStartTime)
        .use(times()).withProbability(0.98).inSetter(DisableInterval::setEndTime)
        .build();
  }

  /** Seconds: mostly 0–60 with up to 3 decimals; sometimes negative or with a 4th decimal. */
  private static Arbitrary<Double> times() {
    return Arbitraries.frequencyOf(Tuple.of(92, decimals(0, 60, 3, 0, 5.001, 1.005)),
        Tuple.of(8, decimals(-1, 60, 4, -0.001, 5.0005, -1)));
  }

  /** Decimals between min and max with 0..maxScale decimal places, plus the given boundary values. */
  private static Arbitrary<Double> decimals(double min, double max, int maxScale, double... boundaries) {
    Arbitrary<Double> spread = Arbitraries.bigDecimals()
        .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
        .ofScale(maxScale)
        .flatMap(value -> Arbitraries.integers().between(0, maxScale)
            .map(scale -> value.setScale(scale, java.math.RoundingMode.DOWN).doubleValue()));
    Double[] edges = java.util.Arrays.stream(boundaries).boxed().toArray(Double[]::new);
    return Arbitraries.frequencyOf(Tuple.of(85, spread), Tuple.of(15, Arbitraries.of(edges)));
  }

  /** {@code prefix} padded with {@code unit} to exactly {@code length} code points (or the prefix cut to it). */
  private static String codePoints(String prefix, String unit, int length) {
    int prefixLength = prefix.codePointCount(0, prefix.length());
    if (prefixLength >= length) {
      return prefix.substring(0, prefix.offsetByCodePoints(0, length));
    }
    return prefix + unit.repeat(length - prefixLength);
  }
}
