package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The spec half of the breaking-change gate: openapi-diff compares openapi/ivh-videomake.yaml with
 * the last release's spec (openapi/released/), writes target/openapi-diff.md, and fails on a
 * breaking change unless this version left the release's line (a new major version, or before 1.0
 * a new minor one). The Java API half is japicmp (pom.xml).
 */
class SpecCompatibilityTest {
  private static final Path SPEC = Path.of("openapi/ivh-videomake.yaml");
  private static final Pattern LINE = Pattern.compile("^(0\\.\\d+|[1-9]\\d*)\\.");

  @Test
  void theSpecBreaksNothingOfTheLastReleaseUnlessTheVersionSaysSo() throws IOException {
    String version = property("project.version");
    String baseline = property("api.baseline.version");
    Path released = Path.of("openapi/released/ivh-videomake-" + baseline + ".yaml");
    assertThat(released).as("the spec of release " + baseline + " (api.baseline.version)").isRegularFile();

    ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), SPEC.toString());
    String report = markdown(diff);
    Path target = Files.createDirectories(Path.of("target"));
    Files.writeString(target.resolve("openapi-diff.md"), diff.isDifferent() ? report
        : "No change from the spec of release " + baseline + ".\n", StandardCharsets.UTF_8);

    if (diff.isIncompatible() && sameLine(version, baseline)) {
      throw new AssertionError("openapi/ivh-videomake.yaml breaks the spec of release " + baseline
          + ", and version " + version + " is still on its line " + line(baseline) + ". Undo the change, or bump"
          + " the version (major, or minor before 1.0) and record it in CHANGELOG.md. The diff"
          + " (also in target/openapi-diff.md):\n" + report);
    }
  }

  @Test
  void removingAnOperationOrARequestEnumValueIsABreakingChangeTheReportNames(@TempDir Path dir) throws IOException {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    String withoutTimbres = spec.replaceFirst(
        "(?m)^  /v2/ivh/crmserver/customerassetservice/describetimbre:\\n(?:^   .*\\n)+", "");
    assertThat(withoutTimbres).isNotEqualTo(spec);

    ChangedOpenApi diff = compareWith(withoutTimbres, dir);

    assertThat(diff.isIncompatible()).isTrue();
    assertThat(markdown(diff)).contains("/v2/ivh/crmserver/customerassetservice/describetimbre");
  }

  @Test
  void removingAnOptionalResponseFieldIsLeftToTheJavaApiGate(@TempDir Path dir) throws IOException {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    String withoutMediaUrl = spec.replaceFirst("(?m)^        MediaUrl:\\n(?:^ {10,}.*\\n)+", "");
    assertThat(withoutMediaUrl).isNotEqualTo(spec);

    ChangedOpenApi diff = compareWith(withoutMediaUrl, dir);

    // For the wire, a client that ignores a field does not break; the generated TaskProgress loses
    // getMediaUrl() though, which japicmp reports as a binary and source incompatibility.
    assertThat(diff.isDifferent()).isTrue();
    assertThat(diff.isIncompatible()).isFalse();
  }

  private static ChangedOpenApi compareWith(String edited, Path dir) throws IOException {
    Path file = dir.resolve("edited.yaml");
    Files.writeString(file, edited, StandardCharsets.UTF_8);
    return OpenApiCompare.fromLocations(SPEC.toString(), file.toString());
  }

  @Test
  void aReleaseLineIsTheMajorVersionOrBefore1TheMinor() {
    assertThat(sameLine("0.1.1-SNAPSHOT", "0.1.0")).isTrue();
    assertThat(sameLine("0.2.0-SNAPSHOT", "0.1.0")).isFalse();
    assertThat(sameLine("1.4.0", "1.0.0")).isTrue();
    assertThat(sameLine("2.0.0-SNAPSHOT", "1.9.3")).isFalse();
    assertThat(sameLine("10.0.0", "1.0.0")).isFalse();
  }

  static boolean sameLine(String version, String baseline) {
    return line(version).equals(line(baseline));
  }

  private static String line(String version) {
    Matcher line = LINE.matcher(version);
    if (!line.find()) {
      throw new IllegalArgumentException("not a major.minor.patch version: " + version);
    }
    return line.group(1);
  }

  private static String markdown(ChangedOpenApi diff) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property " + name + " (set by the surefire configuration)").isNotBlank();
    return value;
  }
}
