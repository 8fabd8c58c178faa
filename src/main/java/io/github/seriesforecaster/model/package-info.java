/**
 * The network and a fitted model: LstmNetworkFactory (configuration to MultiLayerNetwork),
 * FittedModel (network, encoder, provenance, validation errors), LstmInference (plain-Java
 * forward pass for single predictions), ModelInputs (checks of inputs against a fitted model) and
 * ForecastErrors (validation errors and the interval bounds read from them). Imports DL4J/ND4J,
 * data, runtime and the root package's settings.
 */
package io.github.seriesforecaster.model;
