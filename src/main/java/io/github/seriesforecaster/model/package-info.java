/**
 * The network and a fitted model: LstmNetworkFactory (configuration to MultiLayerNetwork),
 * FittedModel (network, encoder, provenance, validation errors), LstmInference (plain-Java
 * forward pass for single predictions), ForecastErrors (validation errors for intervals), IntervalCalibration (errors to interval
 * half-widths: volatility scaling and the adaptive level), Backends (which ND4J backend
 * runs, CUDA checks) and NativeRuntime (threads). Imports DL4J/ND4J, data and the root package's
 * settings.
 */
package io.github.seriesforecaster.model;
