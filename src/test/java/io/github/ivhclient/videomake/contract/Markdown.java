package io.github.ivhclient.videomake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The reference document as it is written: lines, table cells, heading anchors and links. */
final class Markdown {
  private final StringBuilder out = new StringBuilder();

  void line(String text) {
    out.append(text.stripTrailing()).append('\n');
  }

  void line() {
    out.append('\n');
  }

  /** A link to a schema's section, or "inline schema". */
  static String typeLink(JsonNode schema) {
    String ref = Spec.refName(schema);
    return ref == null ? "inline schema" : link(ref);
  }

  /** {@code [`Name`](#name)}: a link to the section of a schema or operation. */
  static String link(String name) {
    return "[`" + name + "`](#" + anchor(name) + ")";
  }

  /** A table cell: one line, pipes escaped. */
  static String cell(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
  }

  /** GitHub's heading anchor for a heading that is just a code span. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
