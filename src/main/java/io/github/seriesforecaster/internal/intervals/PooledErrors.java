package io.github.seriesforecaster.internal.intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecast errors of many series pooled per horizon step after dividing each by its own series'
 * scale, for intervals from one model over a set of series: the interval of a series at level
 * {@code p} and step {@code h} is its point forecast plus or minus its scale times the
 * {@code ceil((n + 1) p)}-th smallest of the {@code n} scaled step-{@code h} errors. A quiet series
 * thus gets a narrow interval and a noisy one a wide one, while all series share the shape of the
 * error distribution. Assumes the scaled errors of different series are exchangeable. Beyond the
 * last step with errors the half-width grows with the square root of the step.
 */
public final class PooledErrors {
  private final double[][] sortedByStep;

  private PooledErrors(double[][] sortedByStep) {
    this.sortedByStep = sortedByStep;
  }

  /**
   * @param absoluteErrors per series, its absolute errors for steps 1, 2, ... (any length)
   * @param scales per series, its scale; series whose scale is not positive and finite are left out
   * @return the pooled scores; steps without any score are dropped from the end
   * @throws IllegalArgumentException if no series has a usable scale and a step-1 error
   */
  public static PooledErrors of(double[][] absoluteErrors, double[] scales) {
    if (absoluteErrors.length != scales.length) {
      throw new IllegalArgumentException(absoluteErrors.length + " error rows but "
          + scales.length + " scales");
    }
    List<double[]> byStep = new ArrayList<>();
    for (int h = 0; ; h++) {
      List<Double> scores = new ArrayList<>();
      for (int s = 0; s < absoluteErrors.length; s++) {
        if (h < absoluteErrors[s].length && scales[s] > 0 && Double.isFinite(scales[s])
            && Double.isFinite(absoluteErrors[s][h])) {
          scores.add(absoluteErrors[s][h] / scales[s]);
        }
      }
      if (scores.isEmpty()) {
        break;
      }
      double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      byStep.add(sorted);
    }
    if (byStep.isEmpty()) {
      throw new IllegalArgumentException(
          "no series has both a positive scale and a forecast error to calibrate intervals on");
    }
    return new PooledErrors(byStep.toArray(new double[0][]));
  }

  /**
   * The mean absolute seasonal difference {@code |y[t] - y[t - season]|} over {@code values[.. end)}
   * (the MASE and MSIS denominator), falling back to one-step differences when the series is too
   * short for the season or its seasonal differences are all zero.
   *
   * @param values the series
   * @param end one past the last value used
   * @param season the season length, 0 or 1 for none
   * @return the scale, NaN when there is no difference at all or every difference is zero
   */
  public static double seasonalScale(double[] values, int end, int season) {
    double scale = meanAbsoluteDifference(values, end, Math.max(1, season));
    return scale > 0 || season <= 1 ? (scale > 0 ? scale : Double.NaN)
        : seasonalScale(values, end, 1);
  }

  private static double meanAbsoluteDifference(double[] values, int end, int lag) {
    double sum = 0;
    int count = 0;
    for (int t = lag; t < end; t++) {
      double difference = values[t] - values[t - lag];
      if (Double.isFinite(difference)) {
        sum += Math.abs(difference);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * @param level coverage, strictly between 0 and 1
   * @param step horizon step, from 1
   * @param scale the forecast series' scale
   * @return the half-width of its interval
   */
  public double halfWidth(double level, int step, double scale) {
    int measured = Math.min(step, sortedByStep.length);
    double width = scale * ScaledErrors.quantile(sortedByStep[measured - 1], level);
    return step <= measured ? width : width * Math.sqrt((double) step / measured);
  }

  /** @return the steps with scores */
  public int steps() {
    return sortedByStep.length;
  }

  /** @return a copy of the sorted scores of step {@code step} (from 1) */
  public double[] scores(int step) {
    return Arrays.copyOf(sortedByStep[step - 1], sortedByStep[step - 1].length);
  }
}
