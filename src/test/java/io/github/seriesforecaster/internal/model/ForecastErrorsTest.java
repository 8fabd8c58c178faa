package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.TestSeries;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.train.Fitting;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForecastErrorsTest {

  @Test
  void quantile_isTheConformalRank() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    // n = 9: level 0.8 takes the ceil(10 * 0.8) = 8th smallest
    assertThat(ForecastErrors.quantile(sorted, 0.8)).isEqualTo(8);
    assertThat(ForecastErrors.quantile(sorted, 0.5)).isEqualTo(5);
    assertThat(ForecastErrors.quantile(sorted, 0.95)).isEqualTo(9);
  }

  @Test
  void halfWidth_perStepThenSquareRootBeyond() {
    ForecastErrors errors = new ForecastErrors(new double[][] {{3, 1, 2}, {4, 6, 5}});
    assertThat(errors.halfWidth(0.5, 1)).isEqualTo(2);
    assertThat(errors.halfWidth(0.5, 2)).isEqualTo(5);
    assertThat(errors.halfWidth(0.5, 8)).isCloseTo(5 * Math.sqrt(4), within(1e-12));
  }

  @Test
  void holdOutCoverage_calibratesOnTheFirstHalf() {
    double[] errors = {1, 2, 3, 4, 0.5, 1.5, 2.5, 10};
    // first half sorted 1..4, level 0.5 -> ceil(5 * 0.5) = 3rd smallest = 3; second half: 3 of 4
    assertThat(ForecastErrors.holdOutCoverage(errors, 0.5)).isEqualTo(0.75);
    assertThat(ForecastErrors.holdOutCoverage(new double[] {1, 2, 3}, 0.5)).isNaN();
  }

  @Test
  void origins_everyIndexThinnedToTheMaximum() {
    assertThat(ForecastErrors.origins(10, 15)).containsExactly(10, 11, 12, 13, 14);
    int[] thinned = ForecastErrors.origins(0, 2 * ForecastErrors.MAXIMUM_ORIGINS);
    assertThat(thinned).hasSize(ForecastErrors.MAXIMUM_ORIGINS);
    assertThat(thinned[1]).isEqualTo(2);
  }

  @Test
  void errorsInOrder_keepOriginOrder() {
    ForecastErrors errors = new ForecastErrors(new double[][] {{3, 1, 2}});
    assertThat(errors.errorsInOrder(1)).containsExactly(3, 1, 2);
    assertThat(errors.errors(1)).containsExactly(1, 2, 3);
  }

  @Test
  void measure_errorsInOrderBelongToTheOrigins() {
    double[] series = TestSeries.sine(80);
    FittedModel model = Fitting.fit(TestSeries.tinyBuilder().config(),
        new SeriesData("sine", "value", series, series.length, 0), EpochListener.NONE,
        System.nanoTime()).model();
    int first = 56;
    ForecastErrors errors = ForecastErrors.measure(model, new double[][] {series}, first);
    int[] origins = ForecastErrors.origins(first, series.length);
    for (int step = 1; step <= errors.steps(); step++) {
      double[] inOrder = errors.errorsInOrder(step);
      int reaching = 0;
      for (int origin : origins) {
        if (origin + step <= series.length) {
          double[] forecast = model.forecast(Arrays.copyOf(series, origin), step);
          assertThat(inOrder[reaching]).as("step %d origin %d", step, origin).isCloseTo(
              Math.abs(series[origin + step - 1] - forecast[step - 1]), within(1e-4));
          reaching++;
        }
      }
      assertThat(inOrder).hasSize(reaching);
    }
  }
}
