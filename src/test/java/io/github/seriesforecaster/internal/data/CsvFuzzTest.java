package io.github.seriesforecaster.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.seriesforecaster.ForecasterException;
import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.RandomCsv;
import io.github.seriesforecaster.SeriesForecaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random CSV text, mostly malformed: every input must either read (and then fit) or fail
 * with one of the documented exceptions, never anything else.
 */
class CsvFuzzTest {
  private static final String[] CELLS = {
      "1", "2.5", "-3e2", "NA", "", "NaN", "abc", "\"4\"", "\"5,5\"", "1e400", "Infinity", "0x10",
      "1d", "\"", "''", " 7 ", "8;9", "\uFEFF1", "null", "1,5", "+.5", "-0", "9999999999999999999"};

  @TempDir Path folder;

  @Test
  void readAndFit_everyInputFitsOrFailsWithADocumentedException() throws IOException {
    Random random = new Random(20241126);
    SeriesForecaster forecaster = SeriesForecaster.builder()
        .window(2).hidden(2).epochs(1).patience(0).validationFraction(0.2).column("v").build();
    int read = 0;
    int fitted = 0;
    for (int n = 0; n < 3000; n++) {
      Path file = folder.resolve("f" + (n % 10) + ".csv");
      Files.write(file, randomCsv(random).getBytes(StandardCharsets.UTF_8));
      double[] values;
      try {
        values = forecaster.readSeries(file);
        read++;
      } catch (ForecasterException | IOException expected) {
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("input " + n + " threw " + e + " for:\n" + Files.readString(file), e);
      }
      if (n % 5 != 0) {
        continue; // fitting every readable input would take minutes; every fifth is plenty
      }
      try {
        forecaster.fit(file);
        fitted++;
        assertThat(java.util.Arrays.stream(values).allMatch(Double::isFinite)).isTrue();
      } catch (ForecasterException | IOException expected) {
        // documented: too short, not transformable, ...
      } catch (RuntimeException e) {
        fail("input " + n + " fit threw " + e + " for:\n" + Files.readString(file), e);
      }
    }
    assertThat(read).as("some inputs are readable").isGreaterThan(100);
    assertThat(fitted).as("some inputs fit").isGreaterThan(10);
  }

  @Test
  void read_missingValuePoliciesNeverLeakNaN() throws IOException {
    Random random = new Random(7);
    for (MissingValues policy : MissingValues.values()) {
      CsvSeriesReader reader = new CsvSeriesReader(',', policy);
      for (int n = 0; n < 300; n++) {
        Path file = folder.resolve("m.csv");
        Files.writeString(file, randomCsv(random));
        try {
          SeriesData data = reader.read(file, "v", -1);
          for (double value : data.values()) {
            assertThat(value).isFinite();
          }
        } catch (ForecasterException expected) {
          // documented
        }
      }
    }
  }

  private static String randomCsv(Random random) {
    RandomCsv csv = RandomCsv.start(random);
    int columns = 1 + random.nextInt(3);
    int valueColumn = random.nextInt(columns);
    List<String> header = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      header.add(c == valueColumn ? "v" : "c" + c);
    }
    csv.line(header);
    int rows = random.nextInt(40);
    for (int r = 0; r < rows; r++) {
      int fields = RandomCsv.rowLength(random, columns, 20, 2);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < fields; c++) {
        cells.add(RandomCsv.cell(random, 4, CELLS));
      }
      csv.line(cells);
    }
    return csv.text().toString();
  }
}
