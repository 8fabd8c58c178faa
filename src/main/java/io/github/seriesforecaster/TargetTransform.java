package io.github.seriesforecaster;

/**
 * How values are turned into what the network sees and predicts, and back.
 *
 * <p>Every transform is applied to each window on its own and inverted exactly, so
 * {@link SeriesForecaster#predict(double[])} always takes and returns original units. The
 * transformed values are then min-max scaled to [-1, 1] by a scaler fitted on the training part only.
 */
public enum TargetTransform {
  /**
   * The values themselves. The network cannot predict outside the range it saw in training, so a
   * trending series whose validation period leaves that range is forecast badly.
   */
  LEVELS,
  /**
   * First differences {@code x[t] - x[t-1]}; the forecast is the last value plus the predicted
   * change. Stays in range on a trending series. Needs one more past value than {@code window}.
   */
  DIFFERENCES,
  /**
   * Log returns {@code ln(x[t] / x[t-1])}; the forecast is the last value times the exponential of
   * the predicted return. Suits prices and other positive series whose changes grow with their
   * level. All values must be positive. Needs one more past value than {@code window}.
   */
  LOG_RETURNS
}
