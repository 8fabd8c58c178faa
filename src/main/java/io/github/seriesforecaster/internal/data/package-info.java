/**
 * Turning CSV columns or arrays into what the network sees: CsvSeriesReader (DataVec's
 * CSVRecordReader), SeriesData, the target transforms (TransformCodec), the Scaler fitted on
 * training data only, one per input column (DL4J's NormalizerMinMaxScaler), WindowEncoder and
 * Windows (sliding windows to a DL4J DataSet), TimeStep for timestamps. Imports ND4J/DataVec and
 * the root package's settings, nothing from model, train, eval or io.
 */
package io.github.seriesforecaster.internal.data;
