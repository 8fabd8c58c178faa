package io.github.seriesforecaster.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void of_withinOnePercentIsATie() {
    assertThat(Verdict.of(99.1, 100)).isEqualTo(Verdict.NO_BETTER_THAN_NAIVE);
    assertThat(Verdict.of(100, 100)).isEqualTo(Verdict.NO_BETTER_THAN_NAIVE);
    assertThat(Verdict.of(100.9, 100)).isEqualTo(Verdict.NO_BETTER_THAN_NAIVE);
  }

  @Test
  void of_outsideTheBand() {
    assertThat(Verdict.of(98.9, 100)).isEqualTo(Verdict.BEATS_NAIVE);
    assertThat(Verdict.of(101.1, 100)).isEqualTo(Verdict.WORSE_THAN_NAIVE);
  }

  @Test
  void of_noRatio() {
    assertThat(Verdict.of(Double.NaN, Double.NaN)).isEqualTo(Verdict.NOT_COMPARED);
    assertThat(Verdict.of(1, 0)).isEqualTo(Verdict.NOT_COMPARED);
  }

  @Test
  void sentence_aTieNeverSaysBeats() {
    // the backtest of issue 15: 0.1% better than naive
    assertThat(Verdict.sentence(23.12, 23.15)).isEqualTo(
        "the model is no better than the naive forecast (RMSE ratio 0.999, within the 1% noise "
            + "band): repeating the last value forecasts this series as well");
    assertThat(Verdict.sentence(23.12, 23.15)).doesNotContain("beats");
  }

  @Test
  void sentence_beatsAndWorse() {
    assertThat(Verdict.sentence(9, 10))
        .isEqualTo("the model beats the naive forecast (RMSE ratio 0.900)");
    assertThat(Verdict.sentence(12.5, 10)).isEqualTo("the model is worse than the naive forecast "
        + "(RMSE ratio 1.250): repeating the last value forecasts this series better");
  }
}
