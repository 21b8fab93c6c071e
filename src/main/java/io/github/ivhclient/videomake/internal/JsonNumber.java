package io.github.ivhclient.videomake.internal;

import java.math.BigDecimal;

/** A JSON number as written: RFC 8259 sets no range, so judging it is the schema's job, not the parser's. */
record JsonNumber(String literal) {
  /** The exact value, or {@code null} when even its exponent is beyond a BigDecimal's (an int's). */
  BigDecimal exact() {
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** JSON Schema's integer: no fractional part, so {@code 1.0} and {@code 1e400} count. */
  boolean isIntegral() {
    BigDecimal exact = exact();
    if (exact == null) {
      return !literal.matches(".*[eE]-.*"); // 1e99999999999 is integral; 1e-99999999999 is not
    }
    return exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
  }

  boolean isWithin(long min, long max) {
    BigDecimal exact = exact();
    return exact != null && exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  /** The nearest double: infinite beyond the double range, 0 below its smallest magnitude. */
  double toDouble() {
    return Double.parseDouble(literal);
  }
}
