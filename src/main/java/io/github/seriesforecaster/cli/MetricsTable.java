package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ErrorMetrics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table of forecasters' error metrics on the same points, one row per forecaster. */
final class MetricsTable {
  private static final String[] HEADER = {"forecaster", "RMSE", "MAE", "MAPE", "sMAPE", "MASE",
      "points"};

  private final List<String[]> rows = new ArrayList<>();

  /**
   * @param name the forecaster's name, such as {@code lstm} or {@code naive}
   * @param metrics its errors
   * @return this table
   */
  MetricsTable add(String name, ErrorMetrics metrics) {
    rows.add(new String[] {name, significant(metrics.rmse(), 4), significant(metrics.mae(), 4),
        percent(metrics.mape()), percent(metrics.smape()), fixed(metrics.mase(), 3),
        Integer.toString(metrics.points())});
    return this;
  }

  /** @return the table: a header line and one line per row, names left-aligned, numbers right */
  @Override
  public String toString() {
    int[] widths = new int[HEADER.length];
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(rows);
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] line : lines) {
      text.append(String.format(Locale.ROOT, "%-" + widths[0] + "s", line[0]));
      for (int i = 1; i < line.length; i++) {
        text.append(String.format(Locale.ROOT, "  %" + widths[i] + "s", line[i]));
      }
      text.append(System.lineSeparator());
    }
    return text.toString();
  }

  /**
   * @return {@code value} rounded to {@code digits} significant digits, trailing zeros kept so
   *     that a column lines up, never in E notation
   */
  static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
    int integerDigits = rounded.precision() - rounded.scale();
    return rounded.setScale(Math.max(0, digits - integerDigits)).toPlainString();
  }

  /** @return {@code value} rounded to {@code digits} significant digits without trailing zeros */
  static String shortest(double value, int digits) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros()
        .toPlainString();
  }

  private static String percent(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value) : "n/a";
  }

  private static String fixed(double value, int decimals) {
    return Double.isFinite(value)
        ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
  }
}
