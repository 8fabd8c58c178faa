package io.github.seriesforecaster.model;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.intervals.ScaledErrors;
import io.github.seriesforecaster.intervals.VolatilityScale;

/**
 * Turns validation forecast errors into interval half-widths: locally weighted split-conformal
 * (errors scaled by the recent volatility at their origins, see {@link ScaledErrors}) when the
 * errors carry scaled scores, plain split-conformal ({@link ForecastErrors#halfWidth}) for models
 * saved before scores existed.
 */
public final class IntervalCalibration {
  private IntervalCalibration() {}

  /**
   * @param errors errors measured by {@link ForecastErrors#measure}, in origin order
   * @param series the target series the errors were measured on
   * @param first index of the first validation value
   * @param volatility the scale estimate
   * @return the errors with volatility-scaled scores (unchanged when no origin has a usable scale)
   */
  public static ForecastErrors calibrate(ForecastErrors errors, double[] series, int first,
      VolatilityScale volatility) {
    int[] origins = ForecastErrors.origins(first, series.length);
    double[][] inOrder = new double[errors.steps()][];
    for (int h = 0; h < inOrder.length; h++) {
      inOrder[h] = errors.errorsInOrder(h + 1);
    }
    ScaledErrors scaled = ScaledErrors.of(inOrder, origins, series, volatility);
    return scaled == null ? errors : errors.withScaled(scaled);
  }

  /**
   * Adds interval bounds to point forecasts.
   *
   * @param errors the model's validation errors
   * @param point point forecasts for steps 1, 2, ...
   * @param target the target values before the forecast origin (the history forecast from)
   * @param levels coverage levels, each strictly between 0 and 1
   * @return the point forecasts with lower and upper bounds per level
   */
  public static ForecastIntervals intervals(ForecastErrors errors, double[] point,
      double[] target, double[] levels) {
    double[][] half = halfWidths(errors, target, point.length, levels);
    double[][] lower = new double[levels.length][point.length];
    double[][] upper = new double[levels.length][point.length];
    for (int l = 0; l < levels.length; l++) {
      for (int h = 0; h < point.length; h++) {
        lower[l][h] = point[h] - half[l][h];
        upper[l][h] = point[h] + half[l][h];
      }
    }
    return new ForecastIntervals(point, levels, lower, upper);
  }

  /**
   * @param errors the model's validation errors
   * @param target the target values before the forecast origin (the history forecast from)
   * @param steps horizon steps, at least 1
   * @param levels coverage levels strictly between 0 and 1
   * @return half-widths per level and step
   */
  public static double[][] halfWidths(ForecastErrors errors, double[] target, int steps,
      double[] levels) {
    ScaledErrors scaled = errors.scaled();
    double scale = scaled == null ? Double.NaN : scaled.scaleOf(target);
    double[][] half = new double[levels.length][steps];
    for (int l = 0; l < levels.length; l++) {
      for (int h = 0; h < steps; h++) {
        half[l][h] = scaled == null ? errors.halfWidth(levels[l], h + 1)
            : scaled.halfWidth(levels[l], h + 1, scale);
      }
    }
    return half;
  }
}
