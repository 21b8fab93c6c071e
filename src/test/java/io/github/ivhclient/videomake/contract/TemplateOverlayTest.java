package io.github.ivhclient.videomake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each template of the Moshi overlay is the pinned generator's own template plus its recorded patch,
 * so a generator upgrade that changes one of them fails here with the difference to look at.
 */
class TemplateOverlayTest {
  private static final List<String> TEMPLATES = TemplateOverlay.TEMPLATES;
  private final TemplateOverlay overlay = new TemplateOverlay(Spec.projectDir());

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void theCopyIsUpstreamPlusTheRecordedPatch(String template) {
    List<String> patched;
    try {
      patched = overlay.patched(template);
    } catch (PatchFailedException e) {
      fail(template + ": the recorded patch no longer applies to the generator's template (" + e.getMessage()
          + "). The generator's template changed where we change it; diff from it to our copy:\n"
          + String.join("\n", overlay.diffFromUpstream(template)) + "\n" + howToRefresh());
      return;
    }
    assertThat(patched.equals(overlay.copy(template)))
        .as(template + " is not the generator's template plus " + overlay.patchFile(template).getFileName()
            + ". Diff from the generator's template to our copy (compare it with the recorded patch):\n"
            + String.join("\n", overlay.diffFromUpstream(template)) + "\n" + howToRefresh())
        .isTrue();
  }

  /** The recorded patch is what the README's table describes: short, and every change marked. */
  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void everyChangeIsShortAndMarked(String template) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String line : overlay.diffFromUpstream(template)) {
      if (line.startsWith("+") && !line.startsWith("+++")) {
        added.add(line);
      } else if (line.startsWith("-") && !line.startsWith("---")) {
        removed.add(line);
      }
    }
    assertThat(added).as("lines our copy adds").anyMatch(line -> line.contains("{{! ivh overlay:"));
    assertThat(added.size() + removed.size()).as("changed lines").isLessThan(40);
    assertThat(String.join("\n", removed)).as("what we remove is Gson or a schema default")
        .containsAnyOf("gson", "defaultValue");
  }

  /** The failing side: upstream changing a line we patch, or a line elsewhere, is caught. */
  @Test
  void anUpstreamChangeIsCaught() throws PatchFailedException {
    List<String> upstream = overlay.upstream("pojo.mustache");
    int serializedName = indexOfLineContaining(upstream, "@SerializedName(");
    List<String> changedWherePatched = new ArrayList<>(upstream);
    changedWherePatched.set(serializedName, changedWherePatched.get(serializedName) + " // changed upstream");
    List<String> changedElsewhere = new ArrayList<>(upstream);
    changedElsewhere.add(0, "{{! a new first line upstream }}");

    assertThatThrownBy(() -> overlay.applyPatch("pojo.mustache", changedWherePatched))
        .isInstanceOf(PatchFailedException.class);
    assertThat(overlay.applyPatch("pojo.mustache", changedElsewhere)).isNotEqualTo(overlay.copy("pojo.mustache"));
  }

  private static int indexOfLineContaining(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line contains " + text);
  }

  private static String howToRefresh() {
    return "After a generator upgrade, re-apply our changes with: " + TemplateOverlay.REFRESH_COMMAND
        + " (or edit the copy by hand at its `ivh overlay` markers and re-record with -Doverlay.record=true),"
        + " then review git diff openapi/templates.";
  }
}
