package io.github.seriesforecaster.spark;

import static io.github.seriesforecaster.spark.SparkColumns.EXECUTOR;
import static io.github.seriesforecaster.spark.SparkColumns.FORECAST;
import static io.github.seriesforecaster.spark.SparkColumns.FORECAST_TIME;
import static io.github.seriesforecaster.spark.SparkColumns.ID;
import static io.github.seriesforecaster.spark.SparkColumns.LAST_TIME;
import static io.github.seriesforecaster.spark.SparkColumns.METHOD;
import static io.github.seriesforecaster.spark.SparkColumns.MILLIS;
import static io.github.seriesforecaster.spark.SparkColumns.MODEL;
import static io.github.seriesforecaster.spark.SparkColumns.MODEL_PATH;
import static io.github.seriesforecaster.spark.SparkColumns.PARTITION;
import static io.github.seriesforecaster.spark.SparkColumns.TRANSFORM;
import static io.github.seriesforecaster.spark.SparkColumns.VALIDATION_POINTS;
import static io.github.seriesforecaster.spark.SparkColumns.VALUES;
import static io.github.seriesforecaster.spark.SparkColumns.VALUES_SHA256;

import io.github.seriesforecaster.Baselines;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.Forecaster;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.many.GlobalForecaster;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work done in the executors: for each input row (one whole series), fit a forecaster and
 * forecast ({@link Mode#FIT}), load its stored model and forecast ({@link Mode#SCORE}), or forecast
 * with the broadcast global model ({@link Mode#GLOBAL}), and emit one result row. Rows are
 * produced lazily, one series at a time, so a partition never holds more than one fitted network.
 *
 * <p>An {@link Exception} becomes a {@code FAILED} row; an {@link Error} (out of memory, a native
 * library that does not load), also one wrapped in an exception, fails the task so that Spark
 * retries it and then fails the job, instead of turning every series into a {@code FAILED} row.
 *
 * <p>The task is a record of its settings: Spark serialises it into every task.
 */
record SeriesTask(Mode mode, ForecasterConfig config, BroadcastModel globalModel,
    MissingValues missingValues, int season, String frequency, int steps, double[] levels,
    TimeAxis axis, ModelStore store, boolean writeModels, SeriesFit fit)
    implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(SeriesTask.class);

  /** What the task does with each series. */
  enum Mode {
    /** Input (id, points); fits a forecaster per series. */
    FIT,
    /** Input (id, points, model, model_path); loads each series' model. */
    SCORE,
    /** Input (id, points); forecasts every series with one broadcast global model. */
    GLOBAL
  }

  /** Fits one series; a seam so tests can make a fit throw what a real one rarely does. */
  interface SeriesFit extends Serializable {
    FitReport fit(SeriesForecaster forecaster, double[] values);
  }

  static final SeriesFit PLAIN_FIT = SeriesForecaster::fit;

  /** Copies the levels. */
  SeriesTask {
    levels = levels.clone();
  }

  /** A task that fits ({@code FIT}) or loads ({@code SCORE}) one forecaster per series. */
  SeriesTask(Mode mode, ForecasterConfig config, int steps, double[] levels, TimeAxis axis,
      ModelStore store, boolean writeModels, SeriesFit fit) {
    this(mode, config, null, config.missingValues(), config.season(), config.frequency(), steps,
        levels, axis, store, writeModels, fit);
  }

  /** A task that forecasts every series with the global model {@code model} holds. */
  SeriesTask(BroadcastModel model, int season, MissingValues missingValues, int steps,
      TimeAxis axis) {
    this(Mode.GLOBAL, null, model, missingValues, season, null, steps, new double[0], axis, null,
        false, PLAIN_FIT);
  }

  /**
   * The schema of the task's rows: the result columns with times as longs ({@link TimeAxis}).
   *
   * @param levels the interval levels, each giving a lower and an upper column
   * @return the schema
   */
  static StructType rawSchema(double[] levels) {
    return ResultRow.schema(levels);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    TaskContext context = TaskContext.get();
    int partition = context == null ? -1 : context.partitionId();
    long attempt = context == null ? 0 : context.taskAttemptId();
    String executor = SparkEnv.get() == null ? null : SparkEnv.get().executorId();
    StructType schema = ResultRow.schema(levels);
    int[] counts = new int[SeriesStatus.values().length];
    long start = System.nanoTime();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = input.hasNext();
        if (!more && counts[0] + counts[1] + counts[2] > 0) {
          log.info("partition {}: {} series OK, {} FALLBACK, {} FAILED in {} ms", partition,
              counts[0], counts[1], counts[2], (System.nanoTime() - start) / 1_000_000);
          counts[0] = counts[1] = counts[2] = 0;
        }
        return more;
      }

      @Override
      public Row next() {
        if (!input.hasNext()) {
          throw new NoSuchElementException();
        }
        ResultRow result = process(input.next(), schema, attempt);
        counts[result.status.ordinal()]++;
        result.set(PARTITION, partition);
        result.set(EXECUTOR, executor);
        return result.row();
      }
    };
  }

  /** One series from input row to result row. */
  private ResultRow process(Row row, StructType schema, long attempt) {
    long start = System.nanoTime();
    String id = row.isNullAt(0) ? null : row.getString(0);
    ResultRow result = new ResultRow(schema);
    result.set(ID, id);
    try {
      if (id == null) {
        throw new IllegalArgumentException("rows without a series id (null in the id column)");
      }
      if (row.isNullAt(1)) {
        throw new IllegalArgumentException("no history for series '" + id + "' (a model without rows)");
      }
      SeriesPoints points = SeriesPoints.of(id, row.getList(1), missingValues);
      result.set(VALUES, points.values().length);
      result.set(VALUES_SHA256, points.sha256());
      result.set(LAST_TIME, points.times()[points.times().length - 1]);
      switch (mode) {
        case FIT -> fitSeries(id, points, result, attempt);
        case SCORE -> scoreSeries(id, row, points, result);
        case GLOBAL -> forecastGlobal(id, points, result);
      }
    } catch (Exception e) {
      TaskFailures.rethrowIfFatal(e);
      result.fail(SeriesStatus.FAILED, e);
    }
    result.set(MILLIS, (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private void fitSeries(String id, SeriesPoints points, ResultRow result, long attempt)
      throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.builder(config).build();
    double[] values = points.values();
    FitReport report;
    try {
      report = fit.fit(forecaster, values);
    } catch (SeriesFormatException e) {
      fallback(values, points, result, e);
      return;
    }
    forecast(forecaster, points, result, frequency);
    result.set(METHOD, forecaster.name());
    result.set(TRANSFORM, report.transform().name());
    result.set(VALIDATION_POINTS, report.validationWindows());
    result.metrics("model", report.model());
    result.metrics("naive", report.naive());
    result.metrics("seasonal_naive", report.seasonalNaive());
    byte[] bytes = ModelBytes.of(forecaster);
    if (writeModels) {
      result.set(MODEL_PATH, store.write(id, bytes, attempt));
    } else {
      result.set(MODEL, bytes);
    }
    result.status = SeriesStatus.OK;
  }

  /** The series does not suit the configuration (too short): forecast with a baseline instead. */
  private void fallback(double[] values, SeriesPoints points, ResultRow result, Exception why) {
    Forecaster baseline = season > 0 && values.length >= season
        ? Baselines.seasonalNaive(season) : Baselines.naive();
    result.setArray(FORECAST, baseline.forecast(values, steps));
    result.set(METHOD, baseline.name());
    result.setTimes(FORECAST_TIME, axis.forecastTimes(points.times(), frequency, steps));
    result.fail(SeriesStatus.FALLBACK, why);
  }

  private void scoreSeries(String id, Row row, SeriesPoints points, ResultRow result)
      throws Exception {
    byte[] bytes;
    if (!row.isNullAt(2)) {
      bytes = (byte[]) row.get(2);
    } else if (!row.isNullAt(3)) {
      bytes = store.read(row.getString(3));
      result.set(MODEL_PATH, row.getString(3));
    } else {
      throw new IllegalArgumentException("no model for series '" + id + "'");
    }
    SeriesForecaster forecaster = ModelBytes.load(bytes);
    String stepping = forecaster.config().frequency() != null
        ? forecaster.config().frequency() : frequency;
    forecast(forecaster, points, result, stepping);
    result.set(METHOD, forecaster.name());
    result.status = SeriesStatus.OK;
  }

  /** Forecasts with the global model, loaded once per task from the broadcast bytes. */
  private void forecastGlobal(String id, SeriesPoints points, ResultRow result) throws Exception {
    GlobalForecaster global = globalModel.get();
    double[] values = points.values();
    if (values.length < global.minimumHistory()) {
      fallback(values, points, result, new IllegalArgumentException(String.format(Locale.ROOT,
          "series '%s' has %d values but the global model reads windows of %d", id,
          values.length, global.minimumHistory())));
      return;
    }
    result.setArray(FORECAST, global.forecast(values, steps));
    result.setTimes(FORECAST_TIME, axis.forecastTimes(points.times(), frequency, steps));
    result.set(METHOD, "global");
    result.status = SeriesStatus.OK;
  }

  private void forecast(SeriesForecaster forecaster, SeriesPoints points, ResultRow result,
      String frequency) {
    double[] values = points.values();
    if (levels.length == 0) {
      result.setArray(FORECAST, forecaster.forecast(values, steps));
    } else {
      ForecastIntervals intervals = forecaster.forecastWithIntervals(values, steps, levels);
      result.setArray(FORECAST, intervals.point());
      for (double level : levels) {
        result.setArray(SparkColumns.lower(level), intervals.lower(level));
        result.setArray(SparkColumns.upper(level), intervals.upper(level));
      }
    }
    result.setTimes(FORECAST_TIME, axis.forecastTimes(points.times(), frequency, steps));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SeriesTask[%s, %d steps]", mode, steps);
  }
}
