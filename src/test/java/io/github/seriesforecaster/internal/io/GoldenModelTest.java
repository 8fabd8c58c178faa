package io.github.seriesforecaster.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model files written by earlier versions must load in every later release and predict what they
 * predicted then (recorded beside them by {@link GoldenModelWriter}): release 0.1.0's (format 1)
 * and the first with feature columns (format 2).
 */
class GoldenModelTest {
  private static final Path FOLDER = Path.of("src/test/resources/models");

  @Test
  void load_release010ModelReproducesItsPredictions() throws IOException {
    SeriesForecaster forecaster = SeriesForecaster.load(FOLDER.resolve("forecaster-0.1.0.zip"));
    assertThat(forecaster.config().window()).isEqualTo(6);
    assertThat(forecaster.config().layers()).isEqualTo(2);
    double[] series = TestSeries.sine(80);
    List<String> lines = Files.readAllLines(FOLDER.resolve("forecaster-0.1.0-predictions.csv"));
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",", 2);
      if (parts[0].equals("forecast5")) {
        double[] expected = Arrays.stream(parts[1].replaceAll("[\\[\\] ]", "").split(","))
            .mapToDouble(Double::parseDouble).toArray();
        assertThat(forecaster.forecast(series, 5)).containsExactly(expected, within(1e-6));
      } else {
        double[] history = Arrays.copyOf(series, Integer.parseInt(parts[0]));
        assertThat(forecaster.predict(history)).as("history of %s", parts[0])
            .isCloseTo(Double.parseDouble(parts[1]), within(1e-6));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void load_format2ModelWithAFeatureReproducesItsForecasts() throws IOException {
    SeriesForecaster forecaster =
        SeriesForecaster.load(FOLDER.resolve("forecaster-format2-features.zip"));
    assertThat(forecaster.inputColumns()).containsExactly("y", "x");
    assertThat(forecaster.config().horizon()).isEqualTo(2);
    SeriesFrame frame = GoldenModelWriter.goldenFrame();
    int checked = 0;
    for (String line : Files.readAllLines(
        FOLDER.resolve("forecaster-format2-features-predictions.csv"))) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",");
      double[] forecast = forecaster.forecast(frame.rows(0, Integer.parseInt(parts[0])), 2);
      assertThat(forecast[0]).as("rows %s", parts[0])
          .isCloseTo(Double.parseDouble(parts[1]), within(1e-6));
      assertThat(forecast[1]).isCloseTo(Double.parseDouble(parts[2]), within(1e-6));
      checked++;
    }
    assertThat(checked).isEqualTo(9);
  }
}
