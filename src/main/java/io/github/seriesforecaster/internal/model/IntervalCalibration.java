package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.internal.intervals.AdaptiveLevel;
import io.github.seriesforecaster.internal.intervals.ScaledErrors;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;

/**
 * Turns validation forecast errors into interval half-widths: locally weighted split-conformal
 * (errors scaled by the recent volatility at their origins, see {@link ScaledErrors}) with the
 * level adapted to the history's recent misses ({@link AdaptiveLevel}) when the errors carry scaled
 * scores, plain split-conformal ({@link ForecastErrors#halfWidth}) for models saved before scores
 * existed.
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
   * Adds interval bounds to point forecasts, half-widths as {@link #halfWidths}.
   *
   * @param model the fitted model, with validation errors
   * @param point point forecasts for steps 1, 2, ... from the end of {@code inputs}
   * @param inputs the input columns before the forecast origin, the target first
   * @param levels coverage levels, each strictly between 0 and 1
   * @return the point forecasts with lower and upper bounds per level
   */
  public static ForecastIntervals intervals(FittedModel model, double[] point,
      double[][] inputs, double[] levels) {
    double[][] half = halfWidths(model, inputs, point.length, levels);
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
   * Half-widths for a forecast from the end of {@code inputs}: with scaled scores, the scale of
   * the history times the scores' quantile at a level adapted, per step, by replaying the
   * history's forecasts from its last (up to {@link AdaptiveLevel#WINDOW}) origins
   * ({@link AdaptiveLevel}); steps beyond the scored ones keep the last scored step's level.
   * Without scaled scores, the fixed split-conformal widths.
   *
   * @param model the fitted model, with validation errors
   * @param inputs the input columns before the forecast origin, the target first
   * @param steps horizon steps, at least 1
   * @param levels coverage levels strictly between 0 and 1
   * @return half-widths per level and step
   */
  public static double[][] halfWidths(FittedModel model, double[][] inputs, int steps,
      double[] levels) {
    ForecastErrors errors = model.errors();
    ScaledErrors scaled = errors.scaled();
    double[][] half = new double[levels.length][steps];
    if (scaled == null) {
      for (int l = 0; l < levels.length; l++) {
        for (int h = 0; h < steps; h++) {
          half[l][h] = errors.halfWidth(levels[l], h + 1);
        }
      }
      return half;
    }
    double[] target = inputs[0];
    double scale = scaled.scaleOf(target);
    int replayed = Math.min(steps, scaled.steps());
    Replay replay = replay(model, inputs, scaled, replayed);
    for (int l = 0; l < levels.length; l++) {
      double level = levels[l];
      for (int h = 0; h < steps; h++) {
        if (h < replayed) {
          level = AdaptiveLevel.replay(scaled, levels[l], h + 1, replay.errors[h],
              replay.scales[h]);
        }
        half[l][h] = scaled.halfWidth(level, h + 1, scale);
      }
    }
    return half;
  }

  /** Per step, the absolute errors of the history's forecasts and the scales at their origins. */
  private record Replay(double[][] errors, double[][] scales) {}

  private static Replay replay(FittedModel model, double[][] inputs, ScaledErrors scaled,
      int steps) {
    double[] target = inputs[0];
    int end = target.length;
    int history = model.encoder().minimumHistory();
    // only the stretch where every input is finite: earlier values need not be valid
    int finiteFrom = end;
    while (finiteFrom > 0 && finite(inputs, finiteFrom - 1)) {
      finiteFrom--;
    }
    int first = Math.max(finiteFrom + history, end - AdaptiveLevel.WINDOW);
    double[][] errors = new double[steps][];
    double[][] scales = new double[steps][];
    for (int h = 0; h < steps; h++) {
      int count = Math.max(0, end - h - first);
      errors[h] = new double[count];
      scales[h] = new double[count];
    }
    // every origin's forecast in one batched pass: models without a plain-Java forward (the
    // Holt-Winters convolution) would otherwise pay one DL4J call per origin and step
    int count = Math.max(0, end - first);
    int[] origins = new int[count];
    int[] known = new int[count];
    for (int i = 0; i < count; i++) {
      origins[i] = first + i;
      known[i] = Math.min(steps, end - origins[i]);
    }
    double[][] forecasts = count == 0 ? new double[0][]
        : model.forecastFromOrigins(inputs, origins, known, false);
    for (int i = 0; i < count; i++) {
      double scale = scaled.scaleAt(target, origins[i]);
      for (int h = 0; h < known[i]; h++) {
        errors[h][i] = Math.abs(target[origins[i] + h] - forecasts[i][h]);
        scales[h][i] = scale;
      }
    }
    return new Replay(errors, scales);
  }

  private static boolean finite(double[][] inputs, int row) {
    for (double[] column : inputs) {
      if (!Double.isFinite(column[row])) {
        return false;
      }
    }
    return true;
  }
}
