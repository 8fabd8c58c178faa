package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.internal.data.TimeStep;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The kinds of time column a long-format input may have, and how each travels through the tasks:
 * as a {@code long} (microseconds since the epoch, days since the epoch, or the index itself) so
 * the task code never meets Spark's date classes, whose Java type depends on session settings.
 */
enum TimeAxis {
  /** A timestamp (or a string Spark casts to one): microseconds since 1970-01-01T00:00Z. */
  TIMESTAMP,
  /** A date: days since 1970-01-01. */
  DATE,
  /** An integral index (byte, short, int or long): the value itself, steps by its usual spacing. */
  INDEX;

  /**
   * @param type the time column's Spark type
   * @param name the column's name, for the message
   * @return the kind of axis
   * @throws IllegalArgumentException if the type cannot order a series
   */
  static TimeAxis of(DataType type, String name) {
    if (type instanceof TimestampType || type instanceof StringType) {
      return TIMESTAMP;
    }
    if (type instanceof DateType) {
      return DATE;
    }
    if (type instanceof LongType || type instanceof IntegerType || type instanceof ShortType
        || type.equals(DataTypes.ByteType)) {
      return INDEX;
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "time column '%s' has type %s; use a timestamp, date, ISO date-time string or integer "
            + "index column", name, type.simpleString()));
  }

  /** @return SQL that turns the column {@code name} into the long the tasks see */
  String toLongSql(String name) {
    String quoted = "`" + name.replace("`", "``") + "`";
    return switch (this) {
      case TIMESTAMP -> "unix_micros(try_cast(" + quoted + " as timestamp))";
      case DATE -> "cast(unix_date(" + quoted + ") as bigint)";
      case INDEX -> "cast(" + quoted + " as bigint)";
    };
  }

  /** @return the Spark type of the output time columns */
  DataType outputType() {
    return switch (this) {
      case TIMESTAMP -> DataTypes.TimestampType;
      case DATE -> DataTypes.DateType;
      case INDEX -> DataTypes.LongType;
    };
  }

  /** @return SQL that turns the long {@code expression} back into {@link #outputType()} */
  String fromLongSql(String expression) {
    return switch (this) {
      case TIMESTAMP -> "timestamp_micros(" + expression + ")";
      case DATE -> "date_from_unix_date(cast(" + expression + " as int))";
      case INDEX -> expression;
    };
  }

  /**
   * The times of the forecasts after {@code times}: the given ISO-8601 frequency, else the spacing
   * inferred from the times ({@link TimeStep#infer}; for an index its median difference).
   *
   * @param times the series' times in increasing order
   * @param frequency an ISO-8601 period or duration, or null to infer it
   * @param steps forecasts
   * @return one time per forecast, or null when there is no way to know them (fewer than two
   *     times and no frequency)
   */
  long[] forecastTimes(long[] times, String frequency, int steps) {
    if (times.length == 0) {
      return null;
    }
    long last = times[times.length - 1];
    long[] result = new long[steps];
    if (this == INDEX) {
      if (times.length < 2) {
        return null;
      }
      long[] gaps = new long[times.length - 1];
      for (int i = 1; i < times.length; i++) {
        gaps[i - 1] = times[i] - times[i - 1];
      }
      Arrays.sort(gaps);
      long gap = gaps[gaps.length / 2];
      for (int h = 0; h < steps; h++) {
        result[h] = last + (h + 1) * gap;
      }
      return result;
    }
    TimeStep step;
    if (frequency != null) {
      step = TimeStep.parse(frequency);
    } else if (times.length >= 2) {
      LocalDateTime[] local = new LocalDateTime[times.length];
      for (int i = 0; i < times.length; i++) {
        local[i] = toLocal(times[i]);
      }
      step = TimeStep.infer(local);
    } else {
      return null;
    }
    LocalDateTime lastTime = toLocal(last);
    for (int h = 0; h < steps; h++) {
      result[h] = fromLocal(step.after(lastTime, h + 1));
    }
    return result;
  }

  /** Timestamps are stepped in UTC (a calendar month from 31 Jan is 28/29 Feb). */
  private LocalDateTime toLocal(long time) {
    if (this == DATE) {
      return LocalDate.ofEpochDay(time).atStartOfDay();
    }
    long seconds = Math.floorDiv(time, 1_000_000L);
    int nanos = (int) Math.floorMod(time, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private long fromLocal(LocalDateTime time) {
    if (this == DATE) {
      return time.toLocalDate().toEpochDay();
    }
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
  }
}
