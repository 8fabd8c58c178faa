/**
 * The model file: ForecasterArchive (one zip with DL4J's configuration.json, coefficients.bin
 * and normalizer.bin plus our metadata.json and forecast-errors.json, written atomically),
 * ModelMetadata (format version first; MetadataFields reads its typed fields), LibraryVersion,
 * ModelFiles (opening a model file of either kind), and AtomicFile (temporary file, fsync,
 * atomic rename), which the chart package uses too. Reading treats the file as untrusted:
 * ArchiveEntries (bounded one-pass zip reading), JsonLimits (depth and number length before
 * parsing), ConfigurationClasses (only the network's own classes may be named), NdArrayFormat
 * (array sizes checked before ND4J allocates) and NetworkEntries (network and scaler rebuilt from
 * the entry bytes, NetworkEntryLimits bounding their sizes). Wraps DL4J failures in ModelFormatException naming the file. Imports model,
 * data and the root package.
 */
package io.github.seriesforecaster.internal.io;
