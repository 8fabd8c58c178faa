package io.github.seriesforecaster.internal.data;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parses one CSV cell as a number, strictly: {@link Double#parseDouble} alone also takes "1d" and hex. */
final class NumberCells {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private NumberCells() {}

  /** @return true for the cells the missing-value policy applies to */
  static boolean isMissing(String cell) {
    String text = cell.trim();
    return text.isEmpty()
        || text.equalsIgnoreCase("NA")
        || text.equalsIgnoreCase("N/A")
        || text.equalsIgnoreCase("NaN")
        || text.equalsIgnoreCase("null");
  }

  /**
   * @param cell the raw cell text, not missing
   * @return the finite value
   * @throws NumberFormatException with the reason as message when the cell is not a finite number
   */
  static double parse(String cell) {
    String text = cell.trim();
    if (!DECIMAL.matcher(text).matches()) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.matches("[+-]?(inf|infinity)")) {
        throw new NumberFormatException("expected a finite number");
      }
      throw new NumberFormatException("expected a number");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException("which is too large for a double");
    }
    return value;
  }
}
