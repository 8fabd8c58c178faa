package io.github.seriesforecaster.chart;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TimeStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds the {@link ChartData} of a forecaster's view of a series, a frame or a CSV file: the
 * one-step forecasts of the part it holds out for validation, the naive forecasts of the same
 * points and the forecasts after the end ({@code ChartData.of} documents each).
 */
final class ForecasterChartData {
  /** Coverage of the interval drawn around future forecasts. */
  private static final double LEVEL = ChartData.INTERVAL_LEVEL;

  private ForecasterChartData() {}

  static ChartData of(String title, SeriesForecaster forecaster, double[] series, int steps) {
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
    ForecastBand future = null;
    if (steps > 0) {
      future = withInterval(() -> forecaster.forecastWithIntervals(series, steps, LEVEL),
          () -> forecaster.forecast(series, steps));
    }
    return new ChartData(title, series, start, validation, naive, future)
        .withValueLabel(forecaster.inputColumns().get(0));
  }

  static ChartData of(String title, SeriesForecaster forecaster, SeriesFrame frame, int steps) {
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
    ForecastBand future = null;
    if (drawn > 0) {
      future = withInterval(() -> forecaster.forecastWithIntervals(frame, drawn, LEVEL),
          () -> forecaster.forecast(frame, drawn));
    }
    return new ChartData(title, series, start, validation, naive, future)
        .withValueLabel(inputs.get(0));
  }

  static ChartData of(String title, SeriesForecaster forecaster, Path csv, int steps)
      throws IOException {
    Objects.requireNonNull(forecaster, "forecaster");
    ChartData data = of(title, forecaster, forecaster.readFrame(csv), steps);
    ForecasterConfig config = forecaster.config();
    if (config.dateColumn() == null) {
      return data;
    }
    SeriesData read = new CsvSeriesReader(config.delimiter(), config.missingValues()).read(csv,
        config.columnName(), config.columnIndex(), config.dateColumn(), config.featureNames(),
        config.featureIndices());
    List<LocalDateTime> times = new ArrayList<>(Arrays.asList(read.times()));
    if (data.future() != null && config.frequency() != null) {
      TimeStep step = TimeStep.parse(config.frequency());
      LocalDateTime last = times.get(times.size() - 1);
      for (int h = 1; h <= data.future().steps(); h++) {
        times.add(step.after(last, h));
      }
    }
    return data.withTimes(times, config.dateColumn().trim());
  }

  /**
   * The forecasts with their {@value ChartData#INTERVAL_LEVEL} interval, or without one when the
   * model has none (fitted without a validation part): the only case in which a fitted forecaster's
   * {@code forecastWithIntervals} throws {@code IllegalStateException}.
   */
  private static ForecastBand withInterval(Supplier<ForecastIntervals> intervals,
      Supplier<double[]> points) {
    ForecastIntervals band;
    try {
      band = intervals.get();
    } catch (IllegalStateException e) {
      return ForecastBand.of(points.get());
    }
    return new ForecastBand(band.point(), band.lower(LEVEL), band.upper(LEVEL));
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
      throw new IllegalArgumentException(String.format(Locale.ROOT, lengthFormat, length)
          + " but the forecaster needs at least " + needed);
    }
    int held = (int) Math.round(length * forecaster.config().validationFraction());
    return Math.max(length - held, needed);
  }
}
