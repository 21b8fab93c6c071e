package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.RequestSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Prism side of the agreement properties ({@link ValidationAgreementIT},
 * {@link StrictReaderAgreementIT}): a Prism of the property's own (each runs in its own test JVM,
 * in parallel), and its 422 findings reduced to (wire path, JSON Schema keyword) pairs. The client's
 * rule names map onto the keywords with {@link #schemaRule}.
 */
final class AgreementPrism implements AutoCloseable {
  /** Rules the client enforces beyond the schema; Prism does not know them. */
  static final Set<String> CLIENT_ONLY_RULES = Set.of(
      "ssmlWellFormed", "ssmlPhoneme", "ssmlBreak", "ssmlWord", // markup: not expressible
      "segmentLongerThan5s", "startBeforeEnd", "chronological", // arithmetic between fields
      "urlSyntax");                                             // what OkHttp's HttpUrl parses: finer than the pattern

  private static final String PATH = "/v2/ivh/videomaker/broadcastservice/videomakenotrain";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Map<String, Object>> PROBLEM_JSON =
      JsonSupport.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property '([^']+)'");

  private final PrismServer prism;
  private final OkHttpClient http;
  private final long started = System.nanoTime();

  /** Thousands of requests: Prism logs warnings only (the findings are in its answers). */
  AgreementPrism() {
    prism = PrismServer.builder().logLevel("warn").start();
    http = new OkHttpClient.Builder()
        .addInterceptor(new RequestSigner("agreement_appkey", "agreement_access_token", Clock.systemUTC()))
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Seconds since this Prism was started: the property's run time. */
  long seconds() {
    return Duration.ofNanos(System.nanoTime() - started).toSeconds();
  }

  /** Prints a property's counts and writes them to {@code target/<file>}. */
  static void report(String file, String summary) throws IOException {
    System.out.print(summary);
    Path report = Path.of(System.getProperty("basedir", "."), "target", file);
    Files.createDirectories(report.getParent());
    Files.writeString(report, summary, StandardCharsets.UTF_8);
  }

  /** The client's rule names for what the schema says; Prism reports the JSON Schema keyword. */
  static String schemaRule(String rule) {
    return switch (rule) {
      case "requiredWhenText", "requiredWhenOriginalVoice" -> "required";
      case "absoluteHttpUrl" -> "pattern";
      default -> rule;
    };
  }

  /** Prism's findings as (wire path, keyword); empty when it accepted the request. */
  Set<String> errors(String body) {
    Request request = new Request.Builder()
        .url(prism.baseUrl() + PATH)
        .post(RequestBody.create(body, JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      if (response.code() == 200) {
        return new TreeSet<>();
      }
      assertThat(response.code()).as("Prism answered %s for %s", text, body).isEqualTo(422);
      Set<String> errors = new TreeSet<>();
      for (Object item : (List<?>) PROBLEM_JSON.fromJson(text).get("validation")) {
        Map<?, ?> finding = (Map<?, ?>) item;
        String code = (String) finding.get("code");
        if (code.equals("if")) {
          continue; // the summary of a failed then/else; its required properties are listed too
        }
        String path = wirePath((List<?>) finding.get("location"));
        if (code.equals("required")) {
          Matcher missing = REQUIRED_PROPERTY.matcher((String) finding.get("message"));
          assertThat(missing.find()).as("required finding names the property: %s", finding).isTrue();
          path = path + "." + missing.group(1);
        }
        errors.add(path + " " + code);
      }
      return errors;
    } catch (IOException e) {
      throw new UncheckedIOException("Prism did not answer", e);
    }
  }

  /** ["body","Payload","VideoParam","DisableIntervals","1","EndTime"] -> Payload.VideoParam.DisableIntervals[1].EndTime */
  private static String wirePath(List<?> location) {
    StringBuilder path = new StringBuilder();
    for (Object segment : location.subList(1, location.size())) {
      String name = segment.toString();
      if (name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(name);
      }
    }
    return path.toString();
  }

  @Override
  public void close() {
    prism.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
