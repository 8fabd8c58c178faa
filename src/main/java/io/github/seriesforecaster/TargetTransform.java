package io.github.seriesforecaster;

/**
 * How values are turned into what the network sees and predicts, and back.
 *
 * <p>Every transform is applied to each window on its own and inverted exactly, so
 * {@link SeriesForecaster#predict(double[])} always takes and returns original units. The
 * transformed values are then min-max scaled to [-1, 1] by a scaler fitted on the training part only.
 *
 * <p>Each transform except {@link #LEVELS} has a natural "no change" forecast, a transformed value of
 * zero: the naive forecast for {@link #DIFFERENCES} and {@link #LOG_RETURNS}, last year's change
 * added to the last value for {@link #SEASONAL_DIFFERENCES}. The network learns what to add to it,
 * and its output is shrunk toward it by a factor fitted on the validation part (see
 * {@link FitReport#shrinkage()}).
 */
public enum TargetTransform {
  /**
   * {@link #DIFFERENCES} without a season. With a season, a model is trained for each of
   * {@link #DIFFERENCES}, {@link #SEASONAL_DIFFERENCES} and {@link #SEASONAL_AND_FIRST_DIFFERENCES}
   * and the one with the lowest validation RMSE is kept (three times the training time). The
   * default; see docs/quality.md for the measurements behind it.
   */
  AUTO,
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
  LOG_RETURNS,
  /**
   * Seasonal differences {@code x[t] - x[t-s]} for season length {@code s}: the change since the
   * same point one season earlier; its no-change forecast is the seasonal naive one. Suits a
   * stable seasonal pattern. Needs a season and {@code window + season} past values.
   */
  SEASONAL_DIFFERENCES,
  /**
   * Seasonal and first differences {@code (x[t] - x[t-1]) - (x[t-s] - x[t-s-1])}: the change since
   * the last value compared with the same change one season earlier (the differencing of the
   * classic "airline" model); its no-change forecast is the last value plus last season's change.
   * Suits trending seasonal series. Needs a season and {@code window + season + 1} past values.
   */
  SEASONAL_AND_FIRST_DIFFERENCES
}
