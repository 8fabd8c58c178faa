/**
 * The public API: SeriesForecaster and its Builder, ForecasterConfig and its Builder (both
 * ConfigBuilders, whose settings and checks are written once there and in InputSettings and
 * NetworkSettings, the latter shared with the many-series builders), FitReport, ErrorMetrics,
 * Backtest and BacktestResult, Baselines and the Forecaster interface, ForecastIntervals,
 * TimedValue, the enums of settings and the exception hierarchy (ForecasterException).
 * Everything an application imports lives here; the sub-packages are the implementation. The
 * facade only validates arguments and delegates (FrameColumns selects a frame's columns; the
 * model package checks input against a fitted model). May import every sub-package except cli,
 * chart, many and spark. ForecasterConfig depends on nothing of the facade.
 */
package io.github.seriesforecaster;
