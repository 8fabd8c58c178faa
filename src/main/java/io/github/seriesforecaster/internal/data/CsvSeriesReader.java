package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
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
  private static final char QUOTE = '"';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final char delimiter;
  private final MissingValues missingValues;

  /**
   * @param delimiter the field separator
   * @param missingValues what to do with missing cells
   */
  public CsvSeriesReader(char delimiter, MissingValues missingValues) {
    this.delimiter = delimiter;
    this.missingValues = Objects.requireNonNull(missingValues, "missingValues");
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
    Objects.requireNonNull(file, "file");
    checkReadable(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.size(file) == 0) {
      throw new SeriesFormatException(name + " is empty; expected a header row and data rows");
    }
    checkText(file, name);
    CSVRecordReader reader = new CSVRecordReader(0, delimiter, QUOTE);
    try {
      reader.initialize(new FileSplit(file.toFile()));
      return readRecords(reader, name, new ColumnSelection(
          columnName, columnIndex, featureNames, featureIndices), dateColumn);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + name, e);
    } finally {
      reader.close();
    }
  }

  private SeriesData readRecords(CSVRecordReader reader, String name, ColumnSelection selection,
      String dateColumn) {
    List<String> header = null;
    int line = 0;
    int[] columns = null;
    String[] labels = null;
    DoubleList[] values = null;
    int dateIndex = -1;
    List<LocalDateTime> times = dateColumn == null ? null : new ArrayList<>();
    LocalDateTime previousTime = null;
    int rows = 0;
    int missing = 0;
    while (true) {
      List<Writable> record;
      try {
        if (!reader.hasNext()) {
          break;
        }
        line++;
        record = reader.next();
      } catch (RuntimeException e) {
        // DataVec reports malformed quoting as a bare RuntimeException without a line number.
        throw new SeriesFormatException(
            String.format(Locale.ROOT, "%s line %d: cannot be parsed as CSV (%s)", name, line + 1,
                e.getMessage()), e);
      }
      if (isBlank(record)) {
        continue;
      }
      if (header == null) {
        header = headerNames(record);
        ColumnSelection.Failures failures = failures(name, header);
        columns = selection.resolve(header, failures);
        labels = new String[columns.length];
        values = new DoubleList[columns.length];
        for (int c = 0; c < columns.length; c++) {
          labels[c] = header.get(columns[c]);
          values[c] = new DoubleList();
        }
        if (dateColumn != null) {
          dateIndex = ColumnSelection.indexOf(header, dateColumn, failures);
        }
        continue;
      }
      if (record.size() != header.size()) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: has %d fields but the header has %d; check the delimiter '%s' and quoting",
            name, line, record.size(), header.size(), delimiter));
      }
      rows++;
      LocalDateTime time = null;
      if (times != null) {
        String text = record.get(dateIndex).toString();
        try {
          time = Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "%s line %d: column '%s' is '%s', %s", name, line, dateColumn.trim(),
              abbreviate(text), e.getMessage()));
        }
        if (previousTime != null && !time.isAfter(previousTime)) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "%s line %d: %s '%s' is not after the previous row's %s; rows must be in "
                  + "increasing time order", name, line, dateColumn.trim(), text.trim(),
              previousTime));
        }
        previousTime = time;
      }
      double[] row = new double[columns.length];
      boolean rowMissing = false;
      for (int c = 0; c < columns.length; c++) {
        String cell = record.get(columns[c]).toString();
        if (NumberCells.isMissing(cell)) {
          if (missingValues == MissingValues.FAIL) {
            throw new SeriesFormatException(String.format(Locale.ROOT,
                "%s line %d: column '%s' is empty or NA, and missing values are set to FAIL",
                name, line, labels[c]));
          }
          rowMissing = true;
          row[c] = Double.NaN;
          continue;
        }
        try {
          row[c] = NumberCells.parse(cell);
        } catch (NumberFormatException e) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "%s line %d: column '%s' is '%s', %s", name, line, labels[c], abbreviate(cell),
              e.getMessage()));
        }
      }
      if (rowMissing) {
        missing++;
        if (missingValues == MissingValues.DROP) {
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
    if (header == null) {
      throw new SeriesFormatException(name + " has no header row; expected a header and data rows");
    }
    if (rows == 0) {
      throw new SeriesFormatException(name + " has a header but no data rows");
    }
    double[][] result = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      result[c] = values[c].toArray();
    }
    if (missing > 0) {
      String described = columns.length == 1 ? "no value in column '" + labels[0] + "'"
          : "a missing value in columns " + List.of(labels);
      log.warn("{}: {} of {} rows have {}; {}", name, missing, rows, described,
          missingValues == MissingValues.DROP ? "dropped" : "interpolated");
      if (missingValues == MissingValues.INTERPOLATE) {
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

  /**
   * Reads only the header row, e.g. to check column names before a long fit.
   *
   * @param file a CSV file
   * @return the column names, trimmed, without a byte-order mark
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if it is empty, binary or has no header row
   */
  public List<String> header(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    checkReadable(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.size(file) == 0) {
      throw new SeriesFormatException(name + " is empty; expected a header row and data rows");
    }
    checkText(file, name);
    CSVRecordReader reader = new CSVRecordReader(0, delimiter, QUOTE);
    try {
      reader.initialize(new FileSplit(file.toFile()));
      while (reader.hasNext()) {
        List<Writable> record = reader.next();
        if (!isBlank(record)) {
          return headerNames(record);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + name, e);
    } catch (RuntimeException e) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s line 1: cannot be parsed as CSV (%s)", name, e.getMessage()), e);
    } finally {
      reader.close();
    }
    throw new SeriesFormatException(name + " has no header row; expected a header and data rows");
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

  /**
   * Fails on binary content (a zip, a spreadsheet, a model file named .csv) before its bytes can
   * reach a message: text files hold no NUL bytes.
   */
  private static void checkText(Path file, String name) throws IOException {
    byte[] start = new byte[8192];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    }
    for (int i = 0; i < read; i++) {
      if (start[i] == 0) {
        throw new SeriesFormatException(name + " is not a text file (it holds binary data, as a "
            + "zip file, a spreadsheet or a saved model does); expected a CSV file with a header "
            + "row");
      }
    }
  }

  /** Shared with {@link SeriesSetCsv}: the file exists, is no folder and can be read. */
  static void checkReadable(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory; expected a CSV file");
    }
    if (!Files.isReadable(file)) {
      throw new AccessDeniedException(file.toString(), null, "file is not readable");
    }
  }

  /** @return true for a record of blank fields only (a blank line); also used by {@link SeriesSetCsv} */
  static boolean isBlank(List<Writable> record) {
    for (Writable field : record) {
      if (!field.toString().isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** @return the trimmed header names without a byte-order mark; also used by {@link SeriesSetCsv} */
  static List<String> headerNames(List<Writable> record) {
    List<String> names = new ArrayList<>(record.size());
    for (Writable field : record) {
      names.add(field.toString().trim());
    }
    String first = names.get(0);
    if (!first.isEmpty() && first.charAt(0) == BYTE_ORDER_MARK) {
      names.set(0, first.substring(1).trim());
    }
    return names;
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

  static String abbreviate(String cell) {
    // control characters and undecodable bytes are shown as '?', so a message stays one line
    String printable = cell.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
  }
}
