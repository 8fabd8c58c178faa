package io.github.seriesforecaster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small deterministic series for fast tests. */
public final class TestSeries {
  private TestSeries() {}

  /** @return {@code length} points of a noisy sine on a slow upward trend, all positive */
  public static double[] sine(int length) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = 50 + 0.2 * i + 10 * Math.sin(i / 3.0) + ((i * 7919) % 13) / 13.0;
    }
    return values;
  }

  /** @return a tiny, fast configuration: window 4, hidden 4, 3 epochs */
  public static SeriesForecaster.Builder tinyBuilder() {
    return SeriesForecaster.builder().window(4).hidden(4).epochs(3).seed(7);
  }

  /** Writes {@code Date,Value} rows for the values. */
  public static Path writeCsv(Path file, double[] values) throws IOException {
    StringBuilder text = new StringBuilder("Date,Value\n");
    for (int i = 0; i < values.length; i++) {
      text.append(String.format(Locale.ROOT, "2020-01-%03d,%s%n", i + 1, values[i]));
    }
    return Files.writeString(file, text);
  }
}
