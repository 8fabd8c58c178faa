package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;

/**
 * One CSV file read record by record with DataVec's {@link CSVRecordReader}, as both CSV readers
 * ({@link CsvSeriesReader}, {@link SeriesSetCsv}) read it: the file is checked before reading,
 * blank lines are skipped, lines are counted from 1, and every message names the file.
 */
final class CsvRecords implements AutoCloseable {
  private static final char QUOTE = '"';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final CSVRecordReader reader;
  private final String name;
  private final char delimiter;
  private int line;

  private CsvRecords(CSVRecordReader reader, String name, char delimiter) {
    this.reader = reader;
    this.name = name;
    this.delimiter = delimiter;
  }

  /**
   * Opens a file that must exist, be readable and not be empty.
   *
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if it is empty
   */
  static CsvRecords open(Path file, char delimiter) throws IOException {
    return open(file, delimiter, false);
  }

  /**
   * Opens a file as {@link #open} does, and also fails on binary content (a zip, a spreadsheet, a
   * model file named .csv) before its bytes can reach a message.
   */
  static CsvRecords openText(Path file, char delimiter) throws IOException {
    return open(file, delimiter, true);
  }

  private static CsvRecords open(Path file, char delimiter, boolean textOnly) throws IOException {
    Objects.requireNonNull(file, "file");
    checkReadable(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.size(file) == 0) {
      throw new SeriesFormatException(name + " is empty; expected a header row and data rows");
    }
    if (textOnly) {
      checkText(file, name);
    }
    CSVRecordReader reader = new CSVRecordReader(0, delimiter, QUOTE);
    try {
      reader.initialize(new FileSplit(file.toFile()));
    } catch (InterruptedException e) {
      reader.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + name, e);
    }
    return new CsvRecords(reader, name, delimiter);
  }

  /** @return the file's name, as messages show it */
  String name() {
    return name;
  }

  /** @return the 1-based line of the record {@link #next} returned last */
  int line() {
    return line;
  }

  /**
   * @return the next record that is not a blank line, or {@code null} at the end of the file
   * @throws SeriesFormatException if the record cannot be parsed as CSV
   */
  List<Writable> next() {
    while (true) {
      List<Writable> record;
      try {
        if (!reader.hasNext()) {
          return null;
        }
        line++;
        record = reader.next();
      } catch (RuntimeException e) {
        // DataVec reports malformed quoting as a bare RuntimeException without a line number.
        throw unparsable(line + 1, e);
      }
      if (!isBlank(record)) {
        return record;
      }
    }
  }

  /**
   * Reads the first record that is not a blank line as the header, for a caller that needs only
   * the header: a record that cannot be parsed is reported on line 1.
   *
   * @return the trimmed header names without a byte-order mark
   * @throws SeriesFormatException if the file has no header row or it cannot be parsed
   */
  List<String> headerOnly() {
    List<Writable> record;
    try {
      record = next();
    } catch (SeriesFormatException e) {
      throw unparsable(1, (RuntimeException) e.getCause());
    }
    if (record == null) {
      throw noHeader();
    }
    return headerNames(record);
  }

  private SeriesFormatException unparsable(int at, RuntimeException e) {
    return new SeriesFormatException(String.format(Locale.ROOT,
        "%s line %d: cannot be parsed as CSV (%s)", name, at, e.getMessage()), e);
  }

  /** @return the failure of a file that has nothing but blank lines */
  SeriesFormatException noHeader() {
    return new SeriesFormatException(name + " has no header row; expected a header and data rows");
  }

  /** @return the failure of a file that has a header and nothing after it */
  SeriesFormatException noDataRows() {
    return new SeriesFormatException(name + " has a header but no data rows");
  }

  /** @return the failure of the current line, which has {@code fields} fields */
  SeriesFormatException wrongFieldCount(int fields, int headerFields) {
    return new SeriesFormatException(String.format(Locale.ROOT,
        "%s line %d: has %d fields but the header has %d; check the delimiter '%s' and quoting",
        name, line, fields, headerFields, delimiter));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Text files hold no NUL bytes. */
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

  /** @return true for a record of blank fields only (a blank line) */
  private static boolean isBlank(List<Writable> record) {
    for (Writable field : record) {
      if (!field.toString().isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** @return the trimmed header names without a byte-order mark */
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

  /** @return the cell as a message shows it: one line, at most 40 characters */
  static String abbreviate(String cell) {
    // control characters and undecodable bytes are shown as '?', so a message stays one line
    String printable = cell.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
  }
}
