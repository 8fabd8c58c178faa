package io.github.seriesforecaster.data;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one numeric column of a CSV file with a header row, using DataVec's {@link CSVRecordReader}.
 *
 * <p>Handles quoted fields, CRLF line ends, a UTF-8 byte-order mark before the header and blank
 * lines (skipped). Every row must have as many fields as the header. Empty, {@code NA}, {@code N/A},
 * {@code NaN} and {@code null} cells are missing values and follow the {@link MissingValues} policy;
 * any other cell that is not a finite decimal number fails with a {@link SeriesFormatException}
 * naming the file, the 1-based line and the column. Only the chosen column is kept in memory.
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
    Objects.requireNonNull(file, "file");
    checkReadable(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.size(file) == 0) {
      throw new SeriesFormatException(name + " is empty; expected a header row and data rows");
    }
    CSVRecordReader reader = new CSVRecordReader(0, delimiter, QUOTE);
    try {
      reader.initialize(new FileSplit(file.toFile()));
      return readRecords(reader, name, columnName, columnIndex, dateColumn);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + name, e);
    } finally {
      reader.close();
    }
  }

  private SeriesData readRecords(CSVRecordReader reader, String name, String columnName,
      int columnIndex, String dateColumn) {
    List<String> header = null;
    int line = 0;
    int column = -1;
    int dateIndex = -1;
    List<LocalDateTime> times = dateColumn == null ? null : new ArrayList<>();
    LocalDateTime previousTime = null;
    String columnLabel = null;
    DoubleList values = new DoubleList();
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
        column = resolveColumn(name, header, columnName, columnIndex);
        columnLabel = header.get(column);
        if (dateColumn != null) {
          dateIndex = resolveColumn(name, header, dateColumn, -1);
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
      String cell = record.get(column).toString();
      if (NumberCells.isMissing(cell)) {
        missing++;
        if (missingValues == MissingValues.FAIL) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "%s line %d: column '%s' is empty or NA, and missing values are set to FAIL",
              name, line, columnLabel));
        }
        if (missingValues == MissingValues.INTERPOLATE) {
          values.add(Double.NaN);
          if (times != null) {
            times.add(time);
          }
        }
        continue;
      }
      try {
        values.add(NumberCells.parse(cell));
        if (times != null) {
          times.add(time);
        }
      } catch (NumberFormatException e) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: column '%s' is '%s', %s", name, line, columnLabel, abbreviate(cell),
            e.getMessage()));
      }
    }
    if (header == null) {
      throw new SeriesFormatException(name + " has no header row; expected a header and data rows");
    }
    if (rows == 0) {
      throw new SeriesFormatException(name + " has a header but no data rows");
    }
    double[] result = values.toArray();
    if (missing > 0) {
      log.warn("{}: {} of {} rows have no value in column '{}'; {}", name, missing, rows,
          columnLabel, missingValues == MissingValues.DROP ? "dropped" : "interpolated");
      if (missingValues == MissingValues.INTERPOLATE) {
        if (missing == rows) {
          throw new SeriesFormatException(
              name + ": column '" + columnLabel + "' has no values, only missing cells");
        }
        Interpolation.fillLinear(result);
      }
    }
    return new SeriesData(name, columnLabel, result, rows, missing,
        times == null ? null : times.toArray(new LocalDateTime[0]));
  }

  private static void checkReadable(Path file) throws IOException {
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

  private static boolean isBlank(List<Writable> record) {
    for (Writable field : record) {
      if (!field.toString().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> headerNames(List<Writable> record) {
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

  private static int resolveColumn(
      String name, List<String> header, String columnName, int columnIndex) {
    if (columnName != null) {
      int index = header.indexOf(columnName.trim());
      if (index < 0) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s has no column '%s'; its columns are %s", name, columnName, header));
      }
      return index;
    }
    if (columnIndex >= 0) {
      if (columnIndex >= header.size()) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s has %d columns (%s), so column index %d is out of range 0-%d",
            name, header.size(), header, columnIndex, header.size() - 1));
      }
      return columnIndex;
    }
    return header.size() - 1;
  }

  private static String abbreviate(String cell) {
    return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
  }
}
