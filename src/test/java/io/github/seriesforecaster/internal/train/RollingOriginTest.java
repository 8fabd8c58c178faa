package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.internal.train.RollingOrigin.Fold;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingOriginTest {

  @Test
  void folds_shortSeriesGetsThreeConsecutiveBlocksEndingAtTheEnd() {
    // 101 values (air passengers' training part), 25 values needed before a first target
    List<Fold> folds = RollingOrigin.folds(101, 26, 0.3, 1);
    assertThat(folds).containsExactly(new Fold(41, 61), new Fold(61, 81), new Fold(81, 101));
  }

  @Test
  void folds_numberFollowsTheLength() {
    assertThat(RollingOrigin.folds(300, 26, 0.3, 1)).hasSize(3);
    assertThat(RollingOrigin.folds(301, 26, 0.3, 1)).hasSize(2);
    assertThat(RollingOrigin.folds(1000, 26, 0.3, 1)).hasSize(2);
    // a long series keeps the single validation split of the configured share
    assertThat(RollingOrigin.folds(2000, 26, 0.3, 1)).containsExactly(new Fold(1400, 2000));
  }

  @Test
  void folds_neverTrainOnLessThanTheMinimumOrScoreLessThanTheHorizon() {
    for (int length = 30; length <= 1200; length += 7) {
      for (int horizon : new int[] {1, 12, 24}) {
        List<Fold> folds = RollingOrigin.folds(length, 26, 0.3, horizon);
        assertThat(folds).isNotEmpty();
        assertThat(folds.get(folds.size() - 1).end()).isEqualTo(length);
        for (int k = 0; k < folds.size(); k++) {
          Fold fold = folds.get(k);
          if (folds.size() > 1) {
            assertThat(fold.origin()).isGreaterThanOrEqualTo(Math.max(26, (int) (0.4 * length)));
            assertThat(fold.size()).isGreaterThanOrEqualTo(Math.max(2, horizon));
          }
          if (k > 0) {
            assertThat(fold.origin()).isEqualTo(folds.get(k - 1).end());
          }
        }
      }
    }
  }

  @Test
  void folds_noValidationNoFolds() {
    assertThat(RollingOrigin.folds(100, 26, 0.0, 1)).isEmpty();
  }

  @Test
  void folds_tooShortForSeveralKeepsTheConfiguredSplit() {
    assertThat(RollingOrigin.folds(50, 26, 0.3, 12)).containsExactly(new Fold(26, 38), new Fold(38, 50));
    assertThat(RollingOrigin.folds(50, 26, 0.3, 13)).containsExactly(new Fold(35, 50));
  }
}
