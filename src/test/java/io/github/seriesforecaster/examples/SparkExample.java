package io.github.seriesforecaster.examples;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.spark.SparkForecaster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's Spark example: the three stock indices of {@code data/eu_stock_markets.csv} as a
 * long-format table (index, day, close), one LSTM per index fitted in a local Spark session, 5-day
 * forecasts with 80% intervals. Run it as the README says (Java 17 needs Spark's module flags).
 */
public final class SparkExample {
  private SparkExample() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-example")
        .config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> wide = spark.read().option("header", "true").option("inferSchema", "true")
        .csv("data/eu_stock_markets.csv");
    Dataset<Row> prices = wide.selectExpr("day",
        "stack(3, 'DAX', DAX, 'SMI', SMI, 'CAC', CAC) as (index, close)");

    ForecasterConfig config = SeriesForecaster.builder().window(10).hidden(8).epochs(20).config();
    SparkForecaster forecaster = SparkForecaster.builder(config)
        .idColumn("index").timeColumn("day").valueColumn("close")
        .steps(5).levels(0.8)
        .build();
    Dataset<Row> results = forecaster.fit(prices).cache(); // lazy: cache before using it twice

    results.select("id", "status", "transform", "model_rmse", "naive_rmse", "millis", "partition")
        .show(false);
    SparkForecaster.forecastTable(results).orderBy("id", "step").show(15, false);
    spark.stop();
  }
}
