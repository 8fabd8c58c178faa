package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BacktestTest {

  @Test
  void run_baselineWithHandWorkedNumbers() {
    double[] series = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    BacktestResult result = Backtest.over(series).start(6).horizon(2).stride(2)
        .run(Baselines.naive(), 0);
    assertThat(result.origins()).extracting(BacktestResult.Origin::index).containsExactly(6, 8);
    assertThat(result.origins().get(0).actual()).containsExactly(7, 8);
    assertThat(result.origins().get(1).forecast()).containsExactly(8, 8);
    // errors 1, 2, 1, 2
    assertThat(result.model().rmse()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    assertThat(result.model().mae()).isCloseTo(1.5, within(1e-12));
    assertThat(result.modelByStep().get(0).mae()).isCloseTo(1.0, within(1e-12));
    assertThat(result.modelByStep().get(1).mae()).isCloseTo(2.0, within(1e-12));
    assertThat(result.naive()).isEqualTo(result.model());
    assertThat(result.seasonalNaive()).isEqualTo(ErrorMetrics.NONE);
    // MASE scale: in-sample naive MAE before the first origin is 1
    assertThat(result.model().mase()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void run_seasonalNaiveBesideTheModel() {
    double[] series = new double[48];
    for (int i = 0; i < series.length; i++) {
      series[i] = i % 4; // season 4, repeats exactly
    }
    BacktestResult result = Backtest.over(series).start(40).horizon(4).stride(4)
        .run(Baselines.drift(), 4);
    assertThat(result.seasonalNaive().rmse()).isZero();
    assertThat(result.seasonalNaive().points()).isEqualTo(8);
    assertThat(result.summary()).contains("seasonal naive", "drift", "naive");
  }

  @Test
  void run_lstmFitsOnlyOnThePastAndRefitsOnSchedule() {
    double[] series = TestSeries.sine(60);
    ForecasterConfig config = TestSeries.tinyBuilder().config();
    BacktestResult result = Backtest.over(series).start(40).horizon(3).stride(5).refitEvery(2)
        .run(config);
    assertThat(result.origins()).extracting(BacktestResult.Origin::index)
        .containsExactly(40, 45, 50, 55);
    assertThat(result.fits()).isEqualTo(2);
    assertThat(result.method()).isEqualTo("lstm");
    // the first fold's model is exactly a model fitted on the values before the first origin
    SeriesForecaster manual = SeriesForecaster.builder(config).build();
    manual.fit(Arrays.copyOf(series, 40));
    assertThat(result.origins().get(0).forecast())
        .containsExactly(manual.forecast(Arrays.copyOf(series, 40), 3));
  }

  @Test
  void arguments_checked() {
    double[] series = {1, 2, 3, 4, 5};
    assertThatThrownBy(() -> Backtest.over(series).start(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start must be between 2 and 4, was 5");
    assertThatThrownBy(() -> Backtest.over(series).horizon(0))
        .hasMessage("horizon must be >= 1, was 0");
    assertThatThrownBy(() -> Backtest.over(series).start(4).horizon(2).run(Baselines.naive(), 0))
        .hasMessage("start 4 with horizon 2 needs 6 values, but the series has 5");
    assertThatThrownBy(() -> Backtest.over(new double[] {1, Double.NaN}))
        .hasMessage("series[1] is NaN; values must be finite");
  }

  @Test
  void run_intervalsScoredPerLevel() {
    double[] series = TestSeries.sine(60);
    ForecasterConfig config = TestSeries.tinyBuilder().config();
    BacktestResult result = Backtest.over(series).start(40).horizon(3).stride(5)
        .levels(0.8, 0.95).run(config);
    assertThat(result.intervals()).extracting(IntervalMetrics::level).containsExactly(0.8, 0.95);
    assertThat(result.intervals().get(0).points()).isEqualTo(4 * 3);
    // the same intervals forecastWithIntervals gives from the origin's history
    SeriesForecaster manual = SeriesForecaster.builder(config).build();
    manual.fit(Arrays.copyOf(series, 40));
    ForecastIntervals first = manual.forecastWithIntervals(Arrays.copyOf(series, 40), 3, 0.95);
    BacktestResult.Origin origin = result.origins().get(0);
    assertThat(origin.upper()[1]).containsExactly(first.upper(0.95));
    assertThat(origin.forecast()).containsExactly(first.point());
    // coverage and MSIS recomputed from the origins by hand
    int covered = 0;
    double scores = 0;
    for (BacktestResult.Origin o : result.origins()) {
      for (int h = 0; h < 3; h++) {
        double y = o.actual()[h];
        double lower = o.lower()[0][h];
        double upper = o.upper()[0][h];
        covered += y >= lower && y <= upper ? 1 : 0;
        scores += upper - lower + 10 * Math.max(0, lower - y) + 10 * Math.max(0, y - upper);
      }
    }
    double scale = io.github.seriesforecaster.internal.eval.Metrics.naiveScale(series, 40, 1);
    assertThat(result.intervals().get(0).coverage()).isCloseTo(covered / 12.0, within(1e-12));
    assertThat(result.intervals().get(0).msis()).isCloseTo(scores / 12 / scale, within(1e-9));
    assertThat(result.summary()).contains("80% intervals: coverage", "95% intervals: coverage");
    assertThatThrownBy(() -> Backtest.over(series).levels(0.8, 1.5))
        .hasMessage("level must be > 0.0 and < 1.0, was 1.5");
  }
}
