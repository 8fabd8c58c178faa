package io.github.seriesforecaster.internal.eval;

import java.util.Locale;

/**
 * The one rule that turns a model's RMSE and the naive forecast's on the same points into words,
 * used by {@code FitReport}, {@code BacktestResult}, the command line and the examples alike.
 *
 * <p>RMSE ratios within {@value #NOISE_BAND_PERCENT}% of 1 are a tie: on a few hundred noisy
 * points such a difference comes and goes with the seed, and a model that shrinks its predicted
 * changes towards zero lands there when it has no skill. So a ratio of 0.995 reads "no better than
 * the naive forecast", never "beats".
 */
public enum Verdict {
  /** RMSE ratio below {@code 1 - NOISE_BAND}. */
  BEATS_NAIVE,
  /** RMSE ratio within {@code NOISE_BAND} of 1: a tie. */
  NO_BETTER_THAN_NAIVE,
  /** RMSE ratio above {@code 1 + NOISE_BAND}. */
  WORSE_THAN_NAIVE,
  /** No ratio: no points were scored, or the naive forecast made no error. */
  NOT_COMPARED;

  /** Relative RMSE difference, as a fraction, that counts as a tie. */
  public static final double NOISE_BAND = 0.01;
  /** {@link #NOISE_BAND} in percent, for documentation. */
  public static final int NOISE_BAND_PERCENT = 1;

  /**
   * @param modelRmse the model's RMSE
   * @param naiveRmse the naive forecast's RMSE on the same points
   * @return the verdict for their ratio
   */
  public static Verdict of(double modelRmse, double naiveRmse) {
    double ratio = modelRmse / naiveRmse;
    if (!Double.isFinite(ratio)) {
      return NOT_COMPARED;
    }
    if (ratio < 1 - NOISE_BAND) {
      return BEATS_NAIVE;
    }
    return ratio > 1 + NOISE_BAND ? WORSE_THAN_NAIVE : NO_BETTER_THAN_NAIVE;
  }

  /**
   * @param modelRmse the model's RMSE
   * @param naiveRmse the naive forecast's RMSE on the same points
   * @return one sentence for people, e.g. {@code the model is no better than the naive forecast
   *     (RMSE ratio 0.999, within the 1% noise band)}
   */
  public static String sentence(double modelRmse, double naiveRmse) {
    double ratio = modelRmse / naiveRmse;
    return switch (of(modelRmse, naiveRmse)) {
      case BEATS_NAIVE -> String.format(Locale.ROOT,
          "the model beats the naive forecast (RMSE ratio %.3f)", ratio);
      case NO_BETTER_THAN_NAIVE -> String.format(Locale.ROOT,
          "the model is no better than the naive forecast (RMSE ratio %.3f, within the %d%% "
              + "noise band): repeating the last value forecasts this series as well",
          ratio, NOISE_BAND_PERCENT);
      case WORSE_THAN_NAIVE -> String.format(Locale.ROOT,
          "the model is worse than the naive forecast (RMSE ratio %.3f): repeating the last value "
              + "forecasts this series better", ratio);
      case NOT_COMPARED -> "no comparison with the naive forecast (no scored points, or the naive "
          + "forecast made no error)";
    };
  }

  /** @return a few words for log lines and tables, e.g. {@code no better than naive} */
  public String label() {
    return switch (this) {
      case BEATS_NAIVE -> "beats naive";
      case NO_BETTER_THAN_NAIVE -> "no better than naive";
      case WORSE_THAN_NAIVE -> "worse than naive";
      case NOT_COMPARED -> "not compared with naive";
    };
  }

  /** @return true only for {@link #BEATS_NAIVE} */
  public boolean beatsNaive() {
    return this == BEATS_NAIVE;
  }
}
