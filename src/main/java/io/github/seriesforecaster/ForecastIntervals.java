package io.github.seriesforecaster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Point forecasts with prediction intervals, in original units.
 *
 * <p>The intervals are conformal and follow the series' volatility: for each horizon step, the
 * point forecast plus or minus the recent volatility of the history forecast from (a weighted mean
 * of its absolute one-step changes) times a quantile of the validation errors divided by the
 * volatility at their own origins; the quantile's level is adapted to the misses of the history's
 * last one-step forecasts (adaptive conformal inference). Models saved before these intervals use
 * the plain quantile of the validation errors. Beyond the steps measured on the validation part
 * the half-width grows with the square root of the step. See docs/intervals.md.
 */
public final class ForecastIntervals {
  private final double[] point;
  private final double[] levels;
  private final double[][] lower;
  private final double[][] upper;

  /**
   * Intervals built elsewhere, e.g. by a forecaster over a set of series.
   *
   * @param point the point forecasts, one per step
   * @param levels the coverage levels
   * @param lower per level (in the order of {@code levels}), the lower bounds per step
   * @param upper per level, the upper bounds per step
   * @return the intervals (the arrays are copied)
   * @throws IllegalArgumentException if the shapes disagree
   */
  public static ForecastIntervals of(double[] point, double[] levels, double[][] lower,
      double[][] upper) {
    if (lower.length != levels.length || upper.length != levels.length) {
      throw new IllegalArgumentException(levels.length + " levels but " + lower.length
          + " lower and " + upper.length + " upper bound rows");
    }
    for (int l = 0; l < levels.length; l++) {
      if (lower[l].length != point.length || upper[l].length != point.length) {
        throw new IllegalArgumentException("level " + levels[l] + " has " + lower[l].length
            + " lower and " + upper[l].length + " upper bounds for " + point.length + " steps");
      }
    }
    return new ForecastIntervals(point, levels, lower, upper);
  }

  ForecastIntervals(double[] point, double[] levels, double[][] lower, double[][] upper) {
    this.point = point.clone();
    this.levels = levels.clone();
    this.lower = deepCopy(lower);
    this.upper = deepCopy(upper);
  }

  /** @return the point forecasts, one per step */
  public double[] point() {
    return point.clone();
  }

  /** @return the coverage levels, in the order they were asked for */
  public double[] levels() {
    return levels.clone();
  }

  /** @return the lower bounds for {@code level}, one per step */
  public double[] lower(double level) {
    return lower[indexOf(level)].clone();
  }

  /** @return the upper bounds for {@code level}, one per step */
  public double[] upper(double level) {
    return upper[indexOf(level)].clone();
  }

  private int indexOf(double level) {
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] == level) {
        return i;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "no interval for level %s; levels are %s", level, Arrays.toString(levels)));
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }
}
