package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.internal.intervals.PooledErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals of a global model for every series of a set, calibrated on the histories
 * given, each series with its own scale: the model forecasts every history from {@code c} values
 * before its end ({@code c} = the model's validation length, or its horizon without one, at most
 * the steps asked for), the absolute errors of those forecasts are divided by their series' mean
 * absolute seasonal difference ({@link PooledErrors#seasonalScale}) and pooled per step over the
 * series, and a series' interval is its forecast plus or minus its own scale times the pooled
 * conformal quantile. A quiet series therefore gets a narrow interval and a noisy one a wide one.
 * Given the training set, the calibration values are exactly the validation part the network never
 * trained on.
 */
public final class GlobalIntervals {
  private GlobalIntervals() {}

  /**
   * @param model the fitted model
   * @param ids the series ids, for messages
   * @param histories the series to forecast from, each at least {@code minimumHistory()} long
   * @param steps values to forecast, at least 1
   * @param levels coverage levels, each strictly between 0 and 1
   * @return per series, in order, its forecast with bounds per level
   * @throws IllegalArgumentException if no history is long enough to calibrate on (the
   *     model's window plus the calibration length) or a history cannot be normalised
   */
  public static List<ForecastIntervals> of(GlobalModel model, List<String> ids,
      List<double[]> histories, int steps, double[] levels) {
    int lag = model.config().seasonLag();
    int calibration = Math.min(steps, model.config().validation() > 0
        ? model.config().validation() : model.config().horizon());
    List<String> calibrationIds = new ArrayList<>();
    List<double[]> calibrationHistories = new ArrayList<>();
    List<double[]> calibrationActual = new ArrayList<>();
    List<Double> calibrationScales = new ArrayList<>();
    for (int s = 0; s < histories.size(); s++) {
      double[] values = histories.get(s);
      int origin = values.length - calibration;
      if (origin >= model.config().minimumHistory()) {
        calibrationIds.add(ids.get(s));
        calibrationHistories.add(Arrays.copyOf(values, origin));
        calibrationActual.add(Arrays.copyOfRange(values, origin, values.length));
        calibrationScales.add(PooledErrors.seasonalScale(values, origin, lag));
      }
    }
    if (calibrationIds.isEmpty()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "no series has the %d values intervals need (window %d plus %d calibration values); "
              + "pass longer histories", model.config().minimumHistory() + calibration,
          model.config().minimumHistory(), calibration));
    }
    double[][] calibrationForecasts =
        model.forecastAll(calibrationIds, calibrationHistories, calibration);
    double[][] errors = new double[calibrationIds.size()][calibration];
    double[] scales = new double[calibrationIds.size()];
    for (int s = 0; s < errors.length; s++) {
      for (int h = 0; h < calibration; h++) {
        errors[s][h] = Math.abs(calibrationActual.get(s)[h] - calibrationForecasts[s][h]);
      }
      scales[s] = calibrationScales.get(s);
    }
    PooledErrors pooled = PooledErrors.of(errors, scales);
    double typical = median(scales);

    double[][] point = model.forecastAll(ids, histories, steps);
    List<ForecastIntervals> result = new ArrayList<>(ids.size());
    for (int s = 0; s < ids.size(); s++) {
      double[] values = histories.get(s);
      double scale = PooledErrors.seasonalScale(values, values.length, lag);
      if (!(scale > 0)) {
        // a flat history has no scale of its own: the set's typical one
        scale = typical;
      }
      double[][] lower = new double[levels.length][steps];
      double[][] upper = new double[levels.length][steps];
      for (int l = 0; l < levels.length; l++) {
        for (int h = 0; h < steps; h++) {
          double half = pooled.halfWidth(levels[l], h + 1, scale);
          lower[l][h] = point[s][h] - half;
          upper[l][h] = point[s][h] + half;
        }
      }
      result.add(new ForecastIntervals(point[s], levels, lower, upper));
    }
    return result;
  }

  private static double median(double[] scales) {
    double[] finite = Arrays.stream(scales).filter(v -> v > 0 && Double.isFinite(v)).sorted()
        .toArray();
    int middle = finite.length / 2;
    return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
  }
}
