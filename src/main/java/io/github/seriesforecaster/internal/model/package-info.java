/**
 * The network and a fitted model: LstmNetworkFactory (configuration to MultiLayerNetwork),
 * FittedModel (network, encoder, provenance, validation errors), LstmInference (plain-Java
 * forward pass for single predictions), HoltWinters (additive exponential smoothing, fitted with
 * NelderMead) and LinearWindowNetwork (a fixed linear function of the window as a network),
 * ModelInputs (checks of inputs against a fitted model),
 * ForecastErrors (validation errors) and IntervalCalibration (the interval bounds read from them:
 * volatility scaling and the adaptive level). Imports DL4J/ND4J, data, runtime, intervals and the
 * root package's settings.
 */
package io.github.seriesforecaster.internal.model;
