package io.github.seriesforecaster.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import io.github.seriesforecaster.Checks;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits one {@link SeriesForecaster} per series of a long-format Spark table, inside the executors,
 * and returns one result row per series: its status, forecasts (and interval bounds), validation
 * metrics beside the naive and seasonal naive forecasts, and the model.
 *
 * <pre>{@code
 * SparkForecaster spark = SparkForecaster.builder(config)      // a ForecasterConfig
 *     .idColumn("store").timeColumn("day").valueColumn("sales")
 *     .steps(14).levels(0.8, 0.95)
 *     .build();
 * Dataset<Row> results = spark.fit(sales);                      // one row per store
 * Dataset<Row> table = SparkForecaster.forecastTable(results);   // one row per store and day
 * Dataset<Row> later = spark.forecastAll(newSales, results, 14); // scores the stored models
 * }</pre>
 *
 * <p>Each series is fitted on one thread of one task ({@code threads(1)}, {@code parallelism(1)}),
 * so its forecasts are bit-identical to the same fit in a plain JVM; Spark runs as many series at
 * once as it has task slots. The series are spread over {@link Builder#partitions(int)} partitions
 * by a range partitioning of their ids (an explicit number, which adaptive query execution keeps;
 * it would otherwise merge the small shuffle partitions of a group-by into one task). A series
 * that fails becomes a {@code FAILED} row without stopping the others; an {@link Error} fails the
 * task (see {@link SeriesStatus}). A retried or speculative task recomputes the same rows, and
 * Spark keeps one attempt's rows per partition.
 *
 * <p>The returned tables are lazy, like any Spark dataset: every action on them runs the fits
 * again. Cache, checkpoint or write the result table before using it more than once.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class SparkForecaster {
  private static final Logger log = LoggerFactory.getLogger(SparkForecaster.class);

  /** Maximum length of an {@code error_message} cell, in characters. */
  public static final int MESSAGE_LIMIT = 1000;
  /** Default {@code idColumn}. */
  public static final String DEFAULT_ID_COLUMN = "id";
  /** Default {@code timeColumn}. */
  public static final String DEFAULT_TIME_COLUMN = "time";
  /** Default {@code valueColumn}. */
  public static final String DEFAULT_VALUE_COLUMN = "value";
  /** Default {@code steps}. */
  public static final int DEFAULT_STEPS = 1;
  /** Partitions per task slot ({@code spark.default.parallelism}) when none are set. */
  public static final int DEFAULT_PARTITIONS_PER_SLOT = 4;

  private final ForecasterConfig config;
  private final Columns columns;
  private final int steps;
  private final double[] levels;
  private final int partitions;
  private final String modelFolder;
  private final SeriesTask.SeriesFit fit;

  private SparkForecaster(Builder builder) {
    this.config = builder.config.toBuilder().threads(1).parallelism(1).config();
    this.columns = builder.columns();
    this.steps = builder.steps();
    this.levels = builder.levels.clone();
    this.partitions = builder.partitions();
    this.modelFolder = builder.modelFolder;
    this.fit = builder.fit;
  }

  /**
   * @param config the settings of every series' forecaster; {@code threads} and
   *     {@code parallelism} are set to 1 in the executors, the column, date and feature settings
   *     do not apply (the columns are named in this builder)
   * @return a builder with the default columns {@code id}, {@code time}, {@code value}
   */
  public static Builder builder(ForecasterConfig config) {
    return new Builder(config);
  }

  /** @return the forecasters' settings as the executors use them ({@code threads} 1) */
  public ForecasterConfig config() {
    return config;
  }

  /**
   * Fits a forecaster per series and forecasts {@code steps} values after each series' end.
   *
   * @param series a long-format table: one row per series and time, with the id column (any
   *     type, compared as a string), the time column (timestamp, date, ISO date-time string or
   *     integer index; rows may come in any order, each time at most once per series) and the
   *     numeric value column (null or NaN is a missing value, handled by the configuration's
   *     {@code missingValues})
   * @return one row per series; the columns are described in {@link SparkColumns}, with
   *     {@code model} (bytes) or {@code model_path} (with a {@link Builder#modelFolder}) set for
   *     every {@code OK} row
   * @throws IllegalArgumentException if a configured column is missing or of an unusable type
   */
  public Dataset<Row> fit(Dataset<Row> series) {
    Objects.requireNonNull(series, "series");
    TimeAxis axis = columns.check(series);
    int slices = columns.partitions(series.sparkSession(), partitions);
    ModelStore store = modelFolder == null ? null
        : new ModelStore(modelFolder, series.sparkSession().sparkContext().hadoopConfiguration());
    SeriesTask task = new SeriesTask(SeriesTask.Mode.FIT, config, steps, levels, axis, store,
        modelFolder != null, fit);
    log.info("fitting the series of columns {}/{}/{} on {} partitions, {} steps{}", columns.id(),
        columns.time(), columns.value(), slices, steps,
        modelFolder == null ? "" : ", models to " + modelFolder);
    Dataset<Row> raw = columns.points(series, axis)
        .repartitionByRange(slices, col(Columns.SERIES_ID))
        .mapPartitions(task, Encoders.row(SeriesTask.rawSchema(levels)));
    return columns.withTimes(raw, axis);
  }

  /**
   * Forecasts each series from its stored model: the models of a {@link #fit} result (bytes or
   * paths), later, on newer data.
   *
   * @param histories a long-format table like {@link #fit}'s input, with this builder's columns
   * @param models a table with the columns {@code id} and {@code model} (model file bytes) and/or
   *     {@code model_path} (a Hadoop file system path), such as a {@link #fit} result; one row per
   *     series
   * @param steps values to forecast per series, at least 1
   * @return one row per series of either table, with the result columns of {@link #fit} (the
   *     fit-only ones null); a series without model or without history is {@code FAILED}
   * @throws IllegalArgumentException if a column is missing or {@code steps < 1}
   */
  public Dataset<Row> forecastAll(Dataset<Row> histories, Dataset<Row> models, int steps) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(models, "models");
    Checks.atLeast(1, steps, "steps");
    TimeAxis axis = columns.check(histories);
    List<String> modelColumns = Arrays.asList(models.columns());
    if (!modelColumns.contains(SparkColumns.ID) || !modelColumns.contains(SparkColumns.MODEL)
        && !modelColumns.contains(SparkColumns.MODEL_PATH)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "models need the columns '%s' and '%s' or '%s', had %s", SparkColumns.ID,
          SparkColumns.MODEL, SparkColumns.MODEL_PATH, modelColumns));
    }
    String modelId = "__model_id";
    Dataset<Row> stored = models.select(
        col(SparkColumns.ID).cast(DataTypes.StringType).as(modelId),
        modelColumns.contains(SparkColumns.MODEL) ? col(SparkColumns.MODEL)
            : lit(null).cast(DataTypes.BinaryType).as(SparkColumns.MODEL),
        modelColumns.contains(SparkColumns.MODEL_PATH) ? col(SparkColumns.MODEL_PATH)
            : lit(null).cast(DataTypes.StringType).as(SparkColumns.MODEL_PATH));
    Dataset<Row> history = columns.points(histories, axis);
    Dataset<Row> joined = history
        .join(stored, history.col(Columns.SERIES_ID).equalTo(stored.col(modelId)), "full_outer")
        .select(coalesce(history.col(Columns.SERIES_ID), stored.col(modelId)).as(Columns.SERIES_ID),
            col(Columns.POINTS), col(SparkColumns.MODEL), col(SparkColumns.MODEL_PATH));
    SeriesTask task = new SeriesTask(SeriesTask.Mode.SCORE, config, steps, levels, axis,
        new ModelStore("file:///", histories.sparkSession().sparkContext().hadoopConfiguration()),
        false, fit);
    Dataset<Row> raw = joined
        .repartitionByRange(columns.partitions(histories.sparkSession(), partitions),
            col(Columns.SERIES_ID))
        .mapPartitions(task, Encoders.row(SeriesTask.rawSchema(levels)));
    return columns.withTimes(raw, axis);
  }

  /**
   * Turns a result table of {@link #fit} or {@link #forecastAll} into a long-format forecast
   * table: one row per series and step with the columns {@code id}, {@code step} (from 1),
   * {@code time} (null when unknown), {@code forecast} and, per interval level,
   * {@code lower_<level>} and {@code upper_<level>}. {@code FAILED} series have no rows.
   *
   * @param results a result table
   * @return the forecast table
   */
  public static Dataset<Row> forecastTable(Dataset<Row> results) {
    Objects.requireNonNull(results, "results");
    List<String> bounds = new ArrayList<>();
    for (String name : results.columns()) {
      if (name.startsWith("lower_") || name.startsWith("upper_")) {
        bounds.add(name);
      }
    }
    List<Column> exploded = new ArrayList<>();
    exploded.add(col(SparkColumns.ID));
    exploded.add(posexplode(col(SparkColumns.FORECAST)).as(
        new String[] {"__position", SparkColumns.FORECAST}));
    exploded.add(col(SparkColumns.FORECAST_TIME));
    for (String bound : bounds) {
      exploded.add(col(bound));
    }
    List<Column> table = new ArrayList<>();
    table.add(col(SparkColumns.ID));
    table.add(expr("__position + 1").as(SparkColumns.STEP));
    table.add(expr("element_at(" + SparkColumns.FORECAST_TIME + ", __position + 1)")
        .as(SparkColumns.TIME));
    table.add(col(SparkColumns.FORECAST));
    for (String bound : bounds) {
      table.add(expr("element_at(" + bound + ", __position + 1)").as(bound));
    }
    return results.where(col(SparkColumns.FORECAST).isNotNull())
        .select(exploded.toArray(new Column[0]))
        .select(table.toArray(new Column[0]));
  }

  /**
   * Collects the settings of a {@link SparkForecaster}. Each setter checks its value at once;
   * repeated calls keep the last value.
   */
  public static final class Builder extends LongTableBuilder<Builder> {
    private final ForecasterConfig config;
    private double[] levels = new double[0];
    private String modelFolder;
    private SeriesTask.SeriesFit fit = SeriesTask.PLAIN_FIT;

    private Builder(ForecasterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      if (config.hasFeatures()) {
        throw new IllegalArgumentException("the Spark integration fits the value column alone; "
            + "remove the features " + config.featureNames() + config.featureIndices());
      }
    }

    /**
     * @param levels coverage levels of prediction intervals, each strictly between 0 and 1 (e.g.
     *     0.8, 0.95), none for point forecasts only; they need {@code validationFraction > 0}
     * @return this builder
     * @throws IllegalArgumentException if a level is not strictly between 0 and 1, two are
     *     equal, or there are levels but the configuration's {@code validationFraction} is 0
     */
    public Builder levels(double... levels) {
      Objects.requireNonNull(levels, "levels");
      for (double level : levels) {
        if (!(level > 0 && level < 1)) {
          throw new IllegalArgumentException("level must be > 0.0 and < 1.0, was " + level);
        }
      }
      if (Arrays.stream(levels).distinct().count() < levels.length) {
        throw new IllegalArgumentException("levels must differ, were " + Arrays.toString(levels));
      }
      if (levels.length > 0 && config.validationFraction() == 0) {
        throw new IllegalArgumentException("intervals are calibrated on the validation part; "
            + "levels need validationFraction > 0, was 0");
      }
      this.levels = levels.clone();
      return this;
    }

    /**
     * @param uri a folder on any Hadoop file system ({@code file:///models},
     *     {@code hdfs://nn/models}, {@code s3a://bucket/models}) to write one model file per series
     *     into, named after the id; the result's {@code model_path} column then holds the paths
     *     and {@code model} stays null. Null (the default) returns the models as bytes.
     * @return this builder
     * @throws IllegalArgumentException if the folder is blank
     */
    public Builder modelFolder(String uri) {
      if (uri != null && uri.isBlank()) {
        throw new IllegalArgumentException("modelFolder must not be blank, was '" + uri + "'");
      }
      this.modelFolder = uri;
      return this;
    }

    /** Replaces the fit, for tests that need a fit to throw. */
    Builder fit(SeriesTask.SeriesFit fit) {
      this.fit = Objects.requireNonNull(fit, "fit");
      return this;
    }

    /** @return the forecaster */
    public SparkForecaster build() {
      return new SparkForecaster(this);
    }
  }
}
