/**
 * Forecasting many series on Apache Spark: {@link io.github.seriesforecaster.spark.SparkForecaster}
 * fits one {@link io.github.seriesforecaster.SeriesForecaster} per series inside the executors,
 * returns one result row per series (status, metrics, forecasts, the model) and scores stored
 * models again later. Spark is an optional, provided dependency: only this package imports
 * {@code org.apache.spark} (and Hadoop's {@code FileSystem}, which Spark brings); it uses the
 * public API of the root package and the {@code data} package's time steps, nothing else of the
 * library.
 */
package io.github.seriesforecaster.spark;
