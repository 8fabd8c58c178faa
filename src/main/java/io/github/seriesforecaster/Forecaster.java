package io.github.seriesforecaster;

/**
 * Anything that forecasts a series from its past values in original units: the LSTM
 * {@link SeriesForecaster} and the {@link Baselines}, so they can be compared on equal terms.
 */
public interface Forecaster {

  /** @return the fewest past values {@link #predict} accepts */
  int minimumHistory();

  /**
   * @param series past values, at least {@link #minimumHistory()}, the most recent last
   * @return the value after the last one
   */
  double predict(double[] series);

  /**
   * @param series past values, at least {@link #minimumHistory()}
   * @param steps values to forecast, at least 1
   * @return the next {@code steps} values
   */
  double[] forecast(double[] series, int steps);

  /** @return a short name for reports, such as {@code naive} */
  String name();
}
