package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.datavec.api.writable.Writable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads numeric columns of a CSV file with a header row, using DataVec's {@link CSVRecordReader}.
 *
 * <p>Handles quoted fields, CRLF line ends, a UTF-8 byte-order mark before the header and blank
 * lines (skipped). Every row must have as many fields as the header. Empty, {@code NA}, {@code N/A},
 * {@code NaN} and {@code null} cells are missing values and follow the {@link MissingValues} policy;
 * any other cell that is not a finite decimal number fails with a {@link SeriesFormatException}
 * naming the file, the 1-based line and the column. Only the chosen columns are kept in memory.
 */
public final class CsvSeriesReader {
  private static final Logger log = LoggerFactory.getLogger(CsvSeriesReader.class);

  private final CsvFormat format;

  /**
   * @param delimiter the field separator
   * @param missingValues what to do with missing cells
   */
  public CsvSeriesReader(char delimiter, MissingValues missingValues) {
    this.format = new CsvFormat(delimiter, missingValues);
  }

  /**
   * Reads the column chosen by name, or by 0-based index, or the last column when neither is given.
   *
   * @param file the CSV file
   * @param columnName header name, or {@code null}
   * @param columnIndex 0-based index, or -1
   * @return the column's values after the missing-value policy
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if the content is unusable
   */
  public SeriesData read(Path file, String columnName, int columnIndex) throws IOException {
    return read(file, columnName, columnIndex, null);
  }

  /**
   * Reads the value column and, when {@code dateColumn} is given, the ISO timestamps of that
   * column, which must increase strictly from row to row.
   *
   * @param file the CSV file
   * @param columnName header name, or {@code null}
   * @param columnIndex 0-based index, or -1
   * @param dateColumn header name of the date column, or {@code null} for none
   * @return the values (and timestamps) after the missing-value policy
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if the content is unusable
   */
  public SeriesData read(Path file, String columnName, int columnIndex, String dateColumn)
      throws IOException {
    return read(file, columnName, columnIndex, dateColumn, List.of(), List.of());
  }

  /**
   * Reads the value column, further feature columns chosen by name or by index (a feature that is
   * the value column is read once, as the value column), and optionally timestamps. A row missing
   * any of these cells counts as one missing row: {@code DROP} drops the whole row,
   * {@code INTERPOLATE} fills each column's gaps on its own.
   *
   * @param file the CSV file
   * @param columnName header name, or {@code null}
   * @param columnIndex 0-based index, or -1
   * @param dateColumn header name of the date column, or {@code null} for none
   * @param featureNames header names of feature columns, or empty
   * @param featureIndices 0-based indices of feature columns, or empty
   * @return the values, features (and timestamps) after the missing-value policy
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if the content is unusable
   */
  public SeriesData read(Path file, String columnName, int columnIndex, String dateColumn,
      List<String> featureNames, List<Integer> featureIndices) throws IOException {
    try (CsvRecords records = format.openText(file)) {
      return readRecords(records, new ColumnSelection(
          columnName, columnIndex, featureNames, featureIndices), dateColumn);
    }
  }

  private SeriesData readRecords(CsvRecords records, ColumnSelection selection,
      String dateColumn) {
    String name = records.name();
    List<Writable> first = records.next();
    if (first == null) {
      throw records.noHeader();
    }
    List<String> header = CsvRecords.headerNames(first);
    ColumnSelection.Failures failures = failures(name, header);
    int[] columns = selection.resolve(header, failures);
    String[] labels = new String[columns.length];
    DoubleList[] values = new DoubleList[columns.length];
    for (int c = 0; c < columns.length; c++) {
      labels[c] = header.get(columns[c]);
      values[c] = new DoubleList();
    }
    int dateIndex = dateColumn == null ? -1 : ColumnSelection.indexOf(header, dateColumn, failures);
    List<LocalDateTime> times = dateColumn == null ? null : new ArrayList<>();
    LocalDateTime previousTime = null;
    int rows = 0;
    int missing = 0;
    for (List<Writable> record = records.next(); record != null; record = records.next()) {
      int line = records.line();
      if (record.size() != header.size()) {
        throw records.wrongFieldCount(record.size(), header.size());
      }
      rows++;
      LocalDateTime time = null;
      if (times != null) {
        time = time(record.get(dateIndex).toString(), name, line, dateColumn.trim(),
            previousTime);
        previousTime = time;
      }
      double[] row = new double[columns.length];
      boolean rowMissing = false;
      for (int c = 0; c < columns.length; c++) {
        row[c] = format.parse(record.get(columns[c]).toString(), name, line, null, labels[c]);
        rowMissing |= Double.isNaN(row[c]);
      }
      if (rowMissing) {
        missing++;
        if (format.missingValues() == MissingValues.DROP) {
          continue;
        }
      }
      for (int c = 0; c < columns.length; c++) {
        values[c].add(row[c]);
      }
      if (times != null) {
        times.add(time);
      }
    }
    if (rows == 0) {
      throw records.noDataRows();
    }
    double[][] result = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      result[c] = values[c].toArray();
    }
    if (missing > 0) {
      String described = columns.length == 1 ? "no value in column '" + labels[0] + "'"
          : "a missing value in columns " + List.of(labels);
      log.warn("{}: {} of {} rows have {}; {}", name, missing, rows, described, format.repair());
      if (format.missingValues() == MissingValues.INTERPOLATE) {
        for (int c = 0; c < columns.length; c++) {
          if (Interpolation.isAllMissing(result[c])) {
            throw new SeriesFormatException(
                name + ": column '" + labels[c] + "' has no values, only missing cells");
          }
          Interpolation.fillLinear(result[c]);
        }
      }
    }
    return new SeriesData(name, labels[0], result[0], rows, missing,
        times == null ? null : times.toArray(new LocalDateTime[0]),
        List.of(labels).subList(1, labels.length), Arrays.copyOfRange(result, 1, result.length));
  }

  /** @return the row's time, which must be after the previous row's */
  private static LocalDateTime time(String text, String name, int line, String dateColumn,
      LocalDateTime previousTime) {
    LocalDateTime time;
    try {
      time = Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SeriesFormatException(CsvFormat.where(name, line, null, dateColumn) + " is '"
          + CsvRecords.abbreviate(text) + "', " + e.getMessage());
    }
    if (previousTime != null && !time.isAfter(previousTime)) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s line %d: %s '%s' is not after the previous row's %s; rows must be in "
              + "increasing time order", name, line, dateColumn, text.trim(), previousTime));
    }
    return time;
  }

  /**
   * Reads only the header row, e.g. to check column names before a long fit.
   *
   * @param file a CSV file
   * @return the column names, trimmed, without a byte-order mark
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if it is empty, binary or has no header row
   */
  public List<String> header(Path file) throws IOException {
    try (CsvRecords records = format.openText(file)) {
      return records.headerOnly();
    }
  }

  /**
   * @param file the file's name
   * @param column the column asked for
   * @param header the file's columns
   * @return {@code prices.csv has no column 'close'; did you mean 'Close'? its columns are [...]}
   */
  public static String noColumnMessage(String file, String column, List<String> header) {
    String wanted = column.trim();
    String suggestion = header.stream().filter(h -> h.equalsIgnoreCase(wanted)
            || letters(h).equals(letters(wanted)) && !letters(h).isEmpty())
        .findFirst().map(h -> "; did you mean '" + h + "'?").orElse(";");
    return String.format(Locale.ROOT, "%s has no column '%s'%s its columns are %s", file,
        column, suggestion, header);
  }

  private static String letters(String text) {
    return text.replaceAll("[^\\p{Alnum}]", "").toLowerCase(Locale.ROOT);
  }

  /** A missing column of a CSV file, reported with the file's name and header. */
  private static ColumnSelection.Failures failures(String file, List<String> header) {
    return new ColumnSelection.Failures() {
      @Override
      public RuntimeException noColumn(String column) {
        return new SeriesFormatException(noColumnMessage(file, column, header));
      }

      @Override
      public RuntimeException outOfRange(String what, int index) {
        return new SeriesFormatException(String.format(Locale.ROOT,
            "%s has %d columns (%s), so %s %d is out of range 0-%d",
            file, header.size(), header, what, index, header.size() - 1));
      }
    };
  }
}
