package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.internal.io.ForecasterArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intervals that follow the series' volatility: calibrated on a calm stretch, they widen when the
 * noise doubles, where intervals of a fixed width (a model file from before adaptive intervals)
 * cover far less than promised.
 */
class AdaptiveIntervalsTest {
  private static final int CHANGE = 400;
  private static final int LENGTH = 700;
  /** First origin scored: the volatility estimate has forgotten most of the calm part by then. */
  private static final int SCORED_FROM = CHANGE + 60;

  @TempDir Path folder;

  /** A random walk from 100 whose steps have standard deviation 1, then 2 from {@link #CHANGE}. */
  private static double[] doublingWalk() {
    Random random = new Random(5);
    double[] values = new double[LENGTH];
    values[0] = 100;
    for (int t = 1; t < LENGTH; t++) {
      values[t] = values[t - 1] + (t < CHANGE ? 1 : 2) * random.nextGaussian();
    }
    return values;
  }

  private static double coverage(SeriesForecaster forecaster, double[] series, int step) {
    int covered = 0;
    int points = 0;
    for (int origin = SCORED_FROM; origin + step <= series.length; origin++) {
      ForecastIntervals intervals =
          forecaster.forecastWithIntervals(Arrays.copyOf(series, origin), step, 0.8);
      double actual = series[origin + step - 1];
      if (actual >= intervals.lower(0.8)[step - 1] && actual <= intervals.upper(0.8)[step - 1]) {
        covered++;
      }
      points++;
    }
    return (double) covered / points;
  }

  @Test
  void forecastWithIntervals_holdCoverageWhenVolatilityDoubles() throws IOException {
    double[] series = doublingWalk();
    SeriesForecaster forecaster = SeriesForecaster.builder().window(4).hidden(4).epochs(5)
        .transform(TargetTransform.DIFFERENCES).seed(3).build();
    FitReport report = forecaster.fit(Arrays.copyOf(series, CHANGE));
    assertThat(report.intervals()).extracting(IntervalMetrics::level).containsExactly(0.8, 0.95);
    // held out on the calm validation part: near the nominal levels, a finite score
    assertThat(report.intervals().get(0).coverage()).isBetween(0.65, 0.95);
    assertThat(report.intervals().get(1).msis()).isPositive().isFinite();
    assertThat(report.summary()).contains("held out, all steps: 80% intervals: coverage");

    Path file = folder.resolve("adaptive.zip");
    forecaster.save(file);
    SeriesForecaster fixed = SeriesForecaster.load(withoutScaledErrors(file));

    double adaptiveOneStep = coverage(forecaster, series, 1);
    double fixedOneStep = coverage(fixed, series, 1);
    assertThat(adaptiveOneStep).isBetween(0.75, 0.85);
    assertThat(fixedOneStep).isLessThan(0.65);
    assertThat(coverage(forecaster, series, 3)).isBetween(0.75, 0.85);
    assertThat(coverage(fixed, series, 3)).isLessThan(0.65);
  }

  @Test
  void forecastWithIntervals_identicalAfterSaveAndLoad() throws IOException {
    double[] series = doublingWalk();
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(Arrays.copyOf(series, 300));
    Path file = folder.resolve("m.zip");
    forecaster.save(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    for (int end : new int[] {300, 450, LENGTH}) {
      double[] history = Arrays.copyOf(series, end);
      ForecastIntervals before = forecaster.forecastWithIntervals(history, 30, 0.8, 0.95);
      ForecastIntervals after = loaded.forecastWithIntervals(history, 30, 0.8, 0.95);
      for (double level : new double[] {0.8, 0.95}) {
        assertThat(after.lower(level)).containsExactly(before.lower(level));
        assertThat(after.upper(level)).containsExactly(before.upper(level));
      }
    }
    // the widths follow the history: wider after the change than before it
    double[] calm = forecaster.forecastWithIntervals(Arrays.copyOf(series, 300), 1, 0.8).upper(0.8);
    double[] calmPoint = forecaster.forecast(Arrays.copyOf(series, 300), 1);
    double[] wild = forecaster.forecastWithIntervals(series, 1, 0.8).upper(0.8);
    double[] wildPoint = forecaster.forecast(series, 1);
    assertThat(wild[0] - wildPoint[0]).isGreaterThan(1.5 * (calm[0] - calmPoint[0]));
  }

  /** A copy of a model file as a release before adaptive intervals wrote it: errors only. */
  private Path withoutScaledErrors(Path file) throws IOException {
    Path old = folder.resolve("fixed.zip");
    try (ZipFile zip = new ZipFile(file.toFile());
        OutputStream out = Files.newOutputStream(old);
        ZipOutputStream copy = new ZipOutputStream(out)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
          content = in.readAllBytes();
        }
        if (entry.getName().equals(ForecasterArchive.ERRORS_JSON)) {
          String json = new String(content, StandardCharsets.UTF_8);
          assertThat(json).contains("\"scaled\"");
          content = json.replaceAll(",\"scaled\":\\{.*\\}\\}$", "}")
              .getBytes(StandardCharsets.UTF_8);
          assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("scaled");
        }
        copy.putNextEntry(new ZipEntry(entry.getName()));
        copy.write(content);
        copy.closeEntry();
      }
    }
    return old;
  }
}
