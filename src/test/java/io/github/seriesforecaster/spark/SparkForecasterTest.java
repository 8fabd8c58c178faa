package io.github.seriesforecaster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.Baselines;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkForecasterTest {
  private static final ForecasterConfig CONFIG = TestSeries.tinyBuilder().config();

  @Test
  void fit_bitIdenticalToLocalFits() throws Exception {
    Map<String, double[]> series = TestSpark.series(4, 40);
    SparkForecaster spark = SparkForecaster.builder(CONFIG).steps(5).levels(0.8).partitions(2)
        .build();

    Map<String, Row> results = byId(spark.fit(TestSpark.longFormat(series)).collectAsList());

    assertThat(results).containsOnlyKeys(series.keySet());
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      Row row = results.get(entry.getKey());
      SeriesForecaster local = SeriesForecaster.builder(CONFIG).threads(1).parallelism(1).build();
      FitReport report = local.fit(entry.getValue());
      ForecastIntervals expected = local.forecastWithIntervals(entry.getValue(), 5, 0.8);
      assertThat(row.<String>getAs("status")).isEqualTo("OK");
      assertThat(row.<Integer>getAs("values")).isEqualTo(40);
      assertThat(row.<String>getAs("values_sha256")).isEqualTo(sha256(entry.getValue()));
      assertThat(row.<String>getAs("transform")).isEqualTo(report.transform().name());
      assertThat(row.<Double>getAs("model_rmse")).isEqualTo(report.model().rmse());
      assertThat(row.<Double>getAs("naive_mae")).isEqualTo(report.naive().mae());
      assertThat(row.<Integer>getAs("validation_points")).isEqualTo(report.validationWindows());
      assertThat(doubles(row, "forecast")).containsExactly(expected.point());
      assertThat(doubles(row, "lower_80")).containsExactly(expected.lower(0.8));
      assertThat(doubles(row, "upper_80")).containsExactly(expected.upper(0.8));
      assertThat(row.getList(row.fieldIndex("forecast_time")))
          .containsExactly(140L, 141L, 142L, 143L, 144L);
      assertThat(row.<Long>getAs("last_time")).isEqualTo(139L);
      // the model bytes are a model file that loads and forecasts the same values
      SeriesForecaster loaded = load(row.getAs("model"));
      assertThat(loaded.forecast(entry.getValue(), 5)).containsExactly(local.forecast(entry.getValue(), 5));
    }
  }

  @Test
  void fit_spreadsSeriesOverPartitionsWithAdaptiveExecution() {
    assertThat(TestSpark.session().conf().get("spark.sql.adaptive.enabled")).isEqualTo("true");
    Map<String, double[]> series = TestSpark.series(6, 30);
    SparkForecaster spark = SparkForecaster.builder(CONFIG).partitions(3).build();

    List<Row> results = spark.fit(TestSpark.longFormat(series)).collectAsList();

    Map<Integer, Long> perPartition = results.stream()
        .collect(Collectors.groupingBy(row -> row.<Integer>getAs("partition"),
            Collectors.counting()));
    // range partitioning by id: 6 series in 3 partitions, 2 each (hash placement was uneven)
    assertThat(perPartition).containsOnlyKeys(0, 1, 2).allSatisfy((p, n) -> assertThat(n).isEqualTo(2));
  }

  @Test
  void fit_badSeriesBecomeRowsAndOthersAreFitted() {
    Map<String, double[]> series = new LinkedHashMap<>(TestSpark.series(2, 30));
    series.put("short", new double[] {5, 6, 7});
    List<Row> rows = new ArrayList<>(TestSpark.longFormat(series).collectAsList());
    rows.add(RowFactory.create("twice", 1L, 1.0));
    rows.add(RowFactory.create("twice", 1L, 2.0));
    rows.add(RowFactory.create("gaps", 1L, null));
    rows.add(RowFactory.create("gaps", 2L, Double.NaN));
    rows.add(RowFactory.create(null, 1L, 3.0));
    Dataset<Row> input = TestSpark.session().createDataFrame(rows, TestSpark.LONG_FORMAT);
    SparkForecaster spark = SparkForecaster.builder(CONFIG).steps(2).partitions(2).build();

    Map<String, Row> results = byId(spark.fit(input).collectAsList());

    assertThat(results.get("series-0").<String>getAs("status")).isEqualTo("OK");
    assertThat(results.get("series-1").<String>getAs("status")).isEqualTo("OK");
    Row tooShort = results.get("short");
    assertThat(tooShort.<String>getAs("status")).isEqualTo("FALLBACK");
    assertThat(tooShort.<String>getAs("method")).isEqualTo("naive");
    assertThat(tooShort.<String>getAs("error_class"))
        .isEqualTo("io.github.seriesforecaster.SeriesFormatException");
    assertThat(doubles(tooShort, "forecast")).containsExactly(Baselines.naive().forecast(series.get("short"), 2));
    assertThat(tooShort.<Object>getAs("model")).isNull();
    Row twice = results.get("twice");
    assertThat(twice.<String>getAs("status")).isEqualTo("FAILED");
    assertThat(twice.<String>getAs("error_class")).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(twice.<String>getAs("error_message"))
        .isEqualTo("series 'twice' has more than one row at time 1; keep one row per series and time");
    assertThat(twice.<Object>getAs("forecast")).isNull();
    assertThat(results.get("gaps").<String>getAs("error_message"))
        .isEqualTo("series 'gaps' has no values (2 rows, 2 missing)");
    assertThat(results.get(null).<String>getAs("error_message"))
        .isEqualTo("rows without a series id (null in the id column)");
  }

  @Test
  void fit_errorFailsTheJobInsteadOfBecomingRows() {
    SparkForecaster spark = SparkForecaster.builder(CONFIG).partitions(2)
        .fit((forecaster, values) -> {
          throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        })
        .build();
    Dataset<Row> results = spark.fit(TestSpark.longFormat(TestSpark.series(2, 30)));

    assertThatThrownBy(results::collectAsList)
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("java.lang.UnsatisfiedLinkError: no jnind4jcpu in java.library.path");
  }

  @Test
  void fit_retriedTaskLeavesOneRowAndOneModelFilePerSeries(@TempDir Path folder) throws IOException {
    Map<String, double[]> series = TestSpark.series(4, 30);
    Path models = folder.resolve("models");
    Path marker = folder.resolve("first-attempt-failed");
    SparkForecaster spark = SparkForecaster.builder(CONFIG).partitions(2)
        .modelFolder(models.toUri().toString()).build();

    Dataset<Row> fitted = spark.fit(TestSpark.longFormat(series));
    Dataset<Row> results = fitted.map(new FailFirstAttempt(marker.toString()),
        Encoders.row(fitted.schema()));

    Map<String, Row> rows = byId(results.collectAsList());

    assertThat(marker).as("the first attempt of partition 0 ran and failed").exists();
    assertThat(rows).containsOnlyKeys(series.keySet());
    try (Stream<Path> files = Files.list(models)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("one model file per series, no temporary files left")
          .hasSize(4).allMatch(name -> name.startsWith("series-") && name.endsWith(".zip"));
    }
    for (Row row : rows.values()) {
      assertThat(row.<String>getAs("status")).isEqualTo("OK");
      assertThat(row.<Object>getAs("model")).isNull();
      Path file = Path.of(java.net.URI.create(row.getAs("model_path")));
      assertThat(load(Files.readAllBytes(file)).isFitted()).isTrue();
    }
  }

  @Test
  void forecastAll_fromStoredModelBytesAndPaths(@TempDir Path folder) {
    Map<String, double[]> series = TestSpark.series(3, 30);
    Dataset<Row> input = TestSpark.longFormat(series);
    SparkForecaster bytes = SparkForecaster.builder(CONFIG).steps(4).partitions(2).build();
    SparkForecaster paths = SparkForecaster.builder(CONFIG).steps(4).partitions(2)
        .modelFolder(folder.toUri().toString()).build();
    Map<String, Row> fitted = byId(bytes.fit(input).collectAsList());
    List<Row> stored = paths.fit(input).select("id", "model_path").collectAsList();
    Dataset<Row> withUnknown = TestSpark.session().createDataFrame(
        Stream.concat(stored.stream(), Stream.of(RowFactory.create("no-history", "x.zip"))).toList(),
        DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("model_path", DataTypes.StringType, true))));
    Dataset<Row> noModel = input.where("id != 'series-2'");

    Map<String, Row> fromBytes = byId(bytes.forecastAll(input, bytes.fit(input), 4).collectAsList());
    Map<String, Row> fromPaths = byId(paths.forecastAll(noModel, withUnknown, 4).collectAsList());

    for (String id : List.of("series-0", "series-1")) {
      double[] expected = doubles(fitted.get(id), "forecast");
      assertThat(doubles(fromBytes.get(id), "forecast")).containsExactly(expected);
      assertThat(doubles(fromPaths.get(id), "forecast")).containsExactly(expected);
      assertThat(fromPaths.get(id).<String>getAs("status")).isEqualTo("OK");
    }
    assertThat(fromPaths.get("series-2").<String>getAs("error_message"))
        .isEqualTo("no history for series 'series-2' (a model without rows)");
    assertThat(fromPaths.get("no-history").<String>getAs("status")).isEqualTo("FAILED");
  }

  @Test
  void forecastTable_oneRowPerSeriesAndStepWithTimes() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("store", DataTypes.StringType, false),
        DataTypes.createStructField("hour", DataTypes.TimestampType, false),
        DataTypes.createStructField("sales", DataTypes.DoubleType, false)));
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
    List<Row> rows = new ArrayList<>();
    double[] values = TestSeries.sine(30);
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create("a", Timestamp.valueOf(start.plusHours(i)), values[i]));
    }
    rows.add(RowFactory.create("b", Timestamp.valueOf(start), 1.0));
    rows.add(RowFactory.create("b", Timestamp.valueOf(start.plusHours(1)), 2.0));
    SparkForecaster spark = SparkForecaster.builder(CONFIG).idColumn("store").timeColumn("hour")
        .valueColumn("sales").steps(3).levels(0.5, 0.975).partitions(2).build();

    Dataset<Row> results = spark.fit(TestSpark.session().createDataFrame(rows, schema)).cache();
    List<Row> table = SparkForecaster.forecastTable(results).orderBy("id", "step").collectAsList();

    assertThat(table.get(0).schema().fieldNames()).containsExactly(
        "id", "step", "time", "forecast", "lower_50", "upper_50", "lower_97_5", "upper_97_5");
    assertThat(table).hasSize(6);
    Row a = byId(results.collectAsList()).get("a");
    for (int step = 1; step <= 3; step++) {
      Row row = table.get(step - 1);
      assertThat(row.<String>getAs("id")).isEqualTo("a");
      assertThat(row.<Integer>getAs("step")).isEqualTo(step);
      assertThat(row.<Timestamp>getAs("time").toLocalDateTime()).isEqualTo(start.plusHours(29 + step));
      assertThat(row.<Double>getAs("forecast")).isEqualTo(doubles(a, "forecast")[step - 1]);
      assertThat(row.<Double>getAs("upper_97_5")).isEqualTo(doubles(a, "upper_97_5")[step - 1]);
    }
    // the fallback series has point forecasts and times, but no intervals
    assertThat(table.get(3).<String>getAs("id")).isEqualTo("b");
    assertThat(table.get(3).<Double>getAs("forecast")).isEqualTo(2.0);
    assertThat(table.get(3).<Timestamp>getAs("time").toLocalDateTime()).isEqualTo(start.plusHours(2));
    assertThat(table.get(3).<Object>getAs("lower_50")).isNull();
    results.unpersist();
  }

  @Test
  void fit_missingColumn() {
    SparkForecaster spark = SparkForecaster.builder(CONFIG).valueColumn("sales").build();

    assertThatThrownBy(() -> spark.fit(TestSpark.longFormat(TestSpark.series(1, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input has no column 'sales'; its columns are [id, time, value] (set "
            + "idColumn, timeColumn and valueColumn in the builder)");
  }

  @Test
  void levels_withoutValidationPart() {
    SparkForecaster.Builder builder =
        SparkForecaster.builder(CONFIG.toBuilder().validationFraction(0).config());

    assertThatThrownBy(() -> builder.levels(0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intervals are calibrated on the validation part; levels need "
            + "validationFraction > 0, was 0");
  }

  @Test
  void steps_zero() {
    assertThatThrownBy(() -> SparkForecaster.builder(CONFIG).steps(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 1, was 0");
  }

  /** Passes rows through, except that the first attempt of partition 0 fails after one row. */
  private static final class FailFirstAttempt implements MapFunction<Row, Row> {
    private final String marker;

    FailFirstAttempt(String marker) {
      this.marker = marker;
    }

    @Override
    public Row call(Row row) {
      TaskContext task = TaskContext.get();
      if (task.partitionId() == 0 && task.attemptNumber() == 0) {
        try {
          Files.writeString(Path.of(marker), "attempt " + task.taskAttemptId());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the first attempt fails on purpose");
      }
      return row;
    }
  }

  private static Map<String, Row> byId(List<Row> rows) {
    Map<String, Row> byId = new LinkedHashMap<>();
    for (Row row : rows) {
      assertThat(byId.put(row.getAs("id"), row)).as("one row per series").isNull();
    }
    return byId;
  }

  static double[] doubles(Row row, String column) {
    return row.<Double>getList(row.fieldIndex(column)).stream().mapToDouble(Double::doubleValue)
        .toArray();
  }

  static SeriesForecaster load(byte[] bytes) throws IOException {
    return SeriesForecaster.load(new java.io.ByteArrayInputStream(bytes));
  }

  static String sha256(double[] values) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 8);
    for (double value : values) {
      buffer.putDouble(value);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.array()));
  }
}
