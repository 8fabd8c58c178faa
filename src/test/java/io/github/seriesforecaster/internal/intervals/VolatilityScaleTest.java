package io.github.seriesforecaster.internal.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolatilityScaleTest {

  @Test
  void at_weightsHalveEveryHalfLife() {
    VolatilityScale scale = new VolatilityScale(1);
    double[] series = {0, 1, 3, 6};
    // changes newest first 3, 2, 1 with weights 1, 1/2, 1/4: 4.25 / 1.75
    assertThat(scale.at(series, 4)).isCloseTo(4.25 / 1.75, within(1e-12));
    assertThat(scale.at(series, 2)).isEqualTo(1.0);
    assertThat(scale.at(series, 1)).isNaN();
  }

  @Test
  void at_readsAtMostTheSpanAndSkipsNonFiniteChanges() {
    VolatilityScale scale = new VolatilityScale(1);
    assertThat(scale.span()).isEqualTo(4);
    // the change 100 lies five changes back, beyond the span of four
    double[] series = {0, 100, 101, 102, 103, 104};
    assertThat(scale.at(series, 6)).isCloseTo(1.0, within(1e-12));
    double[] gap = {0, 2, Double.NaN, 5, 6};
    // only |6 - 5| (weight 1) and |2 - 0| (weight 1/8) are finite
    assertThat(scale.at(gap, 5)).isCloseTo((1 + 2 / 8.0) / (1 + 1 / 8.0), within(1e-12));
  }

  @Test
  void halfLife_atLeastOne() {
    assertThatThrownBy(() -> new VolatilityScale(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("halfLife must be >= 1, was 0");
    assertThat(VolatilityScale.standard().halfLife())
        .isEqualTo(VolatilityScale.DEFAULT_HALF_LIFE);
  }
}
