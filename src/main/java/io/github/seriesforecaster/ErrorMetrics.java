package io.github.seriesforecaster;

import java.util.Locale;

/**
 * Accuracy of one-step forecasts against actual values, in original units.
 *
 * @param points forecasts scored
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param mape mean absolute percentage error in percent, over the {@code mapePoints} non-zero
 *     actual values; NaN if all actual values are zero
 * @param mapePoints forecasts MAPE is computed on (zero actual values are skipped)
 * @param smape symmetric MAPE in percent, {@code 200 |y - f| / (|y| + |f|)} averaged, with 0/0 counted as 0
 * @param mase mean absolute scaled error: MAE divided by the in-sample MAE of the naive forecast
 *     on the training part; NaN if that is zero
 */
public record ErrorMetrics(
    int points, double rmse, double mae, double mape, int mapePoints, double smape, double mase) {

  /** Metrics of no forecasts, for a fit without a validation part: every measure is NaN. */
  public static final ErrorMetrics NONE =
      new ErrorMetrics(0, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);

  /**
   * @return one line such as {@code RMSE 13.9 MAE 9.8 MAPE 2.1% sMAPE 2.1% MASE 1.00 (314 points)},
   *     saying how many zero actual values MAPE skipped, if any
   */
  @Override
  public String toString() {
    String skipped = mapePoints < points
        ? String.format(Locale.ROOT, ", MAPE skips %d zero values", points - mapePoints) : "";
    return String.format(Locale.ROOT,
        "RMSE %.4g  MAE %.4g  MAPE %.3g%%  sMAPE %.3g%%  MASE %.3g  (%d points%s)",
        rmse, mae, mape, smape, mase, points, skipped);
  }
}
