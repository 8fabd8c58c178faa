package io.github.seriesforecaster.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * Forecasts of the values after the end of a series, optionally with a prediction interval. The
 * arrays are copied in and out, so a band cannot change once built.
 *
 * @param point the forecasts in time order, in original units; at least one
 * @param lower lower interval bounds, one per forecast, or {@code null} for no interval
 * @param upper upper interval bounds, one per forecast, or {@code null} together with {@code lower}
 */
public record ForecastBand(double[] point, double[] lower, double[] upper) {

  /**
   * Checks and copies the arrays.
   *
   * @param point see {@link #point()}
   * @param lower see {@link #lower()}
   * @param upper see {@link #upper()}
   * @throws IllegalArgumentException if {@code point} is empty, only one bound is given, a bound's
   *     length differs from {@code point}'s, or a lower bound exceeds its upper bound
   */
  public ForecastBand {
    Objects.requireNonNull(point, "point");
    if (point.length == 0) {
      throw new IllegalArgumentException("point must hold at least one forecast, was empty");
    }
    if ((lower == null) != (upper == null)) {
      throw new IllegalArgumentException(lower == null
          ? "lower is null but upper has " + upper.length + " values; give both bounds or neither"
          : "upper is null but lower has " + lower.length + " values; give both bounds or neither");
    }
    if (lower != null) {
      checkLength("lower", lower, point.length);
      checkLength("upper", upper, point.length);
      for (int i = 0; i < point.length; i++) {
        if (lower[i] > upper[i]) {
          throw new IllegalArgumentException("lower[" + i + "] is " + lower[i] + " but upper[" + i
              + "] is " + upper[i] + "; a lower bound must not exceed its upper bound");
        }
      }
      lower = lower.clone();
      upper = upper.clone();
    }
    point = point.clone();
  }

  /**
   * @param point the forecasts in time order, at least one
   * @return a band without an interval
   */
  public static ForecastBand of(double[] point) {
    return new ForecastBand(point, null, null);
  }

  /** @return true if lower and upper bounds were given */
  public boolean hasInterval() {
    return lower != null;
  }

  /** @return the number of forecasts */
  public int steps() {
    return point.length;
  }

  /** @return a copy of the forecasts */
  @Override
  public double[] point() {
    return point.clone();
  }

  /** @return a copy of the lower bounds, or {@code null} without an interval */
  @Override
  public double[] lower() {
    return lower == null ? null : lower.clone();
  }

  /** @return a copy of the upper bounds, or {@code null} without an interval */
  @Override
  public double[] upper() {
    return upper == null ? null : upper.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ForecastBand band && Arrays.equals(point, band.point)
        && Arrays.equals(lower, band.lower) && Arrays.equals(upper, band.upper);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(point), Arrays.hashCode(lower), Arrays.hashCode(upper));
  }

  @Override
  public String toString() {
    return "ForecastBand[point=" + Arrays.toString(point) + ", lower=" + Arrays.toString(lower)
        + ", upper=" + Arrays.toString(upper) + "]";
  }

  private static void checkLength(String name, double[] bounds, int expected) {
    if (bounds.length != expected) {
      throw new IllegalArgumentException(name + " has " + bounds.length + " values but point has "
          + expected + "; give one bound per forecast");
    }
  }
}
