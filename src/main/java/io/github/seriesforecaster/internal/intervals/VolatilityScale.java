package io.github.seriesforecaster.internal.intervals;

/**
 * How much a series has been moving lately: an exponentially weighted mean of its absolute
 * one-step changes, the newest change weighted 1 and one {@code halfLife} older half as much,
 * over at most {@link #span()} changes. Depends only on the values before a forecast origin, so
 * the same estimate serves at calibration origins and on the history a forecast starts from.
 *
 * @param halfLife changes after which a change's weight halves, at least 1
 */
public record VolatilityScale(int halfLife) {
  /**
   * The default half-life in steps, chosen on validation parts cut from the first 70% of the
   * bundled series (see docs/intervals.md).
   */
  public static final int DEFAULT_HALF_LIFE = 20;

  /** Half-lives looked back: older changes would weigh below 1/16 of the newest. */
  private static final int HALF_LIVES = 4;

  public VolatilityScale {
    if (halfLife < 1) {
      throw new IllegalArgumentException("halfLife must be >= 1, was " + halfLife);
    }
  }

  /** @return the scale with the default half-life */
  public static VolatilityScale standard() {
    return new VolatilityScale(DEFAULT_HALF_LIFE);
  }

  /** @return the most one-step changes an estimate reads */
  public int span() {
    return HALF_LIVES * halfLife;
  }

  /**
   * @param series values in time order; non-finite values and the changes touching them are skipped
   * @param end one past the last value used (the forecast origin)
   * @return the weighted mean absolute change of {@code series[.. end)}, or NaN when there is no
   *     finite change
   */
  public double at(double[] series, int end) {
    double decay = Math.pow(0.5, 1.0 / halfLife);
    double weight = 1;
    double sum = 0;
    double weights = 0;
    int from = Math.max(1, end - span());
    for (int t = end - 1; t >= from; t--) {
      double change = series[t] - series[t - 1];
      if (Double.isFinite(change)) {
        sum += weight * Math.abs(change);
        weights += weight;
      }
      weight *= decay;
    }
    return weights > 0 ? sum / weights : Double.NaN;
  }
}
