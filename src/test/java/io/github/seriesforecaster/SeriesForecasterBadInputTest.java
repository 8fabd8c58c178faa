package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the public API: each case fails with a documented exception and message. */
class SeriesForecasterBadInputTest {
  @TempDir Path folder;

  @Test
  void fit_unreadableFile() throws IOException {
    assumeThat(System.getProperty("user.name")).as("root reads every file").isNotEqualTo("root");
    Path file = TestSeries.writeCsv(folder.resolve("locked.csv"), TestSeries.sine(40));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assertThatThrownBy(() -> TestSeries.tinyBuilder().build().fit(file))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("locked.csv");
  }

  @Test
  void fit_fewerRowsThanNeeded() throws IOException {
    Path file = TestSeries.writeCsv(folder.resolve("short.csv"), TestSeries.sine(5));
    assertThatThrownBy(() -> TestSeries.tinyBuilder().build().fit(file))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageStartingWith("short.csv has 5 values, 3 of them for training");
  }

  @Test
  void fit_thousandsOfColumns() throws IOException {
    StringBuilder text = new StringBuilder();
    int columns = 5000;
    for (int c = 0; c < columns; c++) {
      text.append(c == 0 ? "" : ",").append("c").append(c);
    }
    text.append('\n');
    double[] series = TestSeries.sine(40);
    for (double value : series) {
      for (int c = 0; c < columns; c++) {
        text.append(c == 0 ? "" : ",").append(c == 4321 ? String.valueOf(value) : "0");
      }
      text.append('\n');
    }
    Path file = Files.writeString(folder.resolve("wide.csv"), text);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().column("c4321").build();
    assertThat(forecaster.readSeries(file)).containsExactly(series);
    assertThat(forecaster.fit(file).trainingWindows()).isPositive();
  }

  @Test
  void fit_quotedNumbersAndSemicolons() throws IOException {
    StringBuilder text = new StringBuilder("\"Date\";\"Value\"\r\n");
    double[] series = TestSeries.sine(40);
    for (int i = 0; i < series.length; i++) {
      text.append(String.format(Locale.ROOT, "\"d%d\";\"%s\"\r\n", i, series[i]));
    }
    Path file = Files.writeString(folder.resolve("semi.csv"), text);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().delimiter(';').column("Value").build();
    assertThat(forecaster.readSeries(file)).containsExactly(series);
  }

  @Test
  void fit_valuesTooLargeToDifference() {
    double[] series = new double[40];
    for (int i = 0; i < series.length; i++) {
      series[i] = i % 2 == 0 ? 1.5e308 : -1.5e308;
    }
    assertThatThrownBy(() -> TestSeries.tinyBuilder().build().fit(series))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("array: value[1] = -1.5E308 and the value before it are too far apart for "
            + "DIFFERENCES (the result overflows a double); rescale the series, e.g. to other units");
  }

  @Test
  void fit_hugeValuesThatFitInADouble() {
    double[] series = Arrays.stream(TestSeries.sine(40)).map(v -> v * 1e300).toArray();
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    assertThat(Arrays.stream(forecaster.forecast(series, 3)).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void fit_oneHugeOutlier() {
    double[] series = TestSeries.sine(60);
    series[20] = 1e9;
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    FitReport report = forecaster.fit(series);
    assertThat(report.model().rmse()).isFinite();
    assertThat(Arrays.stream(forecaster.forecast(series, 3)).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void fit_seriesTooLongForMemoryIsRefused() {
    // 3.4M values x window 30 exceeds the window limit; refused before anything is allocated
    double[] series = new double[3_400_000];
    Arrays.fill(series, 1.0);
    assertThatThrownBy(() -> SeriesForecaster.builder().window(30).build().fit(series))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageStartingWith("array has 3400000 values; with window=30 and 1 input column(s) "
            + "its training windows would hold 102000000 values");
  }

  @Test
  void load_nullAndDirectory() {
    assertThatThrownBy(() -> SeriesForecaster.load((Path) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file");
    assertThatThrownBy(() -> SeriesForecaster.load(folder))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + " is a directory; expected a model file");
  }

  @Test
  void save_toADirectory() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(TestSeries.sine(40));
    assertThatThrownBy(() -> forecaster.save(folder))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + " is a directory; expected a model file path");
  }
}
