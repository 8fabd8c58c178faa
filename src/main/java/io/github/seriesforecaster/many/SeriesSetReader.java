package io.github.seriesforecaster.many;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.internal.data.SeriesSetCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a {@link SeriesSet} from a CSV file with a header row, in long or wide format.
 *
 * <pre>{@code
 * // long: one row per series and time step
 * SeriesSet sales = SeriesSetReader.builder()
 *     .idColumn("store").timeColumn("date").valueColumn("sales").build()
 *     .readLong(Path.of("sales.csv"));
 * // wide (the M4 competition's files): id, then the values, padded with empty cells
 * SeriesSet hourly = SeriesSetReader.builder().build().readWide(Path.of("Hourly-train.csv"));
 * }</pre>
 *
 * <p>Cells follow the single-series reader's rules: quoted fields, CRLF, a byte-order mark and
 * blank lines are fine; empty, {@code NA}, {@code N/A}, {@code NaN} and {@code null} cells are
 * missing values (dropped by default, see {@link MissingValues}, applied within each series);
 * anything else that is not a number fails with a {@link SeriesFormatException} such as
 * {@code sales.csv line 17: series 'store-4' column 'sales' is 'n/a?', expected a number}.
 * Instances are immutable and thread-safe.
 */
public final class SeriesSetReader {
  private final String idColumn;
  private final String timeColumn;
  private final String valueColumn;
  private final char delimiter;
  private final MissingValues missingValues;

  private SeriesSetReader(Builder builder) {
    this.idColumn = builder.idColumn;
    this.timeColumn = builder.timeColumn;
    this.valueColumn = builder.valueColumn;
    this.delimiter = builder.delimiter;
    this.missingValues = builder.missingValues;
  }

  /** @return a builder: first column ids, last column values, no time column, comma, DROP */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads long format: one row per series and time step. A series' rows may be spread over the
   * file; they are taken in file order, or sorted by the time column when one is set (ISO
   * dates/times such as {@code 2020-01-31T09:00}, or numbers).
   *
   * @param file the CSV file
   * @return the series, in the order their ids first appear
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if a cell is not a number, an id is empty, a series has a time
   *     twice or no values, or a named column is missing; the message names file, line and series
   */
  public SeriesSet readLong(Path file) throws IOException {
    return SeriesSet.of(new SeriesSetCsv(delimiter, missingValues)
        .readLong(file, idColumn, timeColumn, valueColumn));
  }

  /**
   * Reads wide format: one row per series, its id in the first column, then its values in time
   * order; empty cells after the last value are padding, empty cells before it are missing
   * values. The id, time and value column settings do not apply.
   *
   * @param file the CSV file
   * @return the series, in file order
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if an id appears twice, a cell is not a number or a row has no
   *     values; the message names file, line and series
   */
  public SeriesSet readWide(Path file) throws IOException {
    return SeriesSet.of(new SeriesSetCsv(delimiter, missingValues).readWide(file));
  }

  /** Settings of a {@link SeriesSetReader}; repeated calls: the last wins. */
  public static final class Builder {
    private String idColumn;
    private String timeColumn;
    private String valueColumn;
    private char delimiter = ',';
    private MissingValues missingValues = MissingValues.DROP;

    private Builder() {}

    /**
     * @param idColumn header name of the series id column (long format); default: the first
     * @return this builder
     */
    public Builder idColumn(String idColumn) {
      this.idColumn = name(idColumn, "idColumn");
      return this;
    }

    /**
     * @param timeColumn header name of a time column to sort each series by (long format);
     *     default: none, rows in file order
     * @return this builder
     */
    public Builder timeColumn(String timeColumn) {
      this.timeColumn = name(timeColumn, "timeColumn");
      return this;
    }

    /**
     * @param valueColumn header name of the value column (long format); default: the last
     * @return this builder
     */
    public Builder valueColumn(String valueColumn) {
      this.valueColumn = name(valueColumn, "valueColumn");
      return this;
    }

    /**
     * @param delimiter the field separator, not a quote or line break
     * @return this builder
     */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("delimiter must not be a quote or line break, was '"
            + (delimiter == '"' ? "\"" : delimiter == '\n' ? "\\n" : "\\r") + "'");
      }
      this.delimiter = delimiter;
      return this;
    }

    /**
     * @param missingValues what to do with missing cells, within each series
     * @return this builder
     */
    public Builder missingValues(MissingValues missingValues) {
      this.missingValues = Objects.requireNonNull(missingValues, "missingValues");
      return this;
    }

    /** @return the reader */
    public SeriesSetReader build() {
      return new SeriesSetReader(this);
    }

    private static String name(String value, String setting) {
      Objects.requireNonNull(value, setting);
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank, was '" + value + "'");
      }
      return value.trim();
    }
  }
}
