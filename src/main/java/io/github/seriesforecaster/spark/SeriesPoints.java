package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.internal.data.Interpolation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * One series as the task sees it: its values in time order after the missing-value policy, with
 * their times (as {@link TimeAxis} longs).
 *
 * @param times increasing times, one per value
 * @param values the values in time order, all finite
 */
record SeriesPoints(long[] times, double[] values) {

  /**
   * Orders the rows of one series by time and applies the missing-value policy: a null or NaN
   * value is dropped, interpolated linearly between its neighbours (the nearest value at either
   * end), or fails the series.
   *
   * @param id the series id, for messages
   * @param points rows of (time as long, value as double), in any order
   * @param policy what to do with missing values
   * @return the series
   * @throws IllegalArgumentException if a time is null or repeated, a value is infinite, a value
   *     is missing under {@code FAIL}, or no value is left
   */
  static SeriesPoints of(String id, List<Row> points, MissingValues policy) {
    Row[] rows = points.toArray(new Row[0]);
    for (Row row : rows) {
      if (row.isNullAt(0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has a row without a time (null, or text that is not a date-time)", id));
      }
    }
    Arrays.sort(rows, Comparator.comparingLong(row -> row.getLong(0)));
    long[] times = new long[rows.length];
    double[] values = new double[rows.length];
    int kept = 0;
    int missing = 0;
    for (int i = 0; i < rows.length; i++) {
      long time = rows[i].getLong(0);
      if (i > 0 && time == rows[i - 1].getLong(0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has more than one row at time %d; keep one row per series and time",
            id, time));
      }
      double value = rows[i].isNullAt(1) ? Double.NaN : rows[i].getDouble(1);
      if (Double.isInfinite(value)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has value %s at time %d; values must be finite", id, value, time));
      }
      if (Double.isNaN(value)) {
        missing++;
        if (policy == MissingValues.FAIL) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "series '%s' has a missing value at time %d; missingValues is FAIL", id, time));
        }
        if (policy == MissingValues.DROP) {
          continue;
        }
      }
      times[kept] = time;
      values[kept] = value;
      kept++;
    }
    if (kept == missing && policy == MissingValues.INTERPOLATE || kept == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "series '%s' has no values (%d rows, %d missing)", id, rows.length, missing));
    }
    times = Arrays.copyOf(times, kept);
    values = Arrays.copyOf(values, kept);
    if (policy == MissingValues.INTERPOLATE && missing > 0) {
      Interpolation.fillLinear(values);
    }
    return new SeriesPoints(times, values);
  }

  /** @return SHA-256 of the values as big-endian IEEE-754 doubles in time order, in hex */
  String sha256() {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
    for (double value : values) {
      buffer.putDouble(value);
    }
    return ModelStore.sha256(buffer.array());
  }
}
