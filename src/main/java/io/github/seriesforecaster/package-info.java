/**
 * The public API: SeriesForecaster and its Builder, ForecasterConfig, FitReport, ErrorMetrics,
 * Backtest and BacktestResult, Baselines and the Forecaster interface, ForecastIntervals,
 * TimedValue, the enums of settings and the exception hierarchy (ForecasterException).
 * Everything an application imports lives here; the sub-packages are the implementation. May
 * import every sub-package except cli and chart.
 */
package io.github.seriesforecaster;
