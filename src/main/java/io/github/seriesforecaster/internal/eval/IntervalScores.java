package io.github.seriesforecaster.internal.eval;

import io.github.seriesforecaster.IntervalMetrics;

/**
 * Coverage and the mean scaled interval score (MSIS) of prediction intervals, exactly as the M4
 * competition defines them (Makridakis, Spiliotis and Assimakopoulos 2020, section 3.2).
 */
public final class IntervalScores {
  private IntervalScores() {}

  /**
   * @param level nominal coverage strictly between 0 and 1
   * @param actual actual values
   * @param lower lower bounds of the same points
   * @param upper upper bounds of the same points
   * @param scale the MSIS denominator, {@link #scale}
   * @return coverage, mean width and MSIS, or {@link IntervalMetrics#none} without points
   */
  public static IntervalMetrics of(double level, double[] actual, double[] lower, double[] upper,
      double scale) {
    if (actual.length != lower.length || actual.length != upper.length) {
      throw new IllegalArgumentException("actual has " + actual.length + " values but lower has "
          + lower.length + " and upper " + upper.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be > 0.0 and < 1.0, was " + level);
    }
    int n = actual.length;
    if (n == 0) {
      return IntervalMetrics.none(level);
    }
    double alpha = 1 - level;
    int covered = 0;
    double widths = 0;
    double scores = 0;
    for (int i = 0; i < n; i++) {
      double y = actual[i];
      double width = upper[i] - lower[i];
      double score = width;
      if (y < lower[i]) {
        score += 2 / alpha * (lower[i] - y);
      } else if (y > upper[i]) {
        score += 2 / alpha * (y - upper[i]);
      } else {
        covered++;
      }
      widths += width;
      scores += score;
    }
    double msis = scale > 0 && Double.isFinite(scale) ? scores / n / scale : Double.NaN;
    return new IntervalMetrics(level, n, (double) covered / n, widths / n, msis);
  }

  /**
   * The MSIS denominator: the mean of {@code |y[t] - y[t - m]|} over the in-sample series.
   *
   * @param inSample the values the forecaster saw (the training part)
   * @param season season length {@code m}; 0 or 1 for none
   * @return the scale, NaN when the series has at most {@code m} values
   */
  public static double scale(double[] inSample, int season) {
    return Metrics.naiveScale(inSample, inSample.length, Math.max(1, season));
  }
}
