package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.internal.eval.IntervalScores;
import io.github.seriesforecaster.internal.intervals.ScaledErrors;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks prediction intervals on validation data they were not calibrated on: the volatility-scaled
 * scores of the first half of the validation origins calibrate, the errors of the second half are
 * scored. Intervals are symmetric, so an absolute error {@code e} against half-width {@code w} is
 * scored as the actual value {@code e} against the interval {@code [-w, w]}.
 */
final class IntervalHoldOut {
  private IntervalHoldOut() {}

  /**
   * @param errors errors in origin order, as measured
   * @param series the target series
   * @param first index of the first validation value
   * @param volatility the scale estimate
   * @param season season length for the MSIS scale, 0 for none
   * @param maximumSteps steps to score, from 1 (e.g. 1 for one-step checks)
   * @param levels coverage levels
   * @return one entry per level, or an empty list when either half has under 2 origins
   */
  static List<IntervalMetrics> check(ForecastErrors errors, double[] series, int first,
      VolatilityScale volatility, int season, int maximumSteps, double... levels) {
    int[] origins = ForecastErrors.origins(first, series.length);
    int half = origins.length / 2;
    if (half < 2 || origins.length - half < 2) {
      return List.of();
    }
    int steps = Math.min(maximumSteps, errors.steps());
    double[][] calibration = new double[steps][];
    for (int h = 0; h < steps; h++) {
      double[] inOrder = errors.errorsInOrder(h + 1);
      calibration[h] = Arrays.copyOf(inOrder, Math.min(half, inOrder.length));
      if (calibration[h].length == 0) {
        steps = h;
        break;
      }
    }
    if (steps == 0) {
      return List.of();
    }
    ScaledErrors scaled = ScaledErrors.of(Arrays.copyOf(calibration, steps),
        Arrays.copyOf(origins, half), series, volatility);
    if (scaled == null) {
      return List.of();
    }
    double scale = IntervalScores.scale(Arrays.copyOf(series, first), season);
    List<IntervalMetrics> result = new ArrayList<>();
    for (double level : levels) {
      List<double[]> scored = new ArrayList<>();
      for (int h = 0; h < steps; h++) {
        double[] inOrder = errors.errorsInOrder(h + 1);
        for (int o = half; o < inOrder.length; o++) {
          double width =
              scaled.halfWidth(level, h + 1, scaled.scaleAt(series, origins[o]));
          scored.add(new double[] {inOrder[o], width});
        }
      }
      double[] actual = new double[scored.size()];
      double[] lower = new double[scored.size()];
      double[] upper = new double[scored.size()];
      for (int i = 0; i < actual.length; i++) {
        actual[i] = scored.get(i)[0];
        lower[i] = -scored.get(i)[1];
        upper[i] = scored.get(i)[1];
      }
      result.add(IntervalScores.of(level, actual, lower, upper, scale));
    }
    return result;
  }
}
