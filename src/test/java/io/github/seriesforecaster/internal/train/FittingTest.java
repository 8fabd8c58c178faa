package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.TestSeries;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FittingTest {
  // scaler fitted on [-1, 1] maps network outputs to transformed values unchanged
  private final WindowEncoder encoder = new WindowEncoder(
      TransformCodec.of(TargetTransform.DIFFERENCES, 0), 1, Scaler.fit(new double[] {-1, 1}), 1);

  @Test
  void shrinkage_perfectPredictionsKeepEverything() {
    double[] series = {0, 1, 3, 2, 4}; // changes 1, 2, -1, 2
    double[] outputs = {1, 2, -1, 2};
    assertThat(Fitting.shrinkage(encoder, series, 1, outputs)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void shrinkage_uncorrelatedPredictionsFallBackToNoChange() {
    double[] series = {0, 1, 2, 3, 4}; // changes 1, 1, 1, 1
    double[] outputs = {1, -1, 1, -1};
    assertThat(Fitting.shrinkage(encoder, series, 1, outputs)).isZero();
  }

  @Test
  void shrinkage_isTheLeastSquaresFactorLessItsUncertainty() {
    double[] series = {0, 1, 3, 6, 10}; // changes 1, 2, 3, 4
    double[] outputs = {2, 4, 6, 9};
    // least squares: (2 + 8 + 18 + 36) / (4 + 16 + 36 + 81) = 64 / 137
    double factor = 64 / 137.0;
    double residuals = 0;
    for (int i = 0; i < 4; i++) {
      residuals += Math.pow((i + 1) - factor * outputs[i], 2);
    }
    double expected = factor - 1.645 * Math.sqrt(residuals / 3 / 137);
    assertThat(Fitting.shrinkage(encoder, series, 1, outputs)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void fit_randomWalkFallsBackTowardNaive() {
    Random random = new Random(11);
    double[] walk = new double[200];
    walk[0] = 100;
    for (int i = 1; i < walk.length; i++) {
      walk[i] = walk[i - 1] + random.nextGaussian();
    }
    FitReport report = TestSeries.tinyBuilder().epochs(20).build().fit(walk);
    assertThat(report.shrinkage()).isBetween(0.0, 1.0);
    // whatever the network learned, the shrunk forecast is no worse than naive by more than 5%
    assertThat(report.model().rmse()).isLessThan(1.05 * report.naive().rmse());
  }

  @Test
  void fit_earlyStoppingKeepsTheBestEpoch() {
    double[] series = TestSeries.sine(80);
    FitReport report = SeriesForecaster.builder().window(4).hidden(4).epochs(200).patience(3)
        .learningRate(0.05).seed(3).build().fit(series);
    // the folds stop early; the kept network is refitted for the mean of their best epochs
    assertThat(report.epochsRun()).isLessThan(200);
    assertThat(report.bestEpoch()).isEqualTo(report.epochsRun());
    assertThat(report.stopReason()).isEqualTo("refitted on all 80 values for "
        + report.epochsRun() + " epochs, the mean best epoch (in updates) of 3 fold(s)");
  }

  @Test
  void fit_withoutPatienceRunsEveryEpoch() {
    FitReport report = TestSeries.tinyBuilder().epochs(5).patience(0).build()
        .fit(TestSeries.sine(40));
    assertThat(report.epochsRun()).isEqualTo(5);
    assertThat(report.bestEpoch()).isEqualTo(5);
    assertThat(report.stopReason())
        .isEqualTo("refitted on all 40 values for 5 epochs, the mean best epoch (in updates) of 3 fold(s)");
  }
}
