package io.github.seriesforecaster;

/**
 * What to do with an empty, {@code NA} or {@code NaN} cell in the chosen column. Either way the
 * count is logged at WARN.
 */
public enum MissingValues {
  /** Leave the row out: the series closes up around it. */
  DROP,
  /**
   * Replace the value by linear interpolation between its nearest present neighbours (the nearest
   * present value at either end of the series).
   */
  INTERPOLATE,
  /** Fail with a {@link SeriesFormatException} naming the first missing cell. */
  FAIL
}
