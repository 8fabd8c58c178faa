package io.github.seriesforecaster.spark;

import static org.apache.spark.sql.functions.col;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.many.GlobalFitReport;
import io.github.seriesforecaster.many.GlobalForecaster;
import io.github.seriesforecaster.many.SeriesSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GlobalForecaster} (one network over all series) with a long-format Spark table: the
 * series are prepared in the executors, the network is trained in the driver's JVM, and every
 * series is forecast in the executors from the broadcast model.
 *
 * <pre>{@code
 * GlobalForecaster global = GlobalForecaster.builder().season(24).horizon(48).build();
 * SparkGlobalForecaster spark = SparkGlobalForecaster.builder().steps(48).build();
 * SparkGlobalForecaster.Training training = spark.fit(global, readings);  // trains `global`
 * Dataset<Row> results = spark.forecastAll(global, readings);             // one row per series
 * }</pre>
 *
 * <p>What runs where: grouping the rows into series, ordering them by time, the missing-value
 * policy and the length check run on Spark; the series are then collected to the driver, which
 * cuts the training windows and trains the network (with the global configuration's
 * {@code threads}), so the driver needs the memory for every series' values and the cores for the
 * training. There is no distributed training and no parameter averaging: the result is exactly
 * the network {@code global.fit(SeriesSet)} trains on one machine. Forecasting scales out: the
 * model file is broadcast once and each task loads it once.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class SparkGlobalForecaster {
  private static final Logger log = LoggerFactory.getLogger(SparkGlobalForecaster.class);

  private final Columns columns;
  private final int steps;
  private final int partitions;
  private final MissingValues missingValues;

  /**
   * The outcome of preparing and training.
   *
   * @param report the global fit's report
   * @param trained the number of series trained on
   * @param leftOut id → reason for each series left out of training (too short, a repeated time,
   *     no values), in id order
   */
  public record Training(GlobalFitReport report, int trained, Map<String, String> leftOut) {
    /**
     * Copies the map.
     *
     * @param report the global fit's report
     * @param trained the number of series trained on
     * @param leftOut id → reason for each series left out of training
     */
    public Training {
      Objects.requireNonNull(report, "report");
      leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }
  }

  private SparkGlobalForecaster(Builder builder) {
    this.columns = builder.columns();
    this.steps = builder.steps();
    this.partitions = builder.partitions();
    this.missingValues = builder.missingValues;
  }

  /** @return a builder with the default columns {@code id}, {@code time}, {@code value} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Prepares the series on Spark and trains {@code global} on them in this JVM.
   *
   * @param global the forecaster to train; it is fitted in place, as by
   *     {@link GlobalForecaster#fit(SeriesSet)}
   * @param series a long-format table, as for {@link SparkForecaster#fit}
   * @return the fit report, the number of series trained on and those left out
   * @throws IllegalArgumentException if a column is missing or unusable, or no series is long
   *     enough to train on
   */
  public Training fit(GlobalForecaster global, Dataset<Row> series) {
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(series, "series");
    TimeAxis axis = columns.check(series);
    List<Row> prepared = columns.points(series, axis)
        .repartitionByRange(columns.partitions(series.sparkSession(), partitions),
            col(Columns.SERIES_ID))
        .map(new PrepareTask(missingValues, global.minimumSeriesLength()),
            Encoders.row(PrepareTask.SCHEMA))
        .collectAsList();
    Map<String, double[]> values = new TreeMap<>();
    Map<String, String> leftOut = new TreeMap<>();
    for (Row row : prepared) {
      if (row.isNullAt(2)) {
        values.put(row.getString(0), row.<Double>getList(1).stream()
            .mapToDouble(Double::doubleValue).toArray());
      } else {
        leftOut.put(String.valueOf(row.getString(0)), row.getString(2));
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no series can be trained on: " + leftOut.size()
          + " series left out, e.g. " + leftOut.values().stream().findFirst().orElse("none"));
    }
    if (!leftOut.isEmpty()) {
      log.warn("{} of {} series left out of training, e.g. {}", leftOut.size(),
          leftOut.size() + values.size(), leftOut.values().iterator().next());
    }
    log.info("training the global model on {} series in the driver", values.size());
    GlobalFitReport report = global.fit(SeriesSet.of(values));
    return new Training(report, values.size(), leftOut);
  }

  /**
   * Forecasts every series of the table with the fitted global model, in the executors.
   *
   * @param global a fitted (or loaded) global forecaster
   * @param histories a long-format table, as for {@link SparkForecaster#fit}; its series need not
   *     be the ones trained on
   * @return one row per series with the result columns of {@link SparkForecaster#fit} ({@code
   *     method} {@code global}; the fit-only columns null); a series shorter than the model's
   *     window is a {@code FALLBACK} row (seasonal naive or naive)
   * @throws IllegalStateException if {@code global} is not fitted
   * @throws IllegalArgumentException if a column is missing or unusable
   */
  public Dataset<Row> forecastAll(GlobalForecaster global, Dataset<Row> histories) {
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(histories, "histories");
    TimeAxis axis = columns.check(histories);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      global.save(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialise the global model", e);
    }
    BroadcastModel model = new BroadcastModel(JavaSparkContext.fromSparkContext(
        histories.sparkSession().sparkContext()).broadcast(bytes.toByteArray()));
    log.info("forecasting with the global model ({} bytes, broadcast)", bytes.size());
    SeriesTask task = new SeriesTask(model, global.config().season(), missingValues, steps, axis);
    Dataset<Row> raw = columns.points(histories, axis)
        .repartitionByRange(columns.partitions(histories.sparkSession(), partitions),
            col(Columns.SERIES_ID))
        .mapPartitions(task, Encoders.row(SeriesTask.rawSchema(new double[0])));
    return columns.withTimes(raw, axis);
  }

  /**
   * Collects the settings of a {@link SparkGlobalForecaster}: {@code steps} is what
   * {@code forecastAll} forecasts per series. Each setter checks its value at once; repeated calls
   * keep the last value.
   */
  public static final class Builder extends LongTableBuilder<Builder> {
    private MissingValues missingValues = MissingValues.DROP;

    private Builder() {}

    /** @return the forecaster */
    public SparkGlobalForecaster build() {
      return new SparkGlobalForecaster(this);
    }

    /**
     * @param policy what to do with null or NaN values (default {@code DROP})
     * @return this builder
     */
    public Builder missingValues(MissingValues policy) {
      this.missingValues = Objects.requireNonNull(policy, "missingValues");
      return this;
    }
  }
}
