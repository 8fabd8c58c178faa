package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import io.github.seriesforecaster.internal.data.SeriesData;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The columns of a CSV file a configuration selects, read with its delimiter and missing-value
 * policy: what {@link SeriesForecaster}'s {@code fit}, {@code readSeries}, {@code readFrame} and
 * timestamped {@code forecast} read.
 */
final class CsvColumns {
  private CsvColumns() {}

  /** @return the target column's values in file order */
  static double[] target(ForecasterConfig config, Path csv) throws IOException {
    return reader(config).read(csv, config.columnName(), config.columnIndex()).values();
  }

  /** @return the target and feature columns, and the date column if {@code dateColumn} is set */
  static SeriesData data(ForecasterConfig config, Path csv, String dateColumn) throws IOException {
    return reader(config).read(csv, config.columnName(), config.columnIndex(), dateColumn,
        config.featureNames(), config.featureIndices());
  }

  /**
   * @return the configured date column
   * @throws IllegalStateException if none is configured
   */
  static String dateColumn(ForecasterConfig config) {
    if (config.dateColumn() == null) {
      throw new IllegalStateException(
          "forecaster has no dateColumn; set dateColumn(...) in the builder to read timestamps");
    }
    return config.dateColumn();
  }

  private static CsvSeriesReader reader(ForecasterConfig config) {
    return new CsvSeriesReader(config.delimiter(), config.missingValues());
  }
}
