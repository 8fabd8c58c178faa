package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datavec.api.writable.Writable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads many series from one CSV file with DataVec's {@link CSVRecordReader}, with the conventions
 * of {@link CsvSeriesReader}: a header row, quoted fields, CRLF, a UTF-8 byte-order mark and blank
 * lines are fine; empty, {@code NA}, {@code N/A}, {@code NaN} and {@code null} cells are missing
 * values and follow the {@link MissingValues} policy within each series; anything else that is not
 * a finite number fails with a {@link SeriesFormatException} naming the file, the 1-based line,
 * the column and the series.
 *
 * <ul>
 *   <li><b>Long format</b>: one row per series and time step: an id column, an optional time
 *       column (ISO dates/times, or numbers) and a value column. A series' rows may be spread over
 *       the file; without a time column they are taken in file order, with one they are sorted by
 *       it (a time given twice for one series is an error).
 *   <li><b>Wide format</b> (the M4 competition's files): one row per series, its id first, then its
 *       values in time order; empty cells after the last value are padding. Ids must be unique.
 * </ul>
 * Series come back in the order their ids first appear.
 */
public final class SeriesSetCsv {
  private static final Logger log = LoggerFactory.getLogger(SeriesSetCsv.class);

  private final CsvFormat format;

  /**
   * @param delimiter the field separator
   * @param missingValues what to do with missing cells, within each series
   */
  public SeriesSetCsv(char delimiter, MissingValues missingValues) {
    this.format = new CsvFormat(delimiter, missingValues);
  }

  /**
   * Reads a wide-format file.
   *
   * @param file the CSV file
   * @return id → values, in file order
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if the content is unusable
   */
  public Map<String, double[]> readWide(Path file) throws IOException {
    Map<String, double[]> result = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    int[] missing = new int[1];
    String fileName = forEachRecord(file, (records, header, record) -> {
      String name = records.name();
      int line = records.line();
      if (record.size() > header.size()) {
        throw records.wrongFieldCount(record.size(), header.size());
      }
      String id = record.get(0).toString().trim();
      if (id.isEmpty()) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: the series id (column '%s') is empty", name, line, header.get(0)));
      }
      Integer first = lines.putIfAbsent(id, line);
      if (first != null) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: series '%s' appears again (first on line %d); each series takes one row "
                + "in wide format", name, line, id, first));
      }
      int last = record.size() - 1;
      while (last >= 1 && NumberCells.isMissing(record.get(last).toString())) {
        last--;
      }
      if (last < 1) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: series '%s' has no values", name, line, id));
      }
      DoubleList values = new DoubleList();
      int gaps = 0;
      for (int c = 1; c <= last; c++) {
        String cell = record.get(c).toString();
        double value = format.parse(cell, name, line, id, header.get(c));
        if (Double.isNaN(value)) {
          gaps++;
          if (format.missingValues() == MissingValues.DROP) {
            continue;
          }
        }
        values.add(value);
      }
      missing[0] += gaps;
      result.put(id, finish(values.toArray(), name, id, line));
    });
    logMissing(fileName, missing[0], result.size());
    return result;
  }

  /**
   * Reads a long-format file.
   *
   * @param file the CSV file
   * @param idColumn header name of the id column, or {@code null} for the first column
   * @param timeColumn header name of the time column, or {@code null} for none (file order)
   * @param valueColumn header name of the value column, or {@code null} for the last column
   * @return id → values in time order, in the order the ids first appear
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if the content is unusable
   */
  public Map<String, double[]> readLong(Path file, String idColumn, String timeColumn,
      String valueColumn) throws IOException {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    // 1-based column numbers, resolved against the header at the first data row; 0 = none
    int[] columns = new int[3];
    int[] missing = new int[1];
    String fileName = forEachRecord(file, (records, header, record) -> {
      String name = records.name();
      int line = records.line();
      if (columns[0] == 0) {
        columns[0] = column(name, header, idColumn, 0) + 1;
        columns[1] = timeColumn == null ? 0 : column(name, header, timeColumn, -1) + 1;
        columns[2] = column(name, header, valueColumn, header.size() - 1) + 1;
      }
      if (record.size() != header.size()) {
        throw records.wrongFieldCount(record.size(), header.size());
      }
      String id = record.get(columns[0] - 1).toString().trim();
      if (id.isEmpty()) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: the series id (column '%s') is empty", name, line,
            header.get(columns[0] - 1)));
      }
      Comparable<?> time = null;
      if (columns[1] > 0) {
        time = time(record.get(columns[1] - 1).toString(), name, line,
            header.get(columns[1] - 1), id);
      }
      double value = format.parse(record.get(columns[2] - 1).toString(), name, line, id,
          header.get(columns[2] - 1));
      if (Double.isNaN(value)) {
        missing[0]++;
      }
      rows.computeIfAbsent(id, key -> new ArrayList<>()).add(new Row(line, time, value));
    });
    Map<String, double[]> result = new LinkedHashMap<>();
    for (var entry : rows.entrySet()) {
      String id = entry.getKey();
      List<Row> series = entry.getValue();
      if (timeColumn != null) {
        checkTimeKinds(series, fileName, id);
        series.sort(Comparator.comparing(Row::time, SeriesSetCsv::compareTimes));
        for (int i = 1; i < series.size(); i++) {
          if (compareTimes(series.get(i - 1).time(), series.get(i).time()) == 0) {
            throw new SeriesFormatException(String.format(Locale.ROOT,
                "%s line %d: series '%s' has time %s again (also on line %d); each time may "
                    + "appear once per series", fileName, Math.max(series.get(i).line(),
                    series.get(i - 1).line()), id, series.get(i).time(),
                Math.min(series.get(i).line(), series.get(i - 1).line())));
          }
        }
      }
      DoubleList values = new DoubleList();
      for (Row row : series) {
        if (!Double.isNaN(row.value()) || format.missingValues() != MissingValues.DROP) {
          values.add(row.value());
        }
      }
      result.put(id, finish(values.toArray(), fileName, id, series.get(0).line()));
    }
    logMissing(fileName, missing[0], result.size());
    return result;
  }

  private record Row(int line, Comparable<?> time, double value) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareTimes(Comparable<?> a, Comparable<?> b) {
    return ((Comparable) a).compareTo(b);
  }

  private static void checkTimeKinds(List<Row> rows, String name, String id) {
    Class<?> kind = rows.get(0).time().getClass();
    for (Row row : rows) {
      if (row.time().getClass() != kind) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: series '%s' mixes numeric times and dates (line %d has %s); use one kind",
            name, row.line(), id, rows.get(0).line(), rows.get(0).time()));
      }
    }
  }

  private Comparable<?> time(String cell, String name, int line, String column, String id) {
    if (NumberCells.isMissing(cell)) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s line %d: series '%s' has no time in column '%s'; every row needs one",
          name, line, id, column));
    }
    try {
      return NumberCells.parse(cell);
    } catch (NumberFormatException notNumber) {
      try {
        return Timestamps.parse(cell);
      } catch (IllegalArgumentException e) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s line %d: series '%s' column '%s' is '%s', expected a number or an ISO date/time",
            name, line, id, column, CsvRecords.abbreviate(cell)));
      }
    }
  }

  private double[] finish(double[] values, String name, String id, int line) {
    if (values.length == 0 || Interpolation.isAllMissing(values)) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s line %d: series '%s' has no values, only missing cells", name, line, id));
    }
    if (format.missingValues() == MissingValues.INTERPOLATE) {
      Interpolation.fillLinear(values);
    }
    return values;
  }

  private void logMissing(String name, int missing, int series) {
    if (missing > 0) {
      log.warn("{}: {} missing values in {} series; {}", name, missing, series, format.repair());
    }
  }

  /** Called for each data row, at its line of {@code records}, with the header names. */
  @FunctionalInterface
  private interface RowHandler {
    void row(CsvRecords records, List<String> header, List<Writable> record);
  }

  /** @return the file's name, as messages show it */
  private String forEachRecord(Path file, RowHandler handler) throws IOException {
    try (CsvRecords records = format.open(file)) {
      List<Writable> first = records.next();
      if (first == null) {
        throw records.noHeader();
      }
      List<String> header = CsvRecords.headerNames(first);
      List<Writable> record = records.next();
      if (record == null) {
        throw records.noDataRows();
      }
      for (; record != null; record = records.next()) {
        handler.row(records, header, record);
      }
      return records.name();
    }
  }

  private static int column(String name, List<String> header, String column, int fallback) {
    if (column == null) {
      return fallback;
    }
    int index = header.indexOf(column.trim());
    if (index < 0) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s has no column '%s'; its columns are %s", name, column, header));
    }
    return index;
  }
}
