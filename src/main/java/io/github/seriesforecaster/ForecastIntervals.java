package io.github.seriesforecaster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Point forecasts with prediction intervals, in original units.
 *
 * <p>The intervals of {@link SeriesForecaster#forecastWithIntervals} are conformal and follow the
 * series' volatility: for each horizon step, the point forecast plus or minus the recent volatility
 * of the history forecast from (a weighted mean of its absolute one-step changes) times a quantile
 * of the validation errors divided by the volatility at their own origins; the quantile's level is
 * adapted to the misses of the history's recent forecasts (adaptive conformal inference). Models
 * saved before these intervals use the plain quantile of the validation errors. Beyond the steps
 * measured on the validation part the half-width grows with the square root of the step. See
 * docs/intervals.md.
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

  /**
   * @param level one of {@link #levels()}
   * @return the lower bounds for {@code level}, one per step
   * @throws IllegalArgumentException if {@code level} was not asked for
   */
  public double[] lower(double level) {
    return lower[indexOf(level)].clone();
  }

  /**
   * @param level one of {@link #levels()}
   * @return the upper bounds for {@code level}, one per step
   * @throws IllegalArgumentException if {@code level} was not asked for
   */
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
