package io.github.seriesforecaster.spark;

import static io.github.seriesforecaster.spark.SparkColumns.ERROR_CLASS;
import static io.github.seriesforecaster.spark.SparkColumns.ERROR_MESSAGE;
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
import static io.github.seriesforecaster.spark.SparkColumns.STATUS;
import static io.github.seriesforecaster.spark.SparkColumns.TRANSFORM;
import static io.github.seriesforecaster.spark.SparkColumns.VALIDATION_POINTS;
import static io.github.seriesforecaster.spark.SparkColumns.VALUES;
import static io.github.seriesforecaster.spark.SparkColumns.VALUES_SHA256;

import io.github.seriesforecaster.Baselines;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.Forecaster;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.many.GlobalForecaster;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work done in the executors: for each input row (one whole series), fit a forecaster and
 * forecast ({@link Mode#FIT}), load its stored model and forecast ({@link Mode#SCORE}), or forecast
 * with the broadcast global model ({@link Mode#GLOBAL}), and emit one result row. Rows are produced lazily, one series at a time, so a partition never holds more
 * than one fitted network.
 *
 * <p>An {@link Exception} becomes a {@code FAILED} row; an {@link Error} (out of memory, a native
 * library that does not load), also one wrapped in an exception, fails the task so that Spark
 * retries it and then fails the job, instead of turning every series into a {@code FAILED} row.
 */
final class SeriesTask implements MapPartitionsFunction<Row, Row> {
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

  private final Mode mode;
  private final ForecasterConfig config;
  private final Broadcast<byte[]> globalModel;
  private final MissingValues missingValues;
  private final int season;
  private final String frequency;
  private final int steps;
  private final double[] levels;
  private final TimeAxis axis;
  private final ModelStore store;
  private final boolean writeModels;
  private final SeriesFit fit;
  private final StructType schema;

  private transient GlobalForecaster global;

  /** A task that fits ({@code FIT}) or loads ({@code SCORE}) one forecaster per series. */
  SeriesTask(Mode mode, ForecasterConfig config, int steps, double[] levels, TimeAxis axis,
      ModelStore store, boolean writeModels, SeriesFit fit) {
    this(mode, config, null, config.missingValues(), config.season(), config.frequency(), steps,
        levels, axis, store, writeModels, fit);
  }

  /** A task that forecasts every series with the global model whose file {@code model} holds. */
  SeriesTask(Broadcast<byte[]> model, int season, MissingValues missingValues, int steps,
      TimeAxis axis) {
    this(Mode.GLOBAL, null, model, missingValues, season, null, steps, new double[0], axis, null,
        false, PLAIN_FIT);
  }

  private SeriesTask(Mode mode, ForecasterConfig config, Broadcast<byte[]> globalModel,
      MissingValues missingValues, int season, String frequency, int steps, double[] levels,
      TimeAxis axis, ModelStore store, boolean writeModels, SeriesFit fit) {
    this.mode = mode;
    this.config = config;
    this.globalModel = globalModel;
    this.missingValues = missingValues;
    this.season = season;
    this.frequency = frequency;
    this.steps = steps;
    this.levels = levels.clone();
    this.axis = axis;
    this.store = store;
    this.writeModels = writeModels;
    this.fit = fit;
    this.schema = rawSchema(levels);
  }

  /**
   * The schema of the task's rows: the result columns with times as longs ({@link TimeAxis}).
   *
   * @param levels the interval levels, each giving a lower and an upper column
   * @return the schema
   */
  static StructType rawSchema(double[] levels) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ID, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ERROR_CLASS, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(ERROR_MESSAGE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(VALUES, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(VALUES_SHA256, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(METHOD, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(TRANSFORM, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(FORECAST, doubles(), true));
    for (double level : levels) {
      fields.add(DataTypes.createStructField(SparkColumns.lower(level), doubles(), true));
      fields.add(DataTypes.createStructField(SparkColumns.upper(level), doubles(), true));
    }
    fields.add(DataTypes.createStructField(LAST_TIME, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(FORECAST_TIME,
        DataTypes.createArrayType(DataTypes.LongType, false), true));
    fields.add(DataTypes.createStructField(VALIDATION_POINTS, DataTypes.IntegerType, true));
    for (String forecaster : SparkColumns.FORECASTERS) {
      for (String metric : SparkColumns.METRICS) {
        fields.add(DataTypes.createStructField(
            SparkColumns.metric(forecaster, metric), DataTypes.DoubleType, true));
      }
    }
    fields.add(DataTypes.createStructField(MILLIS, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(MODEL, DataTypes.BinaryType, true));
    fields.add(DataTypes.createStructField(MODEL_PATH, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(PARTITION, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(EXECUTOR, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  private static org.apache.spark.sql.types.ArrayType doubles() {
    return DataTypes.createArrayType(DataTypes.DoubleType, false);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    TaskContext context = TaskContext.get();
    int partition = context == null ? -1 : context.partitionId();
    long attempt = context == null ? 0 : context.taskAttemptId();
    String executor = SparkEnv.get() == null ? null : SparkEnv.get().executorId();
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
        Result result = process(input.next(), attempt);
        counts[result.status.ordinal()]++;
        result.set(PARTITION, partition);
        result.set(EXECUTOR, executor);
        return result.row();
      }
    };
  }

  /** One series from input row to result row. */
  Result process(Row row, long attempt) {
    long start = System.nanoTime();
    String id = row.isNullAt(0) ? null : row.getString(0);
    Result result = new Result(schema);
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
        case FIT -> fit(id, points, result, attempt);
        case SCORE -> score(id, row, points, result);
        case GLOBAL -> global(id, points, result);
      }
    } catch (Exception e) {
      rethrowIfFatal(e);
      result.fail(SeriesStatus.FAILED, e);
    }
    result.set(MILLIS, (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private void fit(String id, SeriesPoints points, Result result, long attempt) throws Exception {
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
  private void fallback(double[] values, SeriesPoints points, Result result, Exception why) {
    Forecaster baseline = season > 0 && values.length >= season
        ? Baselines.seasonalNaive(season) : Baselines.naive();
    result.set(FORECAST, list(baseline.forecast(values, steps)));
    result.set(METHOD, baseline.name());
    result.set(FORECAST_TIME, times(points, frequency));
    result.fail(SeriesStatus.FALLBACK, why);
  }

  private void score(String id, Row row, SeriesPoints points, Result result) throws Exception {
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
  private void global(String id, SeriesPoints points, Result result) throws Exception {
    if (global == null) {
      global = GlobalForecaster.load(new ByteArrayInputStream(globalModel.value()));
    }
    double[] values = points.values();
    if (values.length < global.minimumHistory()) {
      fallback(values, points, result, new IllegalArgumentException(String.format(Locale.ROOT,
          "series '%s' has %d values but the global model reads windows of %d", id,
          values.length, global.minimumHistory())));
      return;
    }
    result.set(FORECAST, list(global.forecast(values, steps)));
    result.set(FORECAST_TIME, times(points, frequency));
    result.set(METHOD, "global");
    result.status = SeriesStatus.OK;
  }

  private void forecast(SeriesForecaster forecaster, SeriesPoints points, Result result,
      String frequency) {
    double[] values = points.values();
    if (levels.length == 0) {
      result.set(FORECAST, list(forecaster.forecast(values, steps)));
    } else {
      ForecastIntervals intervals = forecaster.forecastWithIntervals(values, steps, levels);
      result.set(FORECAST, list(intervals.point()));
      for (double level : levels) {
        result.set(SparkColumns.lower(level), list(intervals.lower(level)));
        result.set(SparkColumns.upper(level), list(intervals.upper(level)));
      }
    }
    result.set(FORECAST_TIME, times(points, frequency));
  }

  /** Boxed arrays: Spark 3.5's row encoder takes arrays or Scala sequences, not java.util.List. */
  private Long[] times(SeriesPoints points, String frequency) {
    long[] times = axis.forecastTimes(points.times(), frequency, steps);
    if (times == null) {
      return null;
    }
    Long[] boxed = new Long[times.length];
    for (int i = 0; i < times.length; i++) {
      boxed[i] = times[i];
    }
    return boxed;
  }

  private static Double[] list(double[] values) {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  /**
   * Lets errors that must not become a row through: an {@link Error} anywhere in the cause chain
   * (thrown itself, with the exception that wrapped it attached as suppressed), and interruption,
   * which is how Spark kills a task.
   */
  static void rethrowIfFatal(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof Error error) {
        error.addSuppressed(e);
        throw error;
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("task interrupted", e);
    }
  }

  /**
   * @param e an exception
   * @param limit maximum characters
   * @return its message, and its root cause's when that differs, cut to {@code limit} characters
   */
  static String boundedMessage(Throwable e, int limit) {
    String message = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
    return message.length() <= limit ? message : message.substring(0, limit - 1) + "…";
  }

  /** A result row being filled in by column name. */
  static final class Result {
    private final StructType schema;
    private final Object[] cells;
    SeriesStatus status = SeriesStatus.FAILED;

    Result(StructType schema) {
      this.schema = schema;
      this.cells = new Object[schema.length()];
      set(VALUES, 0);
      set(MILLIS, 0L);
      set(PARTITION, -1);
    }

    void set(String column, Object value) {
      cells[schema.fieldIndex(column)] = value;
    }

    void metrics(String forecaster, ErrorMetrics metrics) {
      set(SparkColumns.metric(forecaster, "rmse"), finiteOrNull(metrics.rmse()));
      set(SparkColumns.metric(forecaster, "mae"), finiteOrNull(metrics.mae()));
      set(SparkColumns.metric(forecaster, "smape"), finiteOrNull(metrics.smape()));
      set(SparkColumns.metric(forecaster, "mase"), finiteOrNull(metrics.mase()));
    }

    private static Double finiteOrNull(double value) {
      return Double.isNaN(value) ? null : value;
    }

    void fail(SeriesStatus status, Exception e) {
      this.status = status;
      if (status == SeriesStatus.FAILED) {
        // no half results: a series that failed after forecasting (writing its model) has none
        for (String name : schema.fieldNames()) {
          if (name.startsWith(FORECAST) || name.startsWith("lower_") || name.startsWith("upper_")
              || name.startsWith(MODEL)) {
            set(name, null);
          }
        }
      }
      set(ERROR_CLASS, e.getClass().getName());
      set(ERROR_MESSAGE, boundedMessage(e, SparkForecaster.MESSAGE_LIMIT));
    }

    Object get(String column) {
      return cells[schema.fieldIndex(column)];
    }

    Row row() {
      cells[schema.fieldIndex(STATUS)] = status.name();
      return RowFactory.create(cells);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SeriesTask[%s, %d steps]", mode, steps);
  }
}
