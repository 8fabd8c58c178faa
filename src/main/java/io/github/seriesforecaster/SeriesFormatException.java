package io.github.seriesforecaster;

/**
 * The content of a series (usually a CSV file) cannot be used: a non-numeric cell, a missing
 * column, too few rows. The message names the file, the 1-based line and the column where
 * they are known, e.g. {@code prices.csv line 21: column 'Close' is 'abc', expected a number}.
 */
public final class SeriesFormatException extends ForecasterException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public SeriesFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public SeriesFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
