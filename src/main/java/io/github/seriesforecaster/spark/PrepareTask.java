package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.MissingValues;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Prepares the training set of a global model in the executors: orders each series by time,
 * applies the missing-value policy and checks its length, emitting (id, values, problem) with
 * either the values or the reason the series is left out of training.
 */
final class PrepareTask implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("values",
          DataTypes.createArrayType(DataTypes.DoubleType, false), true),
      DataTypes.createStructField("problem", DataTypes.StringType, true)));

  private final MissingValues missingValues;
  private final int minimumLength;

  PrepareTask(MissingValues missingValues, int minimumLength) {
    this.missingValues = missingValues;
    this.minimumLength = minimumLength;
  }

  @Override
  public Row call(Row row) {
    String id = row.isNullAt(0) ? null : row.getString(0);
    if (id == null) {
      return RowFactory.create(null, null, "rows without a series id (null in the id column)");
    }
    try {
      double[] values = SeriesPoints.of(id, row.getList(1), missingValues).values();
      if (values.length < minimumLength) {
        return RowFactory.create(id, null, "series '" + id + "' has " + values.length
            + " values but training needs " + minimumLength + " (window, horizon and validation)");
      }
      Double[] boxed = new Double[values.length];
      for (int i = 0; i < values.length; i++) {
        boxed[i] = values[i];
      }
      return RowFactory.create(id, boxed, null);
    } catch (IllegalArgumentException e) {
      return RowFactory.create(id, null, e.getMessage());
    }
  }
}
