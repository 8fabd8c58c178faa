package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.TestSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the golden model files and their recorded predictions for {@link GoldenModelTest}. Run
 * once per format version, never to "fix" a failing golden test:
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.internal.io.GoldenModelWriter}
 * writes the format 1 model (no features); {@code -Dexec.args=features} writes only the format 2
 * model with a feature column.
 */
public final class GoldenModelWriter {
  private GoldenModelWriter() {}

  /** @return {@code TestSeries.sine(80)} as column {@code y} beside a feature column {@code x} */
  static SeriesFrame goldenFrame() {
    double[] y = TestSeries.sine(80);
    double[] x = new double[y.length];
    for (int t = 0; t < x.length; t++) {
      x[t] = Math.cos(t / 5.0) + (t % 4) / 4.0;
    }
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("x", x);
    columns.put("y", y);
    return SeriesFrame.ofColumns(columns);
  }

  public static void main(String[] args) throws Exception {
    Path folder = Path.of("src/test/resources/models");
    if (args.length > 0 && args[0].equals("features")) {
      writeFeatureModel(folder);
      return;
    }
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

  private static void writeFeatureModel(Path folder) throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.builder().window(5).hidden(4).epochs(20)
        .seed(2026).column("y").features("x").horizon(2).shrink(false).build();
    SeriesFrame frame = goldenFrame();
    forecaster.fit(frame);
    forecaster.save(folder.resolve("forecaster-format2-features.zip"));
    StringBuilder text = new StringBuilder(
        "# rows,prediction,forecast step 2 (GoldenModelWriter.goldenFrame() prefixes)\n");
    for (int rows = forecaster.minimumHistory(); rows <= frame.length(); rows += 9) {
      double[] forecast = forecaster.forecast(frame.rows(0, rows), 2);
      text.append(String.format(Locale.ROOT, "%d,%s,%s%n", rows, forecast[0], forecast[1]));
    }
    Files.writeString(folder.resolve("forecaster-format2-features-predictions.csv"), text);
  }
}
