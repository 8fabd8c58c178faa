package io.github.seriesforecaster.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSeriesReaderTest {
  @TempDir Path folder;

  private final CsvSeriesReader reader = new CsvSeriesReader(',', MissingValues.DROP);

  private Path csv(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void read_columnByName() throws IOException {
    Path file = csv("p.csv", "Date,Open,Close\n2020-01-01,1,10\n2020-01-02,2,11.5\n");
    SeriesData data = reader.read(file, "Close", -1);
    assertThat(data.values()).containsExactly(10, 11.5);
    assertThat(data.column()).isEqualTo("Close");
    assertThat(data.source()).isEqualTo("p.csv");
    assertThat(data.rows()).isEqualTo(2);
  }

  @Test
  void read_columnByIndexAndLastByDefault() throws IOException {
    Path file = csv("p.csv", "a,b,c\n1,2,3\n4,5,6\n");
    assertThat(reader.read(file, null, 0).values()).containsExactly(1, 4);
    assertThat(reader.read(file, null, -1).values()).containsExactly(3, 6);
    assertThat(reader.read(file, null, -1).column()).isEqualTo("c");
  }

  @Test
  void read_quotedFields() throws IOException {
    Path file = csv("q.csv", "\"Date\",\"Name, Inc\",\"Close\"\n\"2020-01-01\",\"x, y\",\"10.5\"\n"
        + "2020-01-02,z,\"-3e2\"\n");
    assertThat(reader.read(file, "Close", -1).values()).containsExactly(10.5, -300);
    assertThatThrownBy(() -> reader.read(file, "Name, Inc", -1))
        .hasMessage("q.csv line 2: column 'Name, Inc' is 'x, y', expected a number");
  }

  @Test
  void read_crlfBomAndBlankTrailingLines() throws IOException {
    Path file = csv("w.csv", "\uFEFFDate,Close\r\n2020-01-01,1\r\n2020-01-02,2\r\n\r\n\r\n");
    SeriesData data = reader.read(file, null, -1);
    assertThat(data.column()).isEqualTo("Close");
    assertThat(data.values()).containsExactly(1, 2);
    assertThat(reader.read(file, null, 1).values()).containsExactly(1, 2);
    // the byte-order mark must not stick to the first header name
    assertThatThrownBy(() -> reader.read(file, "Date", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("w.csv line 2: column 'Date' is '2020-01-01', expected a number");
  }

  @Test
  void read_nonNumericCellNamesFileLineAndColumn() throws IOException {
    StringBuilder text = new StringBuilder("Date,Close\n");
    for (int i = 1; i <= 19; i++) {
      text.append("d").append(i).append(',').append(i).append('\n');
    }
    text.append("d20,abc\n");
    Path file = csv("prices.csv", text.toString());
    assertThatThrownBy(() -> reader.read(file, "Close", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("prices.csv line 21: column 'Close' is 'abc', expected a number");
  }

  @Test
  void read_lineNumbersCountBlankLines() throws IOException {
    Path file = csv("b.csv", "x\n1\n\n2\nfoo\n");
    assertThatThrownBy(() -> reader.read(file, "x", -1))
        .hasMessage("b.csv line 5: column 'x' is 'foo', expected a number");
  }

  @Test
  void read_infinityAndOverflowAreErrors() throws IOException {
    assertThatThrownBy(() -> reader.read(csv("i.csv", "x\n1\nInfinity\n"), "x", -1))
        .hasMessage("i.csv line 3: column 'x' is 'Infinity', expected a finite number");
    assertThatThrownBy(() -> reader.read(csv("o.csv", "x\n1\n1e400\n"), "x", -1))
        .hasMessage("o.csv line 3: column 'x' is '1e400', which is too large for a double");
  }

  @Test
  void read_javaOnlyNumberSyntaxIsRejected() throws IOException {
    assertThatThrownBy(() -> reader.read(csv("j.csv", "x\n1d\n"), "x", -1))
        .hasMessage("j.csv line 2: column 'x' is '1d', expected a number");
  }

  @Test
  void read_missingCellsDropped() throws IOException {
    Path file = csv("m.csv", "x,y\n1,1\n2,\n3,NA\n4,NaN\n5,5\n");
    SeriesData data = reader.read(file, "y", -1);
    assertThat(data.values()).containsExactly(1, 5);
    assertThat(data.missing()).isEqualTo(3);
    assertThat(data.rows()).isEqualTo(5);
  }

  @Test
  void read_missingCellsInterpolated() throws IOException {
    // a blank line is skipped, not a missing value: in a one-column file the two look the same
    Path file = csv("m.csv", "t,y\n0,NA\n1,1\n2,\n3,\n\n4,4\n5,NaN\n");
    SeriesData data = new CsvSeriesReader(',', MissingValues.INTERPOLATE).read(file, "y", -1);
    assertThat(data.values()).containsExactly(1, 1, 2, 3, 4, 4);
  }

  @Test
  void read_missingCellsFail() {
    assertThatThrownBy(() -> new CsvSeriesReader(',', MissingValues.FAIL)
        .read(csv("m.csv", "y\n1\nNA\n"), "y", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("m.csv line 3: column 'y' is empty or NA, and missing values are set to FAIL");
  }

  @Test
  void read_unknownColumnListsTheColumns() {
    assertThatThrownBy(() -> reader.read(csv("p.csv", "Date,Close\nx,1\n"), "Price", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("p.csv has no column 'Price'; its columns are [Date, Close]");
  }

  @Test
  void read_unknownColumnSuggestsTheOneSpeltOtherwise() {
    assertThatThrownBy(() -> reader.read(csv("p.csv", "Date,Adj Close\nx,1\n"), "adjclose", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("p.csv has no column 'adjclose'; did you mean 'Adj Close'? its columns are "
            + "[Date, Adj Close]");
  }

  @Test
  void read_binaryFile() throws IOException {
    Path zip = folder.resolve("model.csv");
    Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 8, 0, 10, 'x'});
    assertThatThrownBy(() -> reader.read(zip, "Close", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("model.csv is not a text file (it holds binary data, as a zip file, a "
            + "spreadsheet or a saved model does); expected a CSV file with a header row");
  }

  @Test
  void read_controlCharactersInACellAreNotPrinted() throws IOException {
    assertThatThrownBy(() -> reader.read(csv("p.csv", "Date,Close\nx,\u0007\u001b[31mred\n"),
        "Close", -1))
        .hasMessage("p.csv line 2: column 'Close' is '??[31mred', expected a number");
  }

  @Test
  void header_namesTheColumns() throws IOException {
    assertThat(reader.header(csv("p.csv", "\uFEFFDate, Close \n1,2\n")))
        .containsExactly("Date", "Close");
  }

  @Test
  void read_indexOutOfRange() {
    assertThatThrownBy(() -> reader.read(csv("p.csv", "Date,Close\nx,1\n"), null, 2))
        .hasMessage("p.csv has 2 columns ([Date, Close]), so column index 2 is out of range 0-1");
  }

  @Test
  void read_raggedRow() {
    assertThatThrownBy(() -> reader.read(csv("r.csv", "a,b\n1,2\n3\n"), "b", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("r.csv line 3: has 1 fields but the header has 2; "
            + "check the delimiter ',' and quoting");
  }

  @Test
  void read_semicolonDelimiter() throws IOException {
    Path file = csv("s.csv", "Date;Close\n2020-01-01;1.5\n2020-01-02;2.5\n");
    assertThat(new CsvSeriesReader(';', MissingValues.DROP).read(file, "Close", -1).values())
        .containsExactly(1.5, 2.5);
  }

  @Test
  void read_emptyFileHeaderOnlyAndBlankFile() {
    assertThatThrownBy(() -> reader.read(csv("e.csv", ""), "x", -1))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("e.csv is empty; expected a header row and data rows");
    assertThatThrownBy(() -> reader.read(csv("h.csv", "x,y\n"), "x", -1))
        .hasMessage("h.csv has a header but no data rows");
    assertThatThrownBy(() -> reader.read(csv("n.csv", "\n\n"), "x", -1))
        .hasMessage("n.csv has no header row; expected a header and data rows");
  }

  @Test
  void read_missingFileAndDirectory() {
    assertThatThrownBy(() -> reader.read(folder.resolve("nope.csv"), "x", -1))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.csv");
    assertThatThrownBy(() -> reader.read(folder, "x", -1))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + " is a directory; expected a CSV file");
  }
}
