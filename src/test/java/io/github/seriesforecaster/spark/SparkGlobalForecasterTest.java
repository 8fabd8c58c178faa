package io.github.seriesforecaster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.many.GlobalForecaster;
import io.github.seriesforecaster.many.SeriesSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkGlobalForecasterTest {

  private static GlobalForecaster.Builder tinyGlobal() {
    return GlobalForecaster.builder().season(4).horizon(4).window(8).hidden(4).epochs(2)
        .windowsPerSeries(8).seed(3);
  }

  @Test
  void fitAndForecastAll_sameAsOneMachine() {
    Map<String, double[]> series = new TreeMap<>(TestSpark.series(5, 60));
    Map<String, double[]> withShort = new TreeMap<>(series);
    withShort.put("short", new double[] {4, 5, 6, 7, 8});
    SparkGlobalForecaster spark = SparkGlobalForecaster.builder().steps(6).partitions(2).build();
    GlobalForecaster global = tinyGlobal().build();

    SparkGlobalForecaster.Training training = spark.fit(global, TestSpark.longFormat(withShort));
    List<Row> rows = spark.forecastAll(global, TestSpark.longFormat(withShort)).collectAsList();

    assertThat(training.trained()).isEqualTo(5);
    assertThat(training.leftOut()).containsOnlyKeys("short");
    assertThat(training.leftOut().get("short")).startsWith("series 'short' has 5 values but "
        + "training needs ");
    // trained in the driver exactly as on one machine, and forecast in the executors the same
    GlobalForecaster local = tinyGlobal().build();
    local.fit(SeriesSet.of(series));
    Map<String, Row> byId = rows.stream().collect(Collectors.toMap(row -> row.getAs("id"), row -> row));
    assertThat(byId).containsOnlyKeys(withShort.keySet());
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      Row row = byId.get(entry.getKey());
      assertThat(row.<String>getAs("status")).isEqualTo("OK");
      assertThat(row.<String>getAs("method")).isEqualTo("global");
      assertThat(SparkForecasterTest.doubles(row, "forecast"))
          .containsExactly(local.forecast(entry.getValue(), 6));
    }
    Row tooShort = byId.get("short");
    assertThat(tooShort.<String>getAs("status")).isEqualTo("FALLBACK");
    assertThat(tooShort.<String>getAs("method")).isEqualTo("seasonal naive (4)");
    assertThat(SparkForecasterTest.doubles(tooShort, "forecast"))
        .containsExactly(5, 6, 7, 8, 5, 6);
    assertThat(rows.stream().map(row -> row.<Integer>getAs("partition")).distinct())
        .containsExactlyInAnyOrder(0, 1);
  }
}
