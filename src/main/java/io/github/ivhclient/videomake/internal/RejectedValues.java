package io.github.ivhclient.videomake.internal;

import java.math.BigDecimal;
import java.util.Collection;

/** A rejected value as an issue quotes it: secrets in URLs masked, long text shortened. */
final class RejectedValues {
  private static final int MAX_VALUE_TEXT = 120;

  private RejectedValues() {}

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double number) {
      return Double.isFinite(number) ? BigDecimal.valueOf(number).toPlainString() : number.toString();
    }
    if (value instanceof Collection<?> collection) {
      return collection.size() + " items";
    }
    if (ModelProperties.isModel(value.getClass())) {
      return "an object";
    }
    String text = value.toString();
    if (text.indexOf('=') >= 0) { // every secret Redaction masks follows a name and '='
      text = Redaction.maskQuery(text);
    }
    if (text.codePointCount(0, text.length()) > MAX_VALUE_TEXT) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_VALUE_TEXT)) + "…";
    }
    return text;
  }
}
