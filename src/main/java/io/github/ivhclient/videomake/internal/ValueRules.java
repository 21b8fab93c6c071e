package io.github.ivhclient.videomake.internal;

import io.github.ivhclient.videomake.internal.ConstraintPrecheck.PropertyChecks;
import io.github.ivhclient.videomake.internal.ModelProperties.Property;
import java.util.List;
import java.util.Locale;

/**
 * The rules on single values, over the whole model graph: enum values unknown to this client,
 * non-finite numbers, null list items, unpaired surrogates, URL syntax and file types.
 */
final class ValueRules {
  private ValueRules() {}

  /**
   * Checks every value the model object holds, at {@code path} and under it, and says whether a
   * Bean Validation constraint of the object or of anything it holds may fail: the verdict of
   * {@link ConstraintPrecheck#mayFail}, reached in the same walk (each property is read once).
   */
  static boolean check(Object bean, String path, Findings findings) {
    ConstraintPrecheck.Plan plan = ConstraintPrecheck.plan(bean.getClass());
    boolean mayFail = plan.classConstrained();
    for (PropertyChecks check : plan.properties()) {
      Property property = check.property();
      Object value = property.get(bean);
      mayFail = mayFail || check.fails(value);
      if (value instanceof List<?> items) {
        String at = path + "." + property.wireName();
        for (int i = 0; i < items.size(); i++) {
          String itemPath = at + "[" + i + "]";
          if (items.get(i) == null) {
            findings.add(ValidationRules.NULL_ITEM, itemPath, "a list item must not be null", null);
          } else {
            mayFail = checkValue(items.get(i), itemPath, findings) && check.cascade() || mayFail;
          }
        }
      } else if (value != null && needsCheck(value, property)) {
        mayFail = checkValue(value, path + "." + property.wireName(), findings) && check.cascade() || mayFail;
      } else if (!mayFail && check.cascade() && value != null) {
        mayFail = ConstraintPrecheck.holdsFailingModel(value); // a collection other than a list
      }
    }
    return mayFail;
  }

  /** False for the values every rule here passes without a look at their path: the common case. */
  private static boolean needsCheck(Object value, Property property) {
    if (value instanceof Enum<?> constant) {
      return GeneratedEnums.of(constant.getDeclaringClass()).isUnknown(constant);
    } else if (value instanceof Double number) {
      return !Double.isFinite(number);
    } else if (value instanceof String text) {
      return property.wireName().endsWith("Url") || loneSurrogate(text) >= 0;
    }
    return ModelProperties.isModel(value.getClass());
  }

  /** The rules on one value; for a model object, whether a constraint in it may fail (else false). */
  private static boolean checkValue(Object value, String path, Findings findings) {
    if (value instanceof Enum<?> constant && GeneratedEnums.of(constant.getDeclaringClass()).isUnknown(constant)) {
      findings.add(ValidationRules.UNKNOWN_ENUM, path,
          "must be one of " + GeneratedEnums.of(constant.getDeclaringClass()).knownValues(),
          "a value unknown to this client");
    } else if (value instanceof Double number && !Double.isFinite(number)) {
      findings.add(ValidationRules.TYPE, path, "must be a finite number", number.toString());
    } else if (value instanceof String text) {
      int lone = loneSurrogate(text);
      if (lone >= 0) {
        // UTF-8 cannot carry it: the wire would silently get '?' instead (a different text, billed).
        findings.add(ValidationRules.WELL_FORMED_UNICODE, path, "has an unpaired UTF-16 surrogate at character "
            + (text.codePointCount(0, lone) + 1), String.format(Locale.ROOT, "U+%04X", (int) text.charAt(lone)));
      } else if (path.endsWith("Url")) {
        UrlRules.check(path, text, findings);
      }
    } else if (ModelProperties.isModel(value.getClass())) {
      return check(value, path, findings);
    }
    return false;
  }

  /** The index of the first surrogate that is not half of a pair, or -1. */
  private static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
