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

import io.github.seriesforecaster.ErrorMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One result row of a {@link SeriesTask}, filled in by column name, and the schema of such rows:
 * the result columns of {@link SparkColumns} with times as longs ({@link TimeAxis}).
 */
final class ResultRow {
  private final StructType schema;
  private final Object[] cells;
  SeriesStatus status = SeriesStatus.FAILED;

  /** @param schema the rows' schema, from {@link #schema(double[])} */
  ResultRow(StructType schema) {
    this.schema = schema;
    this.cells = new Object[schema.length()];
    set(VALUES, 0);
    set(MILLIS, 0L);
    set(PARTITION, -1);
  }

  /**
   * The schema of the task's rows: the result columns with times as longs ({@link TimeAxis}).
   *
   * @param levels the interval levels, each giving a lower and an upper column
   * @return the schema
   */
  static StructType schema(double[] levels) {
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

  private static ArrayType doubles() {
    return DataTypes.createArrayType(DataTypes.DoubleType, false);
  }

  void set(String column, Object value) {
    cells[schema.fieldIndex(column)] = value;
  }

  /** Sets an array column; Spark 3.5's row encoder takes arrays or Scala sequences, not lists. */
  void setArray(String column, double[] values) {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    set(column, boxed);
  }

  /** Sets a time array column, null when the times are unknown. */
  void setTimes(String column, long[] times) {
    Long[] boxed = null;
    if (times != null) {
      boxed = new Long[times.length];
      for (int i = 0; i < times.length; i++) {
        boxed[i] = times[i];
      }
    }
    set(column, boxed);
  }

  Object get(String column) {
    return cells[schema.fieldIndex(column)];
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
    set(ERROR_MESSAGE, TaskFailures.boundedMessage(e, SparkForecaster.MESSAGE_LIMIT));
  }

  Row row() {
    cells[schema.fieldIndex(STATUS)] = status.name();
    return RowFactory.create(cells);
  }
}
