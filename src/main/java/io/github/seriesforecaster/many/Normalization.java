package io.github.seriesforecaster.many;

/**
 * How a {@link GlobalForecaster} puts every input window (and its targets) on a common scale, so
 * that series of very different sizes share one network. The level of a window is the mean of its
 * last {@code season} values (its last value without a season).
 */
public enum Normalization {
  /** {@link #LOG_RATIO} when every value of every training series is above zero, else {@link #STANDARDIZE}. */
  AUTO,
  /**
   * {@code log(value / level)}: scale-free, and a forecast can never turn negative. Needs values
   * above zero in every history it forecasts from.
   */
  LOG_RATIO,
  /**
   * {@code (value - level) / spread}, the spread being the standard deviation of the input window
   * (1 when the window is flat): works for zeros and negative values.
   */
  STANDARDIZE
}
