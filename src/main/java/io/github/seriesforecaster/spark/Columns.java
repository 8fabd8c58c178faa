package io.github.seriesforecaster.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * The long-format input's column names, and the steps every job shares: checking the columns,
 * grouping the rows into one row per series, and turning the tasks' long times back into the
 * input's time type.
 */
record Columns(String id, String time, String value) {
  /** The series id in the grouped table. */
  static final String SERIES_ID = "__series_id";
  /** The (time, value) list in the grouped table. */
  static final String POINTS = "__points";

  /**
   * @param data a long-format table
   * @return the kind of its time column
   * @throws IllegalArgumentException if a column is missing or of an unusable type
   */
  TimeAxis check(Dataset<Row> data) {
    StructType schema = data.schema();
    List<String> names = Arrays.asList(schema.fieldNames());
    for (String name : List.of(id, time, value)) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "input has no column '%s'; its columns are %s (set idColumn, timeColumn and "
                + "valueColumn in the builder)", name, names));
      }
    }
    DataType valueType = schema.apply(value).dataType();
    if (!(valueType instanceof NumericType)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "value column '%s' has type %s, expected a number type", value,
          valueType.simpleString()));
    }
    return TimeAxis.of(schema.apply(time).dataType(), time);
  }

  /** @return one row per series: its id as a string and a list of (time as long, value) */
  Dataset<Row> points(Dataset<Row> data, TimeAxis axis) {
    return data.select(
            data.col(id).cast(DataTypes.StringType).as(SERIES_ID),
            expr(axis.toLongSql(time)).as("t"),
            data.col(value).cast(DataTypes.DoubleType).as("v"))
        .groupBy(SERIES_ID)
        .agg(collect_list(struct(col("t"), col("v"))).as(POINTS));
  }

  /** @return the tasks' rows with {@code last_time} and {@code forecast_time} in the input's type */
  Dataset<Row> withTimes(Dataset<Row> raw, TimeAxis axis) {
    List<Column> columns = new ArrayList<>();
    for (String name : raw.columns()) {
      if (name.equals(SparkColumns.LAST_TIME)) {
        columns.add(expr(axis.fromLongSql(name)).as(name));
      } else if (name.equals(SparkColumns.FORECAST_TIME)) {
        columns.add(expr("transform(" + name + ", x -> " + axis.fromLongSql("x") + ")").as(name));
      } else {
        columns.add(col(name));
      }
    }
    return raw.select(columns.toArray(new Column[0]));
  }

  /** @return {@code partitions}, or the default for 0 */
  int partitions(SparkSession session, int partitions) {
    return partitions > 0 ? partitions : SparkForecaster.DEFAULT_PARTITIONS_PER_SLOT
        * Math.max(1, session.sparkContext().defaultParallelism());
  }

  static String name(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, was '" + name + "'");
    }
    return name;
  }
}
