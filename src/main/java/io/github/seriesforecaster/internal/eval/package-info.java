/**
 * Metrics: RMSE and MAE through DL4J's RegressionEvaluation; MAPE, sMAPE and MASE computed here;
 * IntervalScores: coverage and the M4's MSIS of prediction intervals.
 * Imports ND4J's evaluation classes and the root package's ErrorMetrics and IntervalMetrics.
 */
package io.github.seriesforecaster.internal.eval;
