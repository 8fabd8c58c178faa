package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TimeStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Timestamps for the command line's output and charts: read from the date column beside the
 * values (rows dropped for missing values are dropped here too), continued after the end by the
 * frequency, and printed as dates when every timestamp is at midnight.
 */
final class Dates {
  private Dates() {}

  /**
   * @param csv the file
   * @param config how to read it: columns, delimiter, missing values
   * @param dateColumn the date column, or {@code null} for none
   * @return one timestamp per value that {@code config} reads, or an empty list without a date
   *     column
   */
  static List<LocalDateTime> read(Path csv, ForecasterConfig config, String dateColumn)
      throws IOException {
    if (dateColumn == null) {
      return List.of();
    }
    SeriesData data = new CsvSeriesReader(config.delimiter(), config.missingValues()).read(csv,
        config.columnName(), config.columnIndex(), dateColumn, config.featureNames(),
        config.featureIndices());
    return Arrays.asList(data.times());
  }

  /**
   * @param times the history's timestamps, at least two unless {@code frequency} is given
   * @param frequency an ISO-8601 period or duration, or {@code null} to infer it from the times
   * @param steps timestamps wanted after the last one
   * @return the {@code steps} timestamps after the last one
   */
  static List<LocalDateTime> after(List<LocalDateTime> times, String frequency, int steps) {
    TimeStep step = frequency != null ? TimeStep.parse(frequency)
        : TimeStep.infer(times.toArray(LocalDateTime[]::new));
    LocalDateTime last = times.get(times.size() - 1);
    List<LocalDateTime> future = new ArrayList<>(steps);
    for (int h = 1; h <= steps; h++) {
      future.add(step.after(last, h));
    }
    return future;
  }

  /** @return the history's timestamps followed by {@code steps} more */
  static List<LocalDateTime> withFuture(List<LocalDateTime> times, String frequency, int steps) {
    List<LocalDateTime> all = new ArrayList<>(times);
    if (steps > 0 && (frequency != null || times.size() >= 2)) {
      all.addAll(after(times, frequency, steps));
    }
    return all;
  }

  /** @return true if every timestamp is at midnight: print dates only */
  static boolean datesOnly(List<LocalDateTime> times) {
    return times.stream().allMatch(t -> t.toLocalTime().equals(LocalTime.MIDNIGHT));
  }

  /** @return {@code 2008-10-15}, or {@code 2008-10-15T09:30} when not {@code datesOnly} */
  static String format(LocalDateTime time, boolean datesOnly) {
    return datesOnly ? time.toLocalDate().toString() : time.toString();
  }

  /** @return {@code 2007-07-13 to 2008-10-14} for the timestamps from index {@code from} on */
  static String span(List<LocalDateTime> times, int from) {
    boolean dates = datesOnly(times);
    return String.format(Locale.ROOT, "%s to %s", format(times.get(from), dates),
        format(times.get(times.size() - 1), dates));
  }
}
