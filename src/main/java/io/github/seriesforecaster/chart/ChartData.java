package io.github.seriesforecaster.chart;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.SeriesFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ForecastChart} draws: a series, one-step forecasts of its last part beside the
 * naive forecast of the same points, and forecasts after its end. Without timestamps, time is the
 * 0-based index into {@code history}; the future forecasts follow at {@code history.length},
 * {@code history.length + 1}, and so on. With timestamps ({@link #withTimes}) the time axis shows
 * dates. Arrays are copied in and out.
 *
 * @param title the chart's title, may be empty
 * @param history the actual values in time order, at least one
 * @param validationStart index of the first value that has one-step forecasts, from 0 up to
 *     {@code history.length} (no forecasts)
 * @param validation the model's one-step forecasts of {@code history[validationStart]} onwards,
 *     each made from the true values before it: {@code history.length - validationStart} of them
 * @param naive the naive forecasts of the same points (usually the previous actual value), as many
 * @param future forecasts after the end of the history, with or without an interval, or
 *     {@code null} for none
 * @param times the timestamps of the history values, optionally followed by those of the future
 *     forecasts (otherwise the chart continues the history's spacing); empty for a time axis of
 *     0-based indices
 * @param timeLabel the time axis label, e.g. the date column's name
 * @param valueLabel the value axis label, e.g. the value column's name
 * @param heldOutLabel what the part with one-step forecasts is called on the chart:
 *     {@code validation} for the part a fit held out, {@code test} for a backtest
 */
public record ChartData(
    String title,
    double[] history,
    int validationStart,
    double[] validation,
    double[] naive,
    ForecastBand future,
    List<LocalDateTime> times,
    String timeLabel,
    String valueLabel,
    String heldOutLabel) {

  /** Coverage of the interval that the factories draw around future forecasts. */
  public static final double INTERVAL_LEVEL = 0.8;

  /** The value axis label when none is given. */
  public static final String DEFAULT_VALUE_LABEL = "value";
  /** The held-out part's name when none is given. */
  public static final String DEFAULT_HELD_OUT_LABEL = "validation";

  /**
   * Chart data with a time axis of 0-based indices and default labels.
   *
   * @param title the chart's title, may be empty
   * @param history the actual values in time order, at least one
   * @param validationStart index of the first value that has one-step forecasts
   * @param validation the model's one-step forecasts from {@code validationStart} on
   * @param naive the naive forecasts of the same points
   * @param future forecasts after the end of the history, or {@code null}
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ChartData(String title, double[] history, int validationStart, double[] validation,
      double[] naive, ForecastBand future) {
    this(title, history, validationStart, validation, naive, future, List.of(), "time step",
        DEFAULT_VALUE_LABEL, DEFAULT_HELD_OUT_LABEL);
  }

  /**
   * Checks and copies the arrays.
   *
   * @param title see {@link #title()}
   * @param history see {@link #history()}
   * @param validationStart see {@link #validationStart()}
   * @param validation see {@link #validation()}
   * @param naive see {@link #naive()}
   * @param future see {@link #future()}
   * @param times see {@link #times()}
   * @param timeLabel see {@link #timeLabel()}
   * @param valueLabel see {@link #valueLabel()}
   * @param heldOutLabel see {@link #heldOutLabel()}
   * @throws IllegalArgumentException if the history is empty, {@code validationStart} is outside
   *     it, or {@code validation} or {@code naive} does not hold one forecast per value from
   *     {@code validationStart} on
   */
  public ChartData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(naive, "naive");
    if (history.length == 0) {
      throw new IllegalArgumentException("history must hold at least one value, was empty");
    }
    if (validationStart < 0 || validationStart > history.length) {
      throw new IllegalArgumentException("validationStart must be between 0 and "
          + history.length + ", was " + validationStart);
    }
    checkLength("validation", validation, history.length, validationStart);
    checkLength("naive", naive, history.length, validationStart);
    Objects.requireNonNull(timeLabel, "timeLabel");
    Objects.requireNonNull(valueLabel, "valueLabel");
    Objects.requireNonNull(heldOutLabel, "heldOutLabel");
    times = List.copyOf(Objects.requireNonNull(times, "times"));
    if (!times.isEmpty() && times.size() < history.length) {
      throw new IllegalArgumentException("times has " + times.size() + " timestamps but history "
          + "has " + history.length + " values; give one per value, or none");
    }
    for (int i = 1; i < times.size(); i++) {
      if (!times.get(i).isAfter(times.get(i - 1))) {
        throw new IllegalArgumentException("times must increase, but " + times.get(i)
            + " follows " + times.get(i - 1));
      }
    }
    history = history.clone();
    validation = validation.clone();
    naive = naive.clone();
  }

  /**
   * Draws a fitted or loaded forecaster's view of a series: the one-step forecasts of the part it
   * holds out for validation ({@code validationFraction} of the series, from its end, as in
   * {@code fit}), the naive forecast of the same points, and {@code steps} recursive forecasts
   * after the end. Validation forecasts start no earlier than
   * {@link SeriesForecaster#minimumHistory()}.
   *
   * @param title the chart's title
   * @param forecaster a fitted or loaded forecaster
   * @param series the actual values, at least {@code minimumHistory()} of them
   * @param steps forecasts after the end, 0 for none
   * @return the chart data; the future forecasts with their 80% interval when the model has
   *     one, the value axis labelled with the value column
   * @throws IllegalArgumentException if {@code steps < 0} or the series is too short
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public static ChartData of(
      String title, SeriesForecaster forecaster, double[] series, int steps) {
    return ForecasterChartData.of(title, forecaster, series, steps);
  }

  /**
   * Draws a forecaster's view of a frame as {@link #of(String, SeriesForecaster, double[], int)}
   * does for a series: the target column with its validation one-step forecasts, each from the
   * frame's rows before it. A model with feature columns forecasts at most its {@code horizon}
   * steps after the end, so at most that many are drawn.
   *
   * @param title the chart's title
   * @param forecaster a fitted or loaded forecaster
   * @param frame the model's input columns, at least {@code minimumHistory()} rows
   * @param steps forecasts after the end, 0 for none
   * @return the chart data; the future forecasts with their 80% interval when the model has
   *     one, the value axis labelled with the value column
   * @throws IllegalArgumentException if {@code steps < 0}, the frame is too short or lacks an
   *     input column
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public static ChartData of(
      String title, SeriesForecaster forecaster, SeriesFrame frame, int steps) {
    return ForecasterChartData.of(title, forecaster, frame, steps);
  }

  /**
   * Draws a forecaster's view of a CSV file as {@link #of(String, SeriesForecaster, SeriesFrame,
   * int)} does for the columns it reads, and, when the forecaster has a {@code dateColumn}, with
   * the file's dates on the time axis (continued after the end by its {@code frequency}, or else
   * by the dates' own spacing).
   *
   * @param title the chart's title
   * @param forecaster a fitted or loaded forecaster
   * @param csv the file, read with the forecaster's columns, delimiter and missing-value policy
   * @param steps forecasts after the end, 0 for none
   * @return the chart data
   * @throws IOException if the file is missing or unreadable
   * @throws SeriesFormatException if its content is unusable
   * @throws IllegalArgumentException if {@code steps < 0} or the file is too short
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public static ChartData of(String title, SeriesForecaster forecaster, Path csv, int steps)
      throws IOException {
    return ForecasterChartData.of(title, forecaster, csv, steps);
  }

  /**
   * @param band forecasts after the end of the history, e.g. with an interval; {@code null} for
   *     none
   * @return a copy of this data with {@code band} as the future forecasts
   */
  public ChartData withFuture(ForecastBand band) {
    return new ChartData(title, history, validationStart, validation, naive, band, times,
        timeLabel, valueLabel, heldOutLabel);
  }

  /**
   * @param timestamps one per history value, increasing, optionally followed by those of the
   *     future forecasts
   * @param label the time axis label, e.g. the date column's name
   * @return a copy of this data whose time axis shows these dates
   * @throws IllegalArgumentException if there are fewer timestamps than history values, or they
   *     do not increase
   */
  public ChartData withTimes(List<LocalDateTime> timestamps, String label) {
    return new ChartData(title, history, validationStart, validation, naive, future, timestamps,
        label, valueLabel, heldOutLabel);
  }

  /**
   * @param label the value axis label, e.g. the value column's name
   * @return a copy of this data with that label
   */
  public ChartData withValueLabel(String label) {
    return new ChartData(title, history, validationStart, validation, naive, future, times,
        timeLabel, label, heldOutLabel);
  }

  /**
   * @param label what the part with one-step forecasts is called, e.g. {@code test}
   * @return a copy of this data with that name
   */
  public ChartData withHeldOutLabel(String label) {
    return new ChartData(title, history, validationStart, validation, naive, future, times,
        timeLabel, valueLabel, label);
  }

  /** @return a copy of the actual values */
  @Override
  public double[] history() {
    return history.clone();
  }

  /** @return a copy of the one-step forecasts */
  @Override
  public double[] validation() {
    return validation.clone();
  }

  /** @return a copy of the naive forecasts */
  @Override
  public double[] naive() {
    return naive.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChartData data && title.equals(data.title)
        && Arrays.equals(history, data.history) && validationStart == data.validationStart
        && Arrays.equals(validation, data.validation) && Arrays.equals(naive, data.naive)
        && Objects.equals(future, data.future) && times.equals(data.times)
        && timeLabel.equals(data.timeLabel) && valueLabel.equals(data.valueLabel)
        && heldOutLabel.equals(data.heldOutLabel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, Arrays.hashCode(history), validationStart,
        Arrays.hashCode(validation), Arrays.hashCode(naive), future, times, timeLabel, valueLabel,
        heldOutLabel);
  }

  @Override
  public String toString() {
    return "ChartData[title=" + title + ", history=" + history.length + " values, validationStart="
        + validationStart + ", future="
        + (future == null ? "none" : future.steps() + " steps") + ", times="
        + (times.isEmpty() ? "none" : times.get(0) + ".." + times.get(times.size() - 1))
        + ", valueLabel=" + valueLabel + "]";
  }

  private static void checkLength(String name, double[] forecasts, int length, int start) {
    if (forecasts.length != length - start) {
      throw new IllegalArgumentException(name + " has " + forecasts.length
          + " forecasts but history has " + (length - start) + " values from validationStart "
          + start + "; give one forecast per value");
    }
  }
}
