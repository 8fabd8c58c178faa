package io.github.seriesforecaster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Point forecasts with prediction intervals, in original units.
 *
 * <p>The intervals are split-conformal: for each horizon step, the point forecast plus or minus a
 * quantile of the absolute errors that recursive forecasts made on the validation part. They
 * assume the future errors behave like the validation errors; beyond the steps measured there the
 * half-width grows with the square root of the step.
 */
public final class ForecastIntervals {
  private final double[] point;
  private final double[] levels;
  private final double[][] lower;
  private final double[][] upper;

  /**
   * @param point point forecasts, one per step
   * @param levels coverage levels, strictly between 0 and 1
   * @param lower lower bounds, one row per level, one value per step
   * @param upper upper bounds, shaped like {@code lower}
   */
  public ForecastIntervals(double[] point, double[] levels, double[][] lower, double[][] upper) {
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
