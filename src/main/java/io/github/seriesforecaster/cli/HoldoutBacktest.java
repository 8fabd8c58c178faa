package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.eval.Metrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code backtest} command's evaluation, kept in one class so that it can give way to the
 * library's rolling-origin {@code eval.Backtest} when that exists: fit once on the first part of
 * the series, then forecast each value of the last part one step ahead from the true values
 * before it (walk-forward, no refitting), beside the naive and, with a season, the seasonal naive
 * forecast.
 *
 * <p>Unlike the validation scores of {@code fit}, nothing learned from data (weights, early
 * stopping, shrinkage, scaler) has seen the test part: the fit's own validation split is taken
 * from the training part.
 */
final class HoldoutBacktest {
  private HoldoutBacktest() {}

  /**
   * @param trainingValues values the model was fitted on, from the start
   * @param fit the report of that fit
   * @param lstm the model's one-step forecasts of {@code series[trainingValues]} onwards
   * @param naive the previous values, as forecasts of the same points
   * @param metrics errors of each forecaster on the test part, the model first
   */
  record Result(int trainingValues, FitReport fit, double[] lstm, double[] naive,
      Map<String, ErrorMetrics> metrics) {}

  /**
   * @param forecaster an unfitted forecaster with the settings to test; it is fitted here
   * @param series the whole series
   * @param testFraction share of the series, from its end, forecast and scored; above 0, below 1
   * @param season season length for the seasonal naive row, 0 for none
   * @return the forecasts and scores
   * @throws IllegalArgumentException if the test part is empty
   * @throws SeriesFormatException if the training part is too short for the settings
   */
  static Result run(SeriesForecaster forecaster, double[] series, double testFraction, int season) {
    Objects.requireNonNull(forecaster, "forecaster");
    int test = (int) Math.round(series.length * testFraction);
    int start = series.length - test;
    if (test < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "test fraction %s of %d values leaves no value to test; use a larger fraction",
          testFraction, series.length));
    }
    FitReport fit;
    try {
      fit = forecaster.fit(Arrays.copyOf(series, start));
    } catch (SeriesFormatException e) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "training part (first %d of %d values): %s", start, series.length, e.getMessage()), e);
    }
    int needed = forecaster.minimumHistory();
    double[][] histories = new double[test][];
    double[] actual = Arrays.copyOfRange(series, start, series.length);
    double[] naive = Arrays.copyOfRange(series, start - 1, series.length - 1);
    for (int i = 0; i < test; i++) {
      // predict reads only the last minimumHistory values; passing just those keeps memory linear
      histories[i] = Arrays.copyOfRange(series, start + i - needed, start + i);
    }
    double[] lstm = forecaster.predict(histories);

    // MASE scale: the naive forecast's in-sample error on the training part, as in FitReport
    double scale = Metrics.naiveScale(series, start, 1);
    Map<String, ErrorMetrics> metrics = new LinkedHashMap<>();
    metrics.put(forecaster.name(), Metrics.of(actual, lstm, scale));
    metrics.put("naive", Metrics.of(actual, naive, scale));
    if (season > 0 && start >= season) {
      double[] seasonal = Arrays.copyOfRange(series, start - season, series.length - season);
      metrics.put("seasonal naive (" + season + ")", Metrics.of(actual, seasonal, scale));
    }
    return new Result(start, fit, lstm, naive, metrics);
  }
}
