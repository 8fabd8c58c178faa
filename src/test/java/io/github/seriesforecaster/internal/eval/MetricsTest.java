package io.github.seriesforecaster.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.ErrorMetrics;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void of_handWorkedNumbers() {
    // errors 1, -2, 0, 3 on actual values 10, 20, 0, 30
    double[] actual = {10, 20, 0, 30};
    double[] forecast = {9, 22, 0, 27};
    ErrorMetrics metrics = Metrics.of(actual, forecast, 2.0);
    assertThat(metrics.points()).isEqualTo(4);
    assertThat(metrics.rmse()).isCloseTo(Math.sqrt((1 + 4 + 0 + 9) / 4.0), within(1e-12));
    assertThat(metrics.mae()).isCloseTo(6 / 4.0, within(1e-12));
    // MAPE skips the zero actual value: (1/10 + 2/20 + 3/30) / 3 = 10%
    assertThat(metrics.mapePoints()).isEqualTo(3);
    assertThat(metrics.mape()).isCloseTo(10.0, within(1e-12));
    // sMAPE counts 0/0 as 0: 200 * (1/19 + 2/42 + 0 + 3/57) / 4
    assertThat(metrics.smape())
        .isCloseTo(200 * (1 / 19.0 + 2 / 42.0 + 3 / 57.0) / 4, within(1e-12));
    assertThat(metrics.mase()).isCloseTo(1.5 / 2.0, within(1e-12));
    assertThat(metrics.toString()).endsWith("(4 points, MAPE skips 1 zero values)");
  }

  @Test
  void of_noPointsAndZeroScale() {
    assertThat(Metrics.of(new double[0], new double[0], 1)).isEqualTo(ErrorMetrics.NONE);
    ErrorMetrics zeros = Metrics.of(new double[] {0, 0}, new double[] {1, 1}, 0);
    assertThat(zeros.mape()).isNaN();
    assertThat(zeros.mapePoints()).isZero();
    assertThat(zeros.mase()).isNaN();
    assertThat(zeros.smape()).isCloseTo(200, within(1e-12));
  }

  @Test
  void naiveScale_meanAbsoluteLagDifference() {
    double[] series = {1, 3, 2, 6, 100};
    assertThat(Metrics.naiveScale(series, 4, 1)).isCloseTo((2 + 1 + 4) / 3.0, within(1e-12));
    assertThat(Metrics.naiveScale(series, 4, 2)).isCloseTo((1 + 3) / 2.0, within(1e-12));
    assertThat(Metrics.naiveScale(series, 1, 1)).isNaN();
  }
}
