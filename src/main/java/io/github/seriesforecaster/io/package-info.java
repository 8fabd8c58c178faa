/**
 * The model file: ForecasterArchive (one zip with DL4J's configuration.json, coefficients.bin
 * and normalizer.bin plus our metadata.json and forecast-errors.json, written atomically),
 * ModelMetadata (format version first), LibraryVersion, and AtomicFile (temporary file, fsync,
 * atomic rename), which the chart package uses too. Wraps DL4J failures in ModelFormatException
 * naming the file. Imports model, data and the root package.
 */
package io.github.seriesforecaster.io;
