package io.github.seriesforecaster.data;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The values of one column read from a source, with what is needed to describe them.
 *
 * @param source file name (or another label such as {@code array}) for messages and metadata
 * @param column the column's header name, or a label when the values did not come from a CSV
 * @param values the usable values in order, after the missing-value policy
 * @param rows data rows read (blank lines not counted)
 * @param missing rows whose cell was empty, {@code NA} or {@code NaN}
 * @param times the timestamp of each value, or {@code null} without a date column
 */
public record SeriesData(
    String source, String column, double[] values, int rows, int missing, LocalDateTime[] times) {

  public SeriesData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(column, "column");
    values = values.clone();
    times = times == null ? null : times.clone();
    if (times != null && times.length != values.length) {
      throw new IllegalArgumentException(
          times.length + " timestamps for " + values.length + " values");
    }
  }

  /** Values without timestamps. */
  public SeriesData(String source, String column, double[] values, int rows, int missing) {
    this(source, column, values, rows, missing, null);
  }

  /** @return a copy of the timestamps, or {@code null} */
  @Override
  public LocalDateTime[] times() {
    return times == null ? null : times.clone();
  }

  /** @return a copy of the values */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** @return the number of values, without copying them */
  public int length() {
    return values.length;
  }

  /** @return the value at {@code index} */
  public double value(int index) {
    return values[index];
  }
}
