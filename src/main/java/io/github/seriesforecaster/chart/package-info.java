/**
 * PNG charts of a series and its forecasts: {@link io.github.seriesforecaster.chart.ChartData}
 * (what to draw, built from a fitted forecaster or given directly, with an optional interval as a
 * {@link io.github.seriesforecaster.chart.ForecastBand}) and
 * {@link io.github.seriesforecaster.chart.ForecastChart} (draws it with JFreeChart).
 *
 * <p>Imports the root package's public API, JFreeChart and AWT; nothing in the core imports this
 * package. JFreeChart is an optional dependency: applications that use this package declare
 * {@code org.jfree:jfreechart} themselves.
 */
package io.github.seriesforecaster.chart;
