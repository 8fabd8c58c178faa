package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastIntervalsTest {
  @TempDir Path folder;

  /** A sine with period 25 plus Gaussian noise of standard deviation 1. */
  private static double[] noisySine(int length, long seed) {
    Random random = new Random(seed);
    double[] values = new double[length];
    for (int t = 0; t < length; t++) {
      values[t] = 50 + 10 * Math.sin(2 * Math.PI * t / 25) + random.nextGaussian();
    }
    return values;
  }

  @Test
  void intervals_eightyPercentCoverRoughlyEightyPercentOfHeldOutPoints() throws IOException {
    double[] series = noisySine(1000, 3);
    int training = 600;
    SeriesForecaster forecaster = SeriesForecaster.builder().window(12).hidden(8).epochs(60)
        .patience(10).seed(1).build();
    FitReport report = forecaster.fit(Arrays.copyOf(series, training));
    assertThat(report.intervalCoverage80()).isBetween(0.65, 0.95);
    int covered = 0;
    int points = 0;
    for (int t = training; t < series.length; t++) {
      ForecastIntervals interval =
          forecaster.forecastWithIntervals(Arrays.copyOf(series, t), 1, 0.8);
      if (series[t] >= interval.lower(0.8)[0] && series[t] <= interval.upper(0.8)[0]) {
        covered++;
      }
      points++;
    }
    assertThat((double) covered / points).isBetween(0.72, 0.88);
    // and the intervals survive save and load
    Path file = folder.resolve("m.zip");
    forecaster.save(file);
    ForecastIntervals saved = forecaster.forecastWithIntervals(series, 5, 0.8, 0.95);
    ForecastIntervals loaded =
        SeriesForecaster.load(file).forecastWithIntervals(series, 5, 0.8, 0.95);
    assertThat(loaded.upper(0.95)).containsExactly(saved.upper(0.95));
  }

  @Test
  void intervals_widenWithLevelAndContainThePoint() {
    double[] series = noisySine(200, 4);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    ForecastIntervals intervals = forecaster.forecastWithIntervals(series, 6, 0.5, 0.95);
    double[] point = intervals.point();
    assertThat(point).containsExactly(forecaster.forecast(series, 6));
    for (int h = 0; h < 6; h++) {
      assertThat(intervals.lower(0.95)[h]).isLessThanOrEqualTo(intervals.lower(0.5)[h]);
      assertThat(intervals.lower(0.5)[h]).isLessThanOrEqualTo(point[h]);
      assertThat(intervals.upper(0.5)[h]).isLessThanOrEqualTo(intervals.upper(0.95)[h]);
    }
    assertThatThrownBy(() -> intervals.lower(0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no interval for level 0.9; levels are [0.5, 0.95]");
  }

  @Test
  void intervals_badArguments() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(TestSeries.sine(60));
    double[] series = TestSeries.sine(60);
    assertThatThrownBy(() -> forecaster.forecastWithIntervals(series, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels must name at least one coverage level, e.g. 0.8");
    assertThatThrownBy(() -> forecaster.forecastWithIntervals(series, 3, 1.0))
        .hasMessage("level must be > 0.0 and < 1.0, was 1.0");
    SeriesForecaster noValidation = TestSeries.tinyBuilder().validationFraction(0).build();
    noValidation.fit(series);
    assertThatThrownBy(() -> noValidation.forecastWithIntervals(series, 3, 0.8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this model has no validation errors to build intervals from; "
            + "fit with validationFraction > 0");
  }
}
