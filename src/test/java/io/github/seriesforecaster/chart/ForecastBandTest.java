package io.github.seriesforecaster.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastBandTest {

  @Test
  void of_hasNoInterval() {
    ForecastBand band = ForecastBand.of(new double[] {1, 2, 3});
    assertThat(band.hasInterval()).isFalse();
    assertThat(band.steps()).isEqualTo(3);
    assertThat(band.lower()).isNull();
    assertThat(band.upper()).isNull();
  }

  @Test
  void constructor_copiesArraysInAndOut() {
    double[] point = {1, 2};
    double[] lower = {0, 1};
    double[] upper = {2, 3};
    ForecastBand band = new ForecastBand(point, lower, upper);
    point[0] = 99;
    lower[0] = 99;
    band.upper()[0] = 99;
    assertThat(band.point()).containsExactly(1, 2);
    assertThat(band.lower()).containsExactly(0, 1);
    assertThat(band.upper()).containsExactly(2, 3);
    assertThat(band).isEqualTo(new ForecastBand(new double[] {1, 2}, new double[] {0, 1},
        new double[] {2, 3}));
  }

  @Test
  void constructor_emptyPoint() {
    assertThatThrownBy(() -> ForecastBand.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point must hold at least one forecast, was empty");
  }

  @Test
  void constructor_onlyUpper() {
    assertThatThrownBy(() -> new ForecastBand(new double[] {1, 2}, null, new double[] {2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower is null but upper has 2 values; give both bounds or neither");
  }

  @Test
  void constructor_onlyLower() {
    assertThatThrownBy(() -> new ForecastBand(new double[] {1, 2}, new double[] {0, 1}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("upper is null but lower has 2 values; give both bounds or neither");
  }

  @Test
  void constructor_lowerLengthMismatch() {
    assertThatThrownBy(() -> new ForecastBand(new double[] {1, 2, 3}, new double[] {0, 1},
        new double[] {2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower has 2 values but point has 3; give one bound per forecast");
  }

  @Test
  void constructor_upperLengthMismatch() {
    assertThatThrownBy(() -> new ForecastBand(new double[] {1, 2}, new double[] {0, 1},
        new double[] {2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("upper has 3 values but point has 2; give one bound per forecast");
  }

  @Test
  void constructor_lowerAboveUpper() {
    assertThatThrownBy(() -> new ForecastBand(new double[] {1, 2}, new double[] {0, 5},
        new double[] {2, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower[1] is 5.0 but upper[1] is 4.0; a lower bound must not exceed its "
            + "upper bound");
  }
}
