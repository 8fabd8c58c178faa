package io.github.seriesforecaster.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.IntervalMetrics;
import org.junit.jupiter.api.Test;

class IntervalScoresTest {

  @Test
  void of_msisAsTheM4DefinesIt() {
    // level 0.8: alpha 0.2, penalty factor 2 / alpha = 10
    // inside: 12 - 8 = 4; below: (9 - 6) + 10 * (6 - 5) = 13; above: (18 - 12) + 10 * (20 - 18) = 26
    // mean 43 / 3; in-sample [1, 3, 2, 6] has mean absolute change (2 + 1 + 4) / 3 = 7 / 3
    double scale = IntervalScores.scale(new double[] {1, 3, 2, 6}, 0);
    assertThat(scale).isCloseTo(7.0 / 3, within(1e-12));
    IntervalMetrics metrics = IntervalScores.of(0.8, new double[] {10, 5, 20},
        new double[] {8, 6, 12}, new double[] {12, 9, 18}, scale);
    assertThat(metrics.msis()).isCloseTo(43.0 / 7, within(1e-12));
    assertThat(metrics.coverage()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(metrics.meanWidth()).isCloseTo(13.0 / 3, within(1e-12));
    assertThat(metrics.points()).isEqualTo(3);
    assertThat(metrics.coverageDeviation()).isCloseTo(0.8 - 1.0 / 3, within(1e-12));
  }

  @Test
  void of_boundsCountAsCoveredWithoutPenalty() {
    // level 0.95: a value on a bound costs only the width 2; scale 1
    IntervalMetrics metrics = IntervalScores.of(0.95, new double[] {1, 3},
        new double[] {1, 1}, new double[] {3, 3}, 1.0);
    assertThat(metrics.coverage()).isEqualTo(1.0);
    assertThat(metrics.msis()).isEqualTo(2.0);
    // one miss by 1 at level 0.95 costs 2 + 2 / 0.05 = 42; mean (2 + 42) / 2 = 22
    IntervalMetrics missed = IntervalScores.of(0.95, new double[] {1, 4},
        new double[] {1, 1}, new double[] {3, 3}, 1.0);
    assertThat(missed.msis()).isCloseTo(22.0, within(1e-9));
    assertThat(missed.coverage()).isEqualTo(0.5);
  }

  @Test
  void scale_seasonalDifferences() {
    // season 2: |3 - 1|, |4 - 2|, |2 - 3|, |4 - 4| -> 5 / 4
    assertThat(IntervalScores.scale(new double[] {1, 2, 3, 4, 2, 4}, 2)).isEqualTo(1.25);
    assertThat(IntervalScores.scale(new double[] {1, 2}, 2)).isNaN();
  }

  @Test
  void of_noPointsAndBadArguments() {
    IntervalMetrics none = IntervalScores.of(0.8, new double[0], new double[0], new double[0], 1);
    assertThat(none.points()).isZero();
    assertThat(none.msis()).isNaN();
    assertThat(IntervalScores.of(0.8, new double[] {1}, new double[] {0}, new double[] {2}, 0)
        .msis()).isNaN();
    assertThatThrownBy(() -> IntervalScores.of(0.8, new double[] {1}, new double[0],
        new double[] {2}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actual has 1 values but lower has 0 and upper 1");
    assertThatThrownBy(() -> IntervalScores.of(1.0, new double[0], new double[0],
        new double[0], 1))
        .hasMessage("level must be > 0.0 and < 1.0, was 1.0");
  }
}
