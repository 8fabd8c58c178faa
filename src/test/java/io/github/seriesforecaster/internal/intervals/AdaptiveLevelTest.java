package io.github.seriesforecaster.internal.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdaptiveLevelTest {
  private static final ScaledErrors SCORES =
      new ScaledErrors(new VolatilityScale(1), 1.0, new double[][] {{1, 2, 3, 4}});

  @Test
  void replay_missesRaiseTheLevel() {
    // level 0.6: miss rate 0.4; each miss moves it by 0.005 * (0.4 - 1) = -0.003
    double level = AdaptiveLevel.replay(SCORES, 0.6, 1, new double[] {10, 10}, new double[] {1, 1});
    assertThat(level).isCloseTo(0.606, within(1e-12));
  }

  @Test
  void replay_hitsLowerTheLevelAndNonFiniteErrorsAreSkipped() {
    // a hit moves the miss rate by 0.005 * 0.4 = 0.002
    double level = AdaptiveLevel.replay(SCORES, 0.6, 1, new double[] {0, Double.NaN},
        new double[] {1, 1});
    assertThat(level).isCloseTo(0.598, within(1e-12));
    assertThat(AdaptiveLevel.replay(SCORES, 0.6, 1, new double[0], new double[0])).isEqualTo(0.6);
  }

  @Test
  void replay_theIntervalAtTheWorkingLevelDecidesAMiss() {
    // level 0.6 takes the 3rd smallest score (3) times the scale 2: half-width 6, so 5 is a hit
    // and 7 a miss
    assertThat(AdaptiveLevel.replay(SCORES, 0.6, 1, new double[] {5}, new double[] {2}))
        .isCloseTo(0.598, within(1e-12));
    assertThat(AdaptiveLevel.replay(SCORES, 0.6, 1, new double[] {7}, new double[] {2}))
        .isCloseTo(0.603, within(1e-12));
  }

  @Test
  void replay_usesTheScoresOfItsStep() {
    ScaledErrors twoSteps = new ScaledErrors(new VolatilityScale(1), 1.0,
        new double[][] {{1, 2, 3, 4}, {10, 20, 30, 40}});
    // step 2 at level 0.6: half-width 30, so 10 is a hit there (and a miss at step 1)
    assertThat(AdaptiveLevel.replay(twoSteps, 0.6, 2, new double[] {10}, new double[] {1}))
        .isCloseTo(0.598, within(1e-12));
    assertThat(AdaptiveLevel.replay(twoSteps, 0.6, 1, new double[] {10}, new double[] {1}))
        .isCloseTo(0.603, within(1e-12));
  }
}
