/**
 * Metrics: RMSE and MAE through DL4J's RegressionEvaluation; MAPE, sMAPE and MASE computed here.
 * Imports ND4J's evaluation classes and the root package's ErrorMetrics.
 */
package io.github.seriesforecaster.eval;
