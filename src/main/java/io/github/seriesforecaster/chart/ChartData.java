package io.github.seriesforecaster.chart;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ForecastChart} draws: a series, one-step forecasts of its last part beside the
 * naive forecast of the same points, and forecasts after its end. Time is the 0-based index into
 * {@code history}; the future forecasts follow at {@code history.length},
 * {@code history.length + 1}, and so on. Arrays are copied in and out.
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
 */
public record ChartData(
    String title,
    double[] history,
    int validationStart,
    double[] validation,
    double[] naive,
    ForecastBand future) {

  /**
   * Checks and copies the arrays.
   *
   * @param title see {@link #title()}
   * @param history see {@link #history()}
   * @param validationStart see {@link #validationStart()}
   * @param validation see {@link #validation()}
   * @param naive see {@link #naive()}
   * @param future see {@link #future()}
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
   * @return the chart data, without an interval
   * @throws IllegalArgumentException if {@code steps < 0} or the series is too short
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public static ChartData of(
      String title, SeriesForecaster forecaster, double[] series, int steps) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(series, "series");
    int start = validationStart(forecaster, series.length, steps, "series has %d values");
    int needed = forecaster.minimumHistory();
    double[][] histories = new double[series.length - start][];
    double[] naive = new double[histories.length];
    for (int i = 0; i < histories.length; i++) {
      // predict uses only the last minimumHistory values; passing just those keeps memory linear
      histories[i] = Arrays.copyOfRange(series, start + i - needed, start + i);
      naive[i] = series[start + i - 1];
    }
    double[] validation = forecaster.predict(histories);
    ForecastBand future = steps == 0 ? null : ForecastBand.of(forecaster.forecast(series, steps));
    return new ChartData(title, series, start, validation, naive, future);
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
   * @return the chart data, without an interval
   * @throws IllegalArgumentException if {@code steps < 0}, the frame is too short or lacks an
   *     input column
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public static ChartData of(
      String title, SeriesForecaster forecaster, SeriesFrame frame, int steps) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(frame, "frame");
    List<String> inputs = forecaster.inputColumns();
    if (inputs.size() == 1) {
      String column = frame.columns().size() == 1 ? frame.columns().get(0) : inputs.get(0);
      return of(title, forecaster, frame.column(column), steps);
    }
    double[] series = frame.column(inputs.get(0));
    double[][] columns = new double[inputs.size()][];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = frame.column(inputs.get(c));
    }
    int start = validationStart(forecaster, series.length, steps, "frame has %d rows");
    int needed = forecaster.minimumHistory();
    double[] validation = new double[series.length - start];
    double[] naive = new double[validation.length];
    for (int i = 0; i < validation.length; i++) {
      Map<String, double[]> recent = new LinkedHashMap<>();
      for (int c = 0; c < columns.length; c++) {
        recent.put(inputs.get(c), Arrays.copyOfRange(columns[c], start + i - needed, start + i));
      }
      validation[i] = forecaster.predict(SeriesFrame.ofColumns(recent));
      naive[i] = series[start + i - 1];
    }
    int drawn = Math.min(steps, forecaster.config().horizon());
    ForecastBand future = drawn == 0 ? null : ForecastBand.of(forecaster.forecast(frame, drawn));
    return new ChartData(title, series, start, validation, naive, future);
  }

  /**
   * @return the first index with a validation forecast: the start of the part the forecaster
   *     holds out, but no earlier than its minimum history
   */
  private static int validationStart(
      SeriesForecaster forecaster, int length, int steps, String lengthFormat) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, was " + steps);
    }
    int needed = forecaster.minimumHistory();
    if (length < needed) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, lengthFormat, length)
          + " but the forecaster needs at least " + needed);
    }
    int held = (int) Math.round(length * forecaster.config().validationFraction());
    return Math.max(length - held, needed);
  }

  /**
   * @param band forecasts after the end of the history, e.g. with an interval; {@code null} for
   *     none
   * @return a copy of this data with {@code band} as the future forecasts
   */
  public ChartData withFuture(ForecastBand band) {
    return new ChartData(title, history, validationStart, validation, naive, band);
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
        && Objects.equals(future, data.future);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, Arrays.hashCode(history), validationStart,
        Arrays.hashCode(validation), Arrays.hashCode(naive), future);
  }

  @Override
  public String toString() {
    return "ChartData[title=" + title + ", history=" + history.length + " values, validationStart="
        + validationStart + ", future="
        + (future == null ? "none" : future.steps() + " steps") + "]";
  }

  private static void checkLength(String name, double[] forecasts, int length, int start) {
    if (forecasts.length != length - start) {
      throw new IllegalArgumentException(name + " has " + forecasts.length
          + " forecasts but history has " + (length - start) + " values from validationStart "
          + start + "; give one forecast per value");
    }
  }
}
