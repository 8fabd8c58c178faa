package io.github.seriesforecaster.internal.eval;

import io.github.seriesforecaster.ErrorMetrics;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes {@link ErrorMetrics}. RMSE and MAE come from DL4J's {@link RegressionEvaluation}; MAPE,
 * sMAPE and MASE, which it lacks, are computed here.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * @param actual actual values
   * @param forecast forecasts of the same points
   * @param naiveScale in-sample MAE of the naive forecast, the MASE denominator
   * @return the metrics, or {@link ErrorMetrics#NONE} when there are no points
   */
  public static ErrorMetrics of(double[] actual, double[] forecast, double naiveScale) {
    if (actual.length != forecast.length) {
      throw new IllegalArgumentException(
          "actual has " + actual.length + " values but forecast has " + forecast.length);
    }
    int n = actual.length;
    if (n == 0) {
      return ErrorMetrics.NONE;
    }
    RegressionEvaluation evaluation = new RegressionEvaluation(1);
    evaluation.eval(column(actual), column(forecast));
    double rmse = evaluation.rootMeanSquaredError(0);
    double mae = evaluation.meanAbsoluteError(0);

    double percentSum = 0;
    int percentPoints = 0;
    double symmetricSum = 0;
    for (int i = 0; i < n; i++) {
      double error = Math.abs(actual[i] - forecast[i]);
      if (actual[i] != 0) {
        percentSum += error / Math.abs(actual[i]);
        percentPoints++;
      }
      double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
      symmetricSum += denominator == 0 ? 0 : 2 * error / denominator;
    }
    double mape = percentPoints == 0 ? Double.NaN : 100 * percentSum / percentPoints;
    double smape = 100 * symmetricSum / n;
    double mase = naiveScale > 0 ? mae / naiveScale : Double.NaN;
    return new ErrorMetrics(n, rmse, mae, mape, percentPoints, smape, mase);
  }

  /**
   * @param series values in order
   * @param end one past the last value used
   * @param lag season length, 1 for the plain naive forecast
   * @return mean absolute difference {@code |x[t] - x[t-lag]|} over {@code t < end}, or NaN if there is none
   */
  public static double naiveScale(double[] series, int end, int lag) {
    double sum = 0;
    int count = 0;
    for (int t = lag; t < end; t++) {
      sum += Math.abs(series[t] - series[t - lag]);
      count++;
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private static INDArray column(double[] values) {
    return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
  }
}
