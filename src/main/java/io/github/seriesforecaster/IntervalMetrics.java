package io.github.seriesforecaster;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How well prediction intervals of one level did against actual values, in the M4 competition's
 * terms.
 *
 * @param level the nominal coverage, e.g. 0.95
 * @param points intervals scored
 * @param coverage share of actual values inside their interval (bounds included)
 * @param meanWidth mean of upper minus lower bound, original units
 * @param msis mean scaled interval score: the mean over the points of {@code (U - L) + 2/a (L -
 *     y) 1{y < L} + 2/a (y - U) 1{y > U}} with {@code a = 1 - level}, divided by the mean absolute
 *     seasonal difference of the in-sample series (season 1 without a season); lower is better,
 *     NaN when that scale is zero or unknown
 */
public record IntervalMetrics(double level, int points, double coverage, double meanWidth,
    double msis) {

  /**
   * @param level the nominal coverage
   * @return metrics of no intervals: every measure NaN
   */
  public static IntervalMetrics none(double level) {
    return new IntervalMetrics(level, 0, Double.NaN, Double.NaN, Double.NaN);
  }

  /** @return the absolute coverage difference {@code |coverage - level|} (the M4's ACD) */
  public double coverageDeviation() {
    return Math.abs(coverage - level);
  }

  /** @return one line such as {@code 80% intervals: coverage 78.3%, mean width 12.4, MSIS 9.87 (314 points)} */
  @Override
  public String toString() {
    String percent = new BigDecimal(String.format(Locale.ROOT, "%.4f", 100 * level))
        .stripTrailingZeros().toPlainString();
    return String.format(Locale.ROOT,
        "%s%% intervals: coverage %.1f%%, mean width %.4g, MSIS %.4g (%d points)",
        percent, 100 * coverage, meanWidth, msis, points);
  }
}
