package io.github.seriesforecaster.bench;

/**
 * The M4 competition's point-forecast scores (see ../shared/data/README.md): per series sMAPE =
 * 100/h · Σ 2|y − ŷ| / (|y| + |ŷ|) and MASE = mean |y − ŷ| / mean over the training part of
 * |y[t] − y[t − m]|, both averaged over the series; OWA = ½ (sMAPE / sMAPE_Naive2 + MASE /
 * MASE_Naive2) with the official Naive2 figures of the frequency.
 */
final class M4Scores {
  /** Official Naive2 hourly sMAPE, the OWA denominator. */
  static final double NAIVE2_HOURLY_SMAPE = 18.383;
  /** Official Naive2 hourly MASE, the OWA denominator. */
  static final double NAIVE2_HOURLY_MASE = 2.395;

  private double smapeSum;
  private double maseSum;
  private int series;

  /**
   * @param training the series' training part
   * @param actual its test values
   * @param forecast the forecast of them
   * @param m the seasonal lag of the MASE scale (24 for hourly)
   */
  void add(double[] training, double[] actual, double[] forecast, int m) {
    smapeSum += smape(actual, forecast);
    maseSum += mase(training, actual, forecast, m);
    series++;
  }

  static double smape(double[] actual, double[] forecast) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += 2 * Math.abs(actual[i] - forecast[i]) / (Math.abs(actual[i]) + Math.abs(forecast[i]));
    }
    return 100 * sum / actual.length;
  }

  static double mase(double[] training, double[] actual, double[] forecast, int m) {
    double scale = 0;
    for (int t = m; t < training.length; t++) {
      scale += Math.abs(training[t] - training[t - m]);
    }
    scale /= training.length - m;
    double error = 0;
    for (int i = 0; i < actual.length; i++) {
      error += Math.abs(actual[i] - forecast[i]);
    }
    return error / actual.length / scale;
  }

  /** @return the seasonal naive forecast: the last {@code m} values repeated */
  static double[] seasonalNaive(double[] training, int m, int steps) {
    double[] forecast = new double[steps];
    for (int h = 0; h < steps; h++) {
      forecast[h] = training[training.length - m + h % m];
    }
    return forecast;
  }

  double smape() {
    return smapeSum / series;
  }

  double mase() {
    return maseSum / series;
  }

  double owa() {
    return (smape() / NAIVE2_HOURLY_SMAPE + mase() / NAIVE2_HOURLY_MASE) / 2;
  }

  int series() {
    return series;
  }
}
