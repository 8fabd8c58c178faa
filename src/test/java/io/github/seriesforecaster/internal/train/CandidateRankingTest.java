package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.train.CandidateChoice.Candidate;
import io.github.seriesforecaster.internal.train.CandidateChoice.Kind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateRankingTest {
  private static final Candidate NAIVE =
      new Candidate(Kind.SEASONAL_NAIVE, TargetTransform.SEASONAL_DIFFERENCES);
  private static final Candidate AIRLINE =
      new Candidate(Kind.AIRLINE, TargetTransform.SEASONAL_DIFFERENCES);
  private static final Candidate SMOOTHER =
      new Candidate(Kind.HOLT_WINTERS, TargetTransform.SEASONAL_DIFFERENCES);
  private static final Candidate NETWORK =
      new Candidate(Kind.NETWORK, TargetTransform.DIFFERENCES);
  private static final Candidate OTHER_NETWORK =
      new Candidate(Kind.NETWORK, TargetTransform.SEASONAL_DIFFERENCES);

  /** Positive squared errors around 5. */
  private static double[] reference(int n, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 5 + Math.abs(random.nextGaussian());
    }
    return values;
  }

  /** {@code base} plus {@code shift} plus noise of {@code sd}: a paired difference of that mean. */
  private static double[] shifted(double[] base, double shift, double sd, long seed) {
    Random random = new Random(seed);
    double[] values = new double[base.length];
    for (int i = 0; i < base.length; i++) {
      values[i] = base[i] + shift + sd * random.nextGaussian();
    }
    return values;
  }

  @Test
  void keep_aBaselineWithinOneStandardErrorOfTheBestNetwork() {
    double[] network = reference(60, 1);
    // worse on average by 0.05 with differences of sd 1: a standard error of about 0.13
    double[] smoother = shifted(network, 0.05, 1, 2);
    List<double[]> errors = List.of(shifted(network, 3, 1, 3), smoother, network);
    assertThat(CandidateRanking.lowest(errors)).isEqualTo(2);
    assertThat(CandidateRanking.withinOneStandardError(smoother, network)).isTrue();
    assertThat(CandidateRanking.keep(List.of(NAIVE, SMOOTHER, NETWORK), errors)).isEqualTo(1);
  }

  @Test
  void keep_theNetworkWhenItIsClearlyBetter() {
    double[] network = reference(200, 4);
    double[] smoother = shifted(network, 1, 0.5, 5);
    assertThat(CandidateRanking.withinOneStandardError(smoother, network)).isFalse();
    assertThat(CandidateRanking.keep(List.of(SMOOTHER, NETWORK), List.of(smoother, network)))
        .isEqualTo(1);
  }

  @Test
  void keep_theSimplerOfTwoBaselinesThatTheFoldsCannotTellApart() {
    double[] airline = reference(80, 6);
    double[] naive = shifted(airline, 0.02, 1, 7);
    double[] smoother = shifted(airline, 0.5, 0.2, 8);
    List<double[]> errors = List.of(naive, airline, smoother);
    assertThat(CandidateRanking.lowest(errors)).isEqualTo(1);
    assertThat(CandidateRanking.keep(List.of(NAIVE, AIRLINE, SMOOTHER), errors)).isEqualTo(0);
  }

  @Test
  void keep_neverPrefersANetworkToALowerScore() {
    double[] best = reference(60, 9);
    double[] close = shifted(best, 0.01, 1, 10);
    assertThat(CandidateRanking.withinOneStandardError(close, best)).isTrue();
    assertThat(CandidateRanking.keep(List.of(NETWORK, OTHER_NETWORK), List.of(close, best)))
        .isEqualTo(1);
  }
}
