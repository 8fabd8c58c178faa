package io.github.seriesforecaster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class M4ScoresTest {

  @Test
  void smape_handComputed() {
    // 200 |y - f| / (|y| + |f|): 200*10/210 and 0
    assertThat(M4Scores.smape(new double[] {100, 50}, new double[] {110, 50}))
        .isCloseTo((200.0 * 10 / 210) / 2, within(1e-12));
  }

  @Test
  void mase_scaledBySeasonalDifferencesOfTheTrainingPart() {
    double[] training = {1, 2, 4, 3, 5};   // lag 2 differences: 3, 1, 1 -> scale 5/3
    double mase = M4Scores.mase(training, new double[] {10, 10}, new double[] {9, 12}, 2);
    assertThat(mase).isCloseTo(1.5 / (5.0 / 3), within(1e-12));
  }

  @Test
  void seasonalNaive_repeatsTheLastSeason() {
    assertThat(M4Scores.seasonalNaive(new double[] {1, 2, 3, 4, 5}, 2, 5))
        .containsExactly(4, 5, 4, 5, 4);
  }

  @Test
  void owa_usesTheOfficialNaive2HourlyFigures() {
    M4Scores scores = new M4Scores();
    double[] training = {1, 2, 3, 4};
    scores.add(training, new double[] {100}, new double[] {110}, 1);
    double smape = 200.0 * 10 / 210;
    double mase = 10.0;
    assertThat(scores.owa()).isCloseTo((smape / 18.383 + mase / 2.395) / 2, within(1e-12));
    assertThat(scores.series()).isEqualTo(1);
  }
}
