package io.github.seriesforecaster.internal.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PooledErrorsTest {

  @Test
  void of_eachSeriesDividedByItsOwnScale() {
    // A: errors 2, 4 at scale 1; B: error 10 at scale 5; C: scale 0, left out
    PooledErrors pooled = PooledErrors.of(new double[][] {{2, 4}, {10}, {3, 3}},
        new double[] {1, 5, 0});
    assertThat(pooled.scores(1)).containsExactly(2, 2);
    assertThat(pooled.scores(2)).containsExactly(4);
    assertThat(pooled.steps()).isEqualTo(2);
    // n = 2, level 0.5: the ceil(3 * 0.5) = 2nd smallest; a series of scale 3 gets 3 times it
    assertThat(pooled.halfWidth(0.5, 1, 3)).isEqualTo(6);
    assertThat(pooled.halfWidth(0.5, 2, 3)).isEqualTo(12);
    assertThat(pooled.halfWidth(0.5, 8, 3)).isCloseTo(24, within(1e-12));
    // a quiet series (scale 0.1) gets a tenth of the width of a series of scale 1
    assertThat(pooled.halfWidth(0.5, 1, 0.1)).isCloseTo(pooled.halfWidth(0.5, 1, 1) / 10,
        within(1e-12));
  }

  @Test
  void seasonalScale_meanAbsoluteSeasonalDifference() {
    double[] values = {1, 2, 3, 5, 6, 8};
    // |3 - 1|, |5 - 2|, |6 - 3|, |8 - 5|
    assertThat(PooledErrors.seasonalScale(values, 6, 2)).isEqualTo(2.75);
    assertThat(PooledErrors.seasonalScale(values, 3, 2)).isEqualTo(2);
    // a series that repeats its season exactly falls back to one-step differences
    assertThat(PooledErrors.seasonalScale(new double[] {1, 2, 1, 2, 1, 2}, 6, 2)).isEqualTo(1);
    assertThat(PooledErrors.seasonalScale(new double[] {4, 4, 4}, 3, 0)).isNaN();
  }

  @Test
  void of_nothingToCalibrateOn() {
    assertThatThrownBy(() -> PooledErrors.of(new double[][] {{1}}, new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no series has both a positive scale and a forecast error to calibrate "
            + "intervals on");
    assertThatThrownBy(() -> PooledErrors.of(new double[][] {{1}}, new double[0]))
        .hasMessage("1 error rows but 0 scales");
  }
}
