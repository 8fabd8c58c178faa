package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesFormatException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesSetReaderTest {
  @TempDir
  Path folder;

  private Path file(String name, String content) throws Exception {
    Path path = folder.resolve(name);
    Files.writeString(path, content);
    return path;
  }

  private static SeriesSetReader reader() {
    return SeriesSetReader.builder().build();
  }

  /** Writes the content to the named file; reading it in wide format must throw. */
  private AbstractThrowableAssert<?, ? extends Throwable> readWideFails(SeriesSetReader reader,
      String name, String content) throws Exception {
    Path csv = file(name, content);
    return assertThatThrownBy(() -> reader.readWide(csv));
  }

  /** Writes the content to the named file; reading it in long format must throw. */
  private AbstractThrowableAssert<?, ? extends Throwable> readLongFails(SeriesSetReader reader,
      String name, String content) throws Exception {
    Path csv = file(name, content);
    return assertThatThrownBy(() -> reader.readLong(csv));
  }

  @Test
  void readWide_m4LayoutWithPadding() throws Exception {
    Path csv = file("Hourly-train.csv", "\uFEFF\"V1\",\"V2\",\"V3\",\"V4\",\"V5\"\r\n"
        + "\"H1\",605,586,586,559\r\n"
        + "\"H2\",3124,2990,,\r\n"
        + "\r\n"
        + "\"H3\",1,\"2.5\",NA,4\r\n");
    SeriesSet set = reader().readWide(csv);
    assertThat(set.ids()).containsExactly("H1", "H2", "H3");
    assertThat(set.get("H1")).containsExactly(605, 586, 586, 559);
    assertThat(set.get("H2")).containsExactly(3124, 2990);
    assertThat(set.get("H3")).containsExactly(1, 2.5, 4);
    SeriesSet interpolated = SeriesSetReader.builder().missingValues(MissingValues.INTERPOLATE)
        .build().readWide(csv);
    assertThat(interpolated.get("H3")).containsExactly(1, 2.5, 3.25, 4);
  }

  @Test
  void readWide_duplicateId() throws Exception {
    readWideFails(reader(), "w.csv", "id,a,b\nH1,1,2\nH2,3,4\nH1,5,6\n")
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("w.csv line 4: series 'H1' appears again (first on line 2); each series "
            + "takes one row in wide format");
  }

  @Test
  void readWide_nonNumericCell() throws Exception {
    readWideFails(reader(), "w.csv", "id,a,b,c\nH1,1,2,3\nH2,3,x4,5\n")
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("w.csv line 3: series 'H2' column 'b' is 'x4', expected a number");
  }

  @Test
  void readWide_rowWithoutValuesAndMissingPolicyFail() throws Exception {
    readWideFails(reader(), "e.csv", "id,a,b\nH1,1,2\nH2,,\n")
        .hasMessage("e.csv line 3: series 'H2' has no values");
    readWideFails(SeriesSetReader.builder().missingValues(MissingValues.FAIL).build(), "g.csv",
        "id,a,b,c\nH1,1,,3\n")
        .hasMessage("g.csv line 2: series 'H1' column 'b' is empty or NA, and missing values are "
            + "set to FAIL");
    readWideFails(reader(), "n.csv", "id,a\n,1\n")
        .hasMessage("n.csv line 2: the series id (column 'id') is empty");
  }

  @Test
  void readLong_fileOrderAndIdsInFirstAppearance() throws Exception {
    Path csv = file("long.csv", "store,sales\nb,1\na,10\nb,2\na,11\nb,3\n");
    SeriesSet set = reader().readLong(csv);
    assertThat(set.ids()).containsExactly("b", "a");
    assertThat(set.get("b")).containsExactly(1, 2, 3);
    assertThat(set.get("a")).containsExactly(10, 11);
  }

  @Test
  void readLong_sortedByTimeColumn() throws Exception {
    Path csv = file("long.csv", "value;date;id;note\n"
        + "3;2020-01-03;x;q\n1;2020-01-01;x;q\n20;2020-01-02;y;q\n2;2020-01-02;x;q\n"
        + "NA;2020-01-04;x;q\n10;2020-01-01;y;q\n");
    SeriesSet set = SeriesSetReader.builder().delimiter(';').idColumn("id").timeColumn("date")
        .valueColumn("value").build().readLong(csv);
    assertThat(set.ids()).containsExactly("x", "y");
    assertThat(set.get("x")).containsExactly(1, 2, 3);
    assertThat(set.get("y")).containsExactly(10, 20);
    Path numeric = file("t.csv", "id,t,v\na,10,5\na,2,6\na,3,7\n");
    assertThat(SeriesSetReader.builder().timeColumn("t").valueColumn("v").build()
        .readLong(numeric).get("a")).containsExactly(6, 7, 5);
  }

  @Test
  void readLong_errorsNameLineAndSeries() throws Exception {
    readLongFails(SeriesSetReader.builder().timeColumn("t").build(), "d.csv",
        "id,t,v\na,1,5\nb,1,6\na,1,7\n")
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("d.csv line 4: series 'a' has time 1.0 again (also on line 2); each time may "
            + "appear once per series");
    readLongFails(reader(), "x.csv", "id,v\na,5\na,five\n")
        .hasMessage("x.csv line 3: series 'a' column 'v' is 'five', expected a number");
    readLongFails(reader(), "f.csv", "id,v\na,5,6\n")
        .hasMessage("f.csv line 2: has 3 fields but the header has 2; check the delimiter ',' "
            + "and quoting");
    readLongFails(SeriesSetReader.builder().idColumn("store").build(), "f.csv", "id,v\na,5,6\n")
        .hasMessage("f.csv has no column 'store'; its columns are [id, v]");
    readLongFails(SeriesSetReader.builder().timeColumn("t").build(), "b.csv",
        "id,t,v\na,yesterday,5\n")
        .hasMessage("b.csv line 2: series 'a' column 't' is 'yesterday', expected a number or "
            + "an ISO date/time");
    readLongFails(reader(), "m.csv", "id,v\na,1\nb,NA\n")
        .hasMessage("m.csv line 3: series 'b' has no values, only missing cells");
  }

  @Test
  void read_fileProblems() throws Exception {
    assertThatThrownBy(() -> reader().readWide(folder.resolve("none.csv")))
        .isInstanceOf(NoSuchFileException.class);
    readLongFails(reader(), "empty.csv", "")
        .hasMessage("empty.csv is empty; expected a header row and data rows");
    readLongFails(reader(), "h.csv", "id,v\n")
        .hasMessage("h.csv has a header but no data rows");
    assertThatThrownBy(() -> SeriesSetReader.builder().idColumn(" "))
        .hasMessage("idColumn must not be blank, was ' '");
  }
}
