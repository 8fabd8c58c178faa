package io.github.seriesforecaster.internal.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaledErrorsTest {
  private static final double[] SERIES = {0, 1, 3, 6, 10};

  /** Errors 2, 4, 6 at origins 2, 3, 4 whose scales (half-life 1) are 1, 5/3 and 17/7. */
  private static ScaledErrors scaled() {
    return ScaledErrors.of(new double[][] {{2, 4, 6}, {3, 5}}, new int[] {2, 3, 4}, SERIES,
        new VolatilityScale(1));
  }

  @Test
  void of_dividesEachErrorByItsOriginsScale() {
    ScaledErrors scaled = scaled();
    assertThat(scaled.scores(1)).containsExactly(
        new double[] {2, 2.4, 42.0 / 17}, within(1e-6));
    assertThat(scaled.scores(2)).containsExactly(new double[] {3, 3}, within(1e-6));
    assertThat(scaled.typicalScale()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(scaled.steps()).isEqualTo(2);
  }

  @Test
  void halfWidth_scaleTimesConformalQuantileThenSquareRoot() {
    ScaledErrors scaled = scaled();
    // n = 3, level 0.5: the ceil(4 * 0.5) = 2nd smallest score, 2.4
    assertThat(scaled.halfWidth(0.5, 1, 10)).isCloseTo(24, within(1e-5));
    assertThat(scaled.halfWidth(0.5, 2, 10)).isCloseTo(30, within(1e-5));
    assertThat(scaled.halfWidth(0.5, 8, 10)).isCloseTo(30 * 2, within(1e-5));
  }

  @Test
  void scaleOf_flooredAndTypicalWithoutChanges() {
    ScaledErrors scaled = scaled();
    assertThat(scaled.scaleOf(new double[] {0, 2, 6})).isCloseTo(
        new VolatilityScale(1).at(new double[] {0, 2, 6}, 3), within(1e-12));
    // a flat history: raised to a tenth of the typical scale
    assertThat(scaled.scaleOf(new double[] {5, 5, 5})).isCloseTo(1.0 / 6, within(1e-12));
    // a single value has no change: the typical scale
    assertThat(scaled.scaleOf(new double[] {7})).isCloseTo(5.0 / 3, within(1e-12));
  }

  @Test
  void of_flatSeriesHasNoScores() {
    assertThat(ScaledErrors.of(new double[][] {{1}}, new int[] {2}, new double[] {4, 4, 4},
        new VolatilityScale(1))).isNull();
  }

  @Test
  void constructor_rejectsBadValues() {
    VolatilityScale volatility = new VolatilityScale(2);
    assertThatThrownBy(() -> new ScaledErrors(volatility, 0, new double[][] {{1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("typicalScale must be positive and finite, was 0.0");
    assertThatThrownBy(() -> new ScaledErrors(volatility, 1, new double[][] {{1, -1}}))
        .hasMessage("step 1 score -1.0 is not a finite non-negative number");
    assertThatThrownBy(() -> new ScaledErrors(volatility, 1, new double[][] {{1}, {}}))
        .hasMessage("step 2 has no scores");
  }
}
