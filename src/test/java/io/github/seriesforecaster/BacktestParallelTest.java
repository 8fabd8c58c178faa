package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Backtest folds fitted at once give exactly what they give one after another. */
class BacktestParallelTest {

  @Test
  void run_parallelFoldsAreBitIdenticalToSequential() {
    double[] series = TestSeries.sine(70);
    Backtest backtest = Backtest.over(series).start(40).horizon(2).stride(5).refitEvery(1);
    ForecasterConfig config = TestSeries.tinyBuilder().epochs(2).shrink(false).config();
    BacktestResult sequential = backtest.run(SeriesForecaster.builder(config).parallelism(1).config());
    BacktestResult parallel = backtest.run(SeriesForecaster.builder(config).parallelism(3).config());

    assertThat(parallel.fits()).isEqualTo(sequential.fits()).isEqualTo(6);
    assertThat(parallel.origins()).hasSameSizeAs(sequential.origins());
    for (int i = 0; i < sequential.origins().size(); i++) {
      BacktestResult.Origin expected = sequential.origins().get(i);
      BacktestResult.Origin actual = parallel.origins().get(i);
      assertThat(actual.index()).isEqualTo(expected.index());
      assertThat(actual.forecast()).containsExactly(expected.forecast());
    }
    assertThat(parallel.model()).isEqualTo(sequential.model());
    assertThat(parallel.fitReports()).hasSize(6);
    for (int i = 0; i < 6; i++) {
      FitReport expected = sequential.fitReports().get(i);
      FitReport actual = parallel.fitReports().get(i);
      assertThat(actual.trainingLoss()).isEqualTo(expected.trainingLoss());
      assertThat(actual.trainingWindows()).isEqualTo(expected.trainingWindows());
      assertThat(actual.model()).isEqualTo(expected.model());
    }
  }

  @Test
  void run_parallelReportsTheFirstFailingFoldAsSequentialDoes() {
    // folds from origin 8 on have too few values for window 12; the first fold fails first
    double[] series = TestSeries.sine(40);
    Backtest backtest = Backtest.over(series).start(8).stride(10).refitEvery(1);
    ForecasterConfig config =
        TestSeries.tinyBuilder().window(12).parallelism(2).config();
    Throwable sequential = org.assertj.core.api.Assertions.catchThrowable(
        () -> backtest.run(SeriesForecaster.builder(config).parallelism(1).config()));
    assertThat(sequential).isInstanceOf(SeriesFormatException.class)
        .hasMessageStartingWith("fold fitted on the first 8 values: ");
    assertThatThrownBy(() -> backtest.run(config))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage(sequential.getMessage());
  }
}
