/**
 * Internals of {@link io.github.seriesforecaster.many.GlobalForecaster}, the one-network model of
 * a whole set of series: WindowScaler (per-window level normalisation and the network's input
 * layout), GlobalNetworks (the network, described for the shared LstmNetworkFactory), GlobalTraining (windows sampled from every
 * series, early stopping on each series' last values, the validation report), GlobalModel (the
 * fitted networks and batched forecasts) and GlobalArchive (the zip file, with GlobalMetadata for
 * its metadata.json and GlobalEntryLimits for its entry sizes). Imports DL4J/ND4J, like
 * model, train and io, whose classes it reuses (FastLstm, LstmInference, AtomicFile, Metrics);
 * not part of the public API.
 */
package io.github.seriesforecaster.internal.global;
