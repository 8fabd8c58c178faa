package io.github.seriesforecaster.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model file written by release 0.1.0 must load in every later release and predict what it
 * predicted then (recorded beside it by {@link GoldenModelWriter}).
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
}
