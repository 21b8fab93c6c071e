package io.github.ivhclient.videomake.contract;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Moshi template overlay ({@code openapi/templates}) as the pinned generator's own templates plus
 * a recorded patch each ({@code <template>.patch}, a unified diff from upstream to our copy).
 *
 * <p>The generator needs whole templates in its {@code templateDirectory}: it resolves a template
 * file by name (our directory, then {@code Java/libraries/retrofit2/}, then {@code Java/}), never a
 * fragment of one, and every change we need sits inside {@code pojo.mustache} or the enum
 * templates, not in a partial they include. So the copies stay whole, and {@code TemplateOverlayTest}
 * proves each copy is exactly upstream + its patch: a generator upgrade that changes one of these
 * templates fails it with the difference.
 *
 * <p>Refresh (after bumping {@code openapi-generator.version}): {@value #REFRESH_COMMAND} applies
 * each patch to the new upstream template and rewrites the copy; with {@code -Doverlay.record=true}
 * it only re-records the patches from the copies (after a deliberate edit of a copy).
 */
public final class TemplateOverlay {
  public static final String REFRESH_COMMAND = "mvn -B -Prefresh-overlay process-test-classes";
  public static final List<String> TEMPLATES = List.of("pojo.mustache", "modelEnum.mustache",
      "modelInnerEnum.mustache");
  private static final String LIBRARY_DIR = "Java/libraries/retrofit2/";
  private static final String LANGUAGE_DIR = "Java/";

  private final Path templatesDir;

  public TemplateOverlay(Path projectDir) {
    this.templatesDir = projectDir.resolve("openapi/templates");
  }

  /** {@code args[0]} the project directory; {@code args[1]} "true" to only re-record the patches. */
  public static void main(String[] args) throws IOException, PatchFailedException {
    TemplateOverlay overlay = new TemplateOverlay(args.length > 0 ? Path.of(args[0]) : Spec.projectDir());
    boolean recordOnly = args.length > 1 && Boolean.parseBoolean(args[1]);
    for (String template : TEMPLATES) {
      if (!recordOnly) {
        Files.writeString(overlay.copyFile(template), join(overlay.patched(template)), StandardCharsets.UTF_8);
      }
      Files.writeString(overlay.patchFile(template), join(overlay.diffFromUpstream(template)),
          StandardCharsets.UTF_8);
      System.out.println((recordOnly ? "recorded " : "refreshed ") + template);
    }
  }

  /** The generator's template this copy overrides, where the generator itself would find it. */
  public List<String> upstream(String template) {
    ClassLoader loader = TemplateOverlay.class.getClassLoader();
    String resource = loader.getResource(LIBRARY_DIR + template) != null
        ? LIBRARY_DIR + template : LANGUAGE_DIR + template;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the generator jar on the test class path has no " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> copy(String template) {
    return readLines(copyFile(template));
  }

  /** Upstream with the recorded patch applied; throws when a hunk no longer fits upstream. */
  public List<String> patched(String template) throws PatchFailedException {
    return applyPatch(template, upstream(template));
  }

  /**
   * The recorded patch of {@code template} applied to the given upstream text. Like {@code patch(1)},
   * a hunk may apply at another line than recorded (upstream grew or shrank above it), but all of
   * its context and removed lines must match there.
   */
  public List<String> applyPatch(String template, List<String> upstream) throws PatchFailedException {
    Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(readLines(patchFile(template)));
    List<String> result = new ArrayList<>(upstream);
    List<AbstractDelta<String>> deltas = new ArrayList<>(patch.getDeltas());
    Collections.reverse(deltas); // last hunk first: the lines above a hunk keep their positions
    for (AbstractDelta<String> delta : deltas) {
      List<String> expected = delta.getSource().getLines();
      int at = nearestMatch(result, expected, delta.getSource().getPosition());
      if (at < 0) {
        throw new PatchFailedException(template + ": upstream no longer has the lines of the hunk at line "
            + (delta.getSource().getPosition() + 1) + ": " + expected);
      }
      List<String> replaced = result.subList(at, at + expected.size());
      replaced.clear();
      replaced.addAll(delta.getTarget().getLines());
    }
    return result;
  }

  private static int nearestMatch(List<String> lines, List<String> expected, int recorded) {
    for (int offset = 0; offset <= lines.size(); offset++) {
      for (int at : new int[] {recorded - offset, recorded + offset}) {
        if (at >= 0 && at + expected.size() <= lines.size()
            && lines.subList(at, at + expected.size()).equals(expected)) {
          return at;
        }
      }
    }
    return -1;
  }

  /** The unified diff from upstream to our copy, as recorded in the patch file. */
  public List<String> diffFromUpstream(String template) {
    List<String> upstream = upstream(template);
    return UnifiedDiffUtils.generateUnifiedDiff("upstream/" + template, "openapi/templates/" + template,
        upstream, DiffUtils.diff(upstream, copy(template)), 3);
  }

  public Path copyFile(String template) {
    return templatesDir.resolve(template);
  }

  public Path patchFile(String template) {
    return templatesDir.resolve(template + ".patch");
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }
}
