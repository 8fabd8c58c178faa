package io.github.seriesforecaster.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GB CSV: read by streaming (only the chosen column is kept), and a fit on it is refused with
 * a clear message instead of running out of memory. Slow (about a minute): run with
 * {@code mvn -B test -Dgroups=slow -Dtest.excludedGroups=}.
 */
@Tag("slow")
class HugeCsvTest {
  @TempDir Path folder;

  @Test
  void oneGigabyteFile_streamsAndFitIsRefused() throws Exception {
    Path file = folder.resolve("huge.csv");
    long rows = 0;
    long bytes = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("Date,Note,Value\n");
      while (bytes <= 1_000_000_000L) {
        String row = "2020-01-01T00:00,padding padding," + (100 + rows % 97) + "\n";
        out.write(row);
        bytes += row.length();
        rows++;
      }
    }
    assertThat(Files.size(file)).isGreaterThan(1_000_000_000L);
    SeriesForecaster forecaster = SeriesForecaster.builder().column("Value").build();
    double[] values = forecaster.readSeries(file);
    assertThat(values).hasSize((int) rows);
    assertThatThrownBy(() -> forecaster.fit(file))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageContaining("fit on the most recent part of the series or use a smaller window");
  }
}
