package io.github.seriesforecaster.io;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the golden model file and its recorded predictions for {@link GoldenModelTest}. Run once
 * per format version, never to "fix" a failing golden test:
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.io.GoldenModelWriter}
 */
public final class GoldenModelWriter {
  private GoldenModelWriter() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of("src/test/resources/models");
    String version = LibraryVersion.library().replace("-SNAPSHOT", "");
    SeriesForecaster forecaster = SeriesForecaster.builder()
        .window(6).hidden(5).layers(2).epochs(30).seed(2024).build();
    double[] series = TestSeries.sine(80);
    forecaster.fit(series);
    forecaster.save(folder.resolve("forecaster-" + version + ".zip"));
    StringBuilder text = new StringBuilder("# history length,prediction (TestSeries.sine(80) prefixes)\n");
    for (int length = forecaster.minimumHistory(); length <= series.length; length += 7) {
      double[] history = java.util.Arrays.copyOf(series, length);
      text.append(String.format(Locale.ROOT, "%d,%s%n", length, forecaster.predict(history)));
    }
    text.append(String.format(Locale.ROOT, "forecast5,%s%n",
        java.util.Arrays.toString(forecaster.forecast(series, 5))));
    Files.writeString(folder.resolve("forecaster-" + version + "-predictions.csv"), text);
  }
}
