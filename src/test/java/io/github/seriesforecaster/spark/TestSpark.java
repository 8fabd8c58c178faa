package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.TestSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one Spark session of the test JVM, shared by every Spark test class: two task slots, a task
 * may be retried once ({@code local[2,2]}), no UI, four shuffle partitions and adaptive query
 * execution explicitly on (it is the default; the tests check that it does not merge the work).
 */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2,2]")
          .appName("series-forecaster-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.adaptive.enabled", "true")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }

  /** Schema of the long-format test tables: id string, time long index, value double. */
  static final StructType LONG_FORMAT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("time", DataTypes.LongType, true),
      DataTypes.createStructField("value", DataTypes.DoubleType, true)));

  /** @return {@code count} sine series of {@code length} values, shifted and scaled per series */
  static Map<String, double[]> series(int count, int length) {
    Map<String, double[]> series = new LinkedHashMap<>();
    double[] base = TestSeries.sine(length + count);
    for (int s = 0; s < count; s++) {
      double[] values = new double[length];
      for (int i = 0; i < length; i++) {
        values[i] = (s + 1) * base[i + s];
      }
      series.put("series-" + s, values);
    }
    return series;
  }

  /** @return the series as a long-format table with times 100, 101, ... in reverse row order */
  static Dataset<Row> longFormat(Map<String, double[]> series) {
    List<Row> rows = new ArrayList<>();
    series.forEach((id, values) -> {
      for (int i = values.length - 1; i >= 0; i--) {
        rows.add(RowFactory.create(id, 100L + i, values[i]));
      }
    });
    return session().createDataFrame(rows, LONG_FORMAT);
  }
}
