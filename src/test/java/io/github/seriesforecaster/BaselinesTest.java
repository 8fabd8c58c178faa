package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselinesTest {
  private final double[] series = {1, 2, 3, 4, 5, 6, 7, 9};

  @Test
  void naive_repeatsTheLastValue() {
    assertThat(Baselines.naive().predict(series)).isEqualTo(9);
    assertThat(Baselines.naive().forecast(series, 3)).containsExactly(9, 9, 9);
  }

  @Test
  void seasonalNaive_repeatsTheLastSeason() {
    Forecaster lastThree = Baselines.seasonalNaive(3);
    assertThat(lastThree.predict(series)).isEqualTo(6);
    assertThat(lastThree.forecast(series, 5)).containsExactly(6, 7, 9, 6, 7);
    assertThat(lastThree.minimumHistory()).isEqualTo(3);
  }

  @Test
  void drift_extendsTheLineThroughFirstAndLast() {
    // slope (9 - 1) / 7
    assertThat(Baselines.drift().forecast(series, 2))
        .containsExactly(new double[] {9 + 8 / 7.0, 9 + 16 / 7.0}, within(1e-12));
  }

  @Test
  void baselines_checkArguments() {
    assertThatThrownBy(() -> Baselines.seasonalNaive(12).predict(series))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series has 8 values but the seasonal naive (12) forecast needs at least 12");
    assertThatThrownBy(() -> Baselines.naive().forecast(series, 0))
        .hasMessage("steps must be >= 1, was 0");
    assertThatThrownBy(() -> Baselines.seasonalNaive(0)).hasMessage("season must be >= 1, was 0");
    assertThatThrownBy(() -> Baselines.drift().predict(null))
        .isInstanceOf(NullPointerException.class);
  }
}
