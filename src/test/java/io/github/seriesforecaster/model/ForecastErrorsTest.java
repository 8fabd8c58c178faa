package io.github.seriesforecaster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
