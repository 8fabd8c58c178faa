package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How both CSV readers read a file: its delimiter, and the missing-value policy that decides what
 * an empty or NA value cell becomes.
 *
 * @param delimiter the field separator
 * @param missingValues what to do with missing cells
 */
record CsvFormat(char delimiter, MissingValues missingValues) {
  CsvFormat {
    Objects.requireNonNull(missingValues, "missingValues");
  }

  /** Opens a file, see {@link CsvRecords#open}. */
  CsvRecords open(Path file) throws IOException {
    return CsvRecords.open(file, delimiter);
  }

  /** Opens a file that must not hold binary content, see {@link CsvRecords#openText}. */
  CsvRecords openText(Path file) throws IOException {
    return CsvRecords.openText(file, delimiter);
  }

  /**
   * Parses a value cell; a failure names the file, the line, the series (when given) and the
   * column.
   *
   * @param cell the cell's text
   * @param file the file's name
   * @param line the 1-based line
   * @param series the series id, or {@code null} for a file of one series
   * @param column the column's name
   * @return the value, or NaN for a missing cell (which {@code FAIL} rejects here)
   * @throws SeriesFormatException if the cell is not a finite number, or missing under FAIL
   */
  double parse(String cell, String file, int line, String series, String column) {
    if (NumberCells.isMissing(cell)) {
      if (missingValues == MissingValues.FAIL) {
        throw new SeriesFormatException(where(file, line, series, column)
            + " is empty or NA, and missing values are set to FAIL");
      }
      return Double.NaN;
    }
    try {
      return NumberCells.parse(cell);
    } catch (NumberFormatException e) {
      throw new SeriesFormatException(where(file, line, series, column) + " is '"
          + CsvRecords.abbreviate(cell) + "', " + e.getMessage());
    }
  }

  /** @return {@code sales.csv line 17: series 'store-4' column 'sales'}, or without the series */
  static String where(String file, int line, String series, String column) {
    return series == null
        ? String.format(Locale.ROOT, "%s line %d: column '%s'", file, line, column)
        : String.format(Locale.ROOT, "%s line %d: series '%s' column '%s'", file, line, series,
            column);
  }

  /** @return how {@code log.warn} names what was done with the missing cells */
  String repair() {
    return missingValues == MissingValues.DROP ? "dropped" : "interpolated";
  }
}
