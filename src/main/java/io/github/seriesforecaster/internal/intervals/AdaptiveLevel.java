package io.github.seriesforecaster.internal.intervals;

/**
 * Adaptive conformal inference (Gibbs and Candes, "Adaptive conformal inference under distribution
 * shift", NeurIPS 2021) replayed over the recent forecasts of a history, one horizon step at a
 * time: starting from the miss rate {@code a = 1 - level}, each step-{@code h} forecast moves the
 * working miss rate by {@code rate * (a - miss)}, where {@code miss} is 1 when the true value fell
 * outside that forecast's interval at the working level. The level after the last step is the one the forecast uses. Runs
 * of misses widen the intervals, runs of hits narrow them; over any stretch the long-run miss rate
 * tends to {@code a} whatever the errors do.
 */
public final class AdaptiveLevel {
  /** Gibbs and Candes' learning rate. */
  public static final double RATE = 0.005;
  /** Most forecast origins replayed: about as many as the calibration origins. */
  public static final int WINDOW = 250;

  private AdaptiveLevel() {}

  /**
   * @param scaled the calibration scores
   * @param level the nominal level, strictly between 0 and 1
   * @param step the horizon step of the errors, from 1
   * @param absoluteErrors absolute step-{@code step} errors in origin order; non-finite ones are
   *     skipped
   * @param scales the scale at each of those forecasts' origins ({@link ScaledErrors#scaleAt})
   * @return the adjusted level: above 1 takes the largest score, at or below 0 the smallest
   */
  public static double replay(ScaledErrors scaled, double level, int step,
      double[] absoluteErrors, double[] scales) {
    double target = 1 - level;
    double missRate = target;
    for (int i = 0; i < absoluteErrors.length; i++) {
      if (!Double.isFinite(absoluteErrors[i])) {
        continue;
      }
      boolean miss = absoluteErrors[i] > scaled.halfWidth(1 - missRate, step, scales[i]);
      missRate += RATE * (target - (miss ? 1 : 0));
    }
    return 1 - missRate;
  }
}
