package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalForecasterTest {
  private static final int SEASON = 12;
  private static final int HORIZON = 12;
  private static final int LENGTH = 180;

  private static SeriesSet full;
  private static SeriesSet train;
  private static GlobalForecaster fitted;
  private static GlobalFitReport report;

  /** 50 seasonal series whose levels span four orders of magnitude, with trends and noise. */
  static SeriesSet seasonalSet(int count, long seed, int length) {
    Random random = new Random(seed);
    var series = new LinkedHashMap<String, double[]>();
    for (int s = 0; s < count; s++) {
      double level = Math.pow(10, random.nextDouble() * 4);
      double amplitude = 0.2 + 0.3 * random.nextDouble();
      double phase = random.nextDouble() * 2 * Math.PI;
      double trend = (random.nextDouble() - 0.5) * 0.002;
      double[] values = new double[length];
      for (int t = 0; t < length; t++) {
        double season = 1 + amplitude * Math.sin(2 * Math.PI * t / SEASON + phase);
        double noise = 1 + 0.08 * random.nextGaussian();
        values[t] = level * (1 + trend * t) * season * noise;
      }
      series.put("s" + s, values);
    }
    return SeriesSet.of(series);
  }

  static GlobalForecaster.Builder smallModel() {
    return GlobalForecaster.builder().season(SEASON).horizon(HORIZON).window(4 * SEASON)
        .hidden(16).epochs(15).patience(4).windowsPerSeries(12).batchSize(100)
        .learningRate(0.005);
  }

  @BeforeAll
  static void fit() {
    full = seasonalSet(50, 7, LENGTH + HORIZON);
    train = full.map(v -> Arrays.copyOf(v, LENGTH));
    fitted = smallModel().build();
    report = fitted.fit(train);
  }

  @Test
  void fit_beatsSeasonalNaiveOnHeldOutValues() {
    Map<String, double[]> forecasts = fitted.forecast(train, HORIZON);
    double model = 0;
    double seasonalNaive = 0;
    for (String id : train.ids()) {
      double[] history = train.get(id);
      double[] actual = Arrays.copyOfRange(full.get(id), LENGTH, LENGTH + HORIZON);
      double[] naive = new double[HORIZON];
      for (int h = 0; h < HORIZON; h++) {
        naive[h] = history[LENGTH - SEASON + h % SEASON];
      }
      model += smape(actual, forecasts.get(id));
      seasonalNaive += smape(actual, naive);
    }
    assertThat(forecasts.keySet()).containsExactlyElementsOf(train.ids());
    assertThat(model).isLessThan(0.9 * seasonalNaive);
  }

  @Test
  void fit_reportsEverySeriesBesideBaselines() {
    assertThat(report.series()).hasSize(50);
    assertThat(report.series().get(0).id()).isEqualTo("s0");
    assertThat(report.series().get(0).model().points()).isEqualTo(HORIZON);
    assertThat(report.normalization()).isEqualTo(Normalization.LOG_RATIO);
    assertThat(report.beatsSeasonalNaive()).isTrue();
    assertThat(report.relativeToSeasonalNaive()).isLessThan(1);
    assertThat(report.naiveSmape()).isGreaterThan(report.smape());
    assertThat(report.summary()).contains("seasonal naive", "relative to seasonal naive");
    assertThat(report.bestEpochs().get(0)).isBetween(1, report.epochsRun().get(0));
  }

  @Test
  void forecast_unseenSeriesOfAnotherScale() {
    SeriesSet unseen = seasonalSet(1, 99, LENGTH + HORIZON).map(v -> {
      for (int i = 0; i < v.length; i++) {
        v[i] *= 123.0;
      }
      return v;
    });
    double[] values = unseen.get("s0");
    double[] history = Arrays.copyOf(values, LENGTH);
    double[] forecast = fitted.forecast(history, HORIZON);
    double[] actual = Arrays.copyOfRange(values, LENGTH, LENGTH + HORIZON);
    double[] last = new double[HORIZON];
    Arrays.fill(last, history[LENGTH - 1]);
    assertThat(forecast).hasSize(HORIZON);
    assertThat(smape(actual, forecast)).isLessThan(smape(actual, last));
  }

  @Test
  void forecast_beyondHorizonFeedsBlocksBack() {
    double[] history = train.get("s3");
    double[] two = fitted.forecast(history, 2 * HORIZON + 5);
    assertThat(two).hasSize(2 * HORIZON + 5);
    assertThat(Arrays.copyOf(two, HORIZON)).containsExactly(fitted.forecast(history, HORIZON));
    assertThat(Arrays.stream(two).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
    // the set forecast (batched) and the single one agree
    double[] batched = fitted.forecast(SeriesSet.of(Map.of("x", history)), 2 * HORIZON + 5).get("x");
    for (int i = 0; i < two.length; i++) {
      assertThat(batched[i]).isCloseTo(two[i], org.assertj.core.data.Percentage.withPercentage(1e-3));
    }
  }

  @Test
  void saveLoad_identicalForecasts(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("models/global.zip");
    fitted.save(file);
    GlobalForecaster loaded = GlobalForecaster.load(file);
    assertThat(loaded.config()).isEqualTo(fitted.config());
    for (String id : train.ids().subList(0, 5)) {
      assertThat(loaded.forecast(train.get(id), HORIZON))
          .containsExactly(fitted.forecast(train.get(id), HORIZON));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    fitted.save(bytes);
    GlobalForecaster fromBytes = GlobalForecaster.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(fromBytes.forecast(train, HORIZON).get("s7"))
        .containsExactly(fitted.forecast(train, HORIZON).get("s7"));
    assertThat(Files.list(file.getParent())).hasSize(1);
  }

  @Test
  void load_rejectsOtherFiles(@TempDir Path folder) throws Exception {
    Path text = folder.resolve("notes.zip");
    Files.writeString(text, "not a zip");
    assertThatThrownBy(() -> GlobalForecaster.load(text))
        .isInstanceOf(ModelFormatException.class);
    Path empty = folder.resolve("empty.zip");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> GlobalForecaster.load(empty))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void fit_shortSeriesNamedWithLength() {
    var series = new LinkedHashMap<String, double[]>(train.toMap());
    series.put("tiny", new double[] {1, 2, 3, 4, 5});
    GlobalForecaster f = smallModel().build();
    assertThatThrownBy(() -> f.fit(SeriesSet.of(series)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 'tiny' has 5 values but window=48, horizon=12 and validation=12 "
            + "need at least 72; use a smaller window or leave the series out");
    assertThat(f.isFitted()).isFalse();
  }

  @Test
  void forecast_checksHistoryAndState() {
    assertThatThrownBy(() -> fitted.forecast(new double[10], 5))
        .hasMessage("series 'history' has 10 values but the model needs at least 48 (window=48)");
    assertThatThrownBy(() -> fitted.forecast(train.get("s0"), 0))
        .hasMessage("steps must be >= 1, was 0");
    double[] withZero = train.get("s0");
    withZero[LENGTH - 2] = 0;
    assertThatThrownBy(() -> fitted.forecast(withZero, 3))
        .hasMessageStartingWith("series 'history' has value 0.0 at index 178, but the model "
            + "normalises by log ratios");
    assertThatThrownBy(() -> GlobalForecaster.builder().build().forecast(new double[100], 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("forecaster is not fitted; call fit(...) or GlobalForecaster.load(...) first");
  }

  @Test
  void fit_zerosAndNegativesUseStandardize() throws Exception {
    SeriesSet shifted = train.map(v -> {
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] / (1 + Math.abs(v[0])) - 1;
      }
      return v;
    });
    GlobalForecaster f = smallModel().epochs(2).ensemble(2).snapshots(2).windowsPerSeries(2)
        .build();
    GlobalFitReport r = f.fit(shifted);
    assertThat(r.normalization()).isEqualTo(Normalization.STANDARDIZE);
    assertThat(r.epochsRun()).hasSize(2);
    double[] forecast = f.forecast(shifted.get("s1"), HORIZON);
    assertThat(Arrays.stream(forecast).allMatch(Double::isFinite)).isTrue();
    // four networks (two members, two snapshots each) survive a round trip through bytes
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    f.save(bytes);
    GlobalForecaster loaded = GlobalForecaster.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(loaded.forecast(shifted.get("s1"), HORIZON)).containsExactly(forecast);
  }

  @Test
  void builder_rejectsBadValues() {
    assertThatThrownBy(() -> GlobalForecaster.builder().window(0))
        .hasMessage("window must be >= 1, was 0");
    assertThatThrownBy(() -> GlobalForecaster.builder().season(1))
        .hasMessage("season must be 0 (none) or >= 2, was 1");
    assertThatThrownBy(() -> GlobalForecaster.builder().learningRate(1))
        .hasMessage("learningRate must be > 0.0 and < 1.0, was 1.0");
    assertThatThrownBy(() -> GlobalForecaster.builder().ensemble(0))
        .hasMessage("ensemble must be >= 1, was 0");
    assertThatThrownBy(() -> GlobalForecaster.builder().snapshots(0))
        .hasMessage("snapshots must be >= 1, was 0");
    assertThatThrownBy(() -> GlobalForecaster.builder().window(50).valuesPerStep(24).build())
        .hasMessage("window 50 must be a multiple of valuesPerStep 24; the window is fed as "
            + "whole steps of valuesPerStep values");
  }

  @Test
  void builder_defaultsFollowTheSeason() {
    GlobalConfig hourly = GlobalForecaster.builder().season(24).horizon(48).config();
    assertThat(hourly.window()).isEqualTo(168);
    assertThat(hourly.valuesPerStep()).isEqualTo(24);
    assertThat(hourly.steps()).isEqualTo(7);
    assertThat(hourly.validation()).isEqualTo(48);
    assertThat(hourly.snapshots()).isEqualTo(5);
    assertThat(GlobalForecaster.builder().season(24).horizon(48).build().minimumHistory())
        .isEqualTo(168);
    GlobalConfig plain = GlobalForecaster.builder().window(10).config();
    assertThat(plain.valuesPerStep()).isEqualTo(1);
    assertThat(plain.toBuilder().hidden(3).config().window()).isEqualTo(10);
  }

  static double smape(double[] actual, double[] forecast) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += 2 * Math.abs(actual[i] - forecast[i]) / (Math.abs(actual[i]) + Math.abs(forecast[i]));
    }
    return 100 * sum / actual.length;
  }

  @Test
  void forecastWithIntervals_eachSeriesScaledByItsOwnSeasonalDifferences() {
    Map<String, io.github.seriesforecaster.ForecastIntervals> intervals =
        fitted.forecastWithIntervals(train, HORIZON, 0.8, 0.95);
    Map<String, double[]> forecasts = fitted.forecast(train, HORIZON);
    assertThat(intervals.keySet()).containsExactlyElementsOf(train.ids());
    double ratio = Double.NaN;
    int covered = 0;
    int points = 0;
    for (String id : train.ids()) {
      var interval = intervals.get(id);
      assertThat(interval.point()).containsExactly(forecasts.get(id));
      double[] history = train.get(id);
      double scale = io.github.seriesforecaster.internal.intervals.PooledErrors.seasonalScale(history,
          history.length, SEASON);
      // the same pooled quantile times each series' own scale: levels 1 to 10,000 get widths in
      // proportion
      double halfWidth = (interval.upper(0.95)[0] - interval.lower(0.95)[0]) / 2;
      if (Double.isNaN(ratio)) {
        ratio = halfWidth / scale;
      }
      assertThat(halfWidth / scale).as(id).isCloseTo(ratio, org.assertj.core.api.Assertions
          .within(1e-9 * ratio));
      assertThat(interval.upper(0.95)[3] - interval.lower(0.95)[3])
          .isGreaterThan(interval.upper(0.8)[3] - interval.lower(0.8)[3]);
      double[] actual = Arrays.copyOfRange(full.get(id), LENGTH, LENGTH + HORIZON);
      for (int h = 0; h < HORIZON; h++) {
        covered += actual[h] >= interval.lower(0.95)[h] && actual[h] <= interval.upper(0.95)[h]
            ? 1 : 0;
        points++;
      }
    }
    // 600 held-out values the calibration never saw
    assertThat((double) covered / points).isBetween(0.88, 0.99);
  }

  @Test
  void forecastWithIntervals_identicalAfterLoadAndBadArguments(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("global.zip");
    fitted.save(file);
    GlobalForecaster loaded = GlobalForecaster.load(file);
    var before = fitted.forecastWithIntervals(train, HORIZON + 3, 0.9);
    var after = loaded.forecastWithIntervals(train, HORIZON + 3, 0.9);
    for (String id : train.ids()) {
      assertThat(after.get(id).lower(0.9)).containsExactly(before.get(id).lower(0.9));
      assertThat(after.get(id).upper(0.9)).containsExactly(before.get(id).upper(0.9));
    }
    assertThatThrownBy(() -> fitted.forecastWithIntervals(train, HORIZON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels must name at least one coverage level, e.g. 0.95");
    assertThatThrownBy(() -> fitted.forecastWithIntervals(train, HORIZON, 0.0))
        .hasMessage("level must be > 0.0 and < 1.0, was 0.0");
    SeriesSet tooShort = train.map(v -> Arrays.copyOfRange(v, v.length - 4 * SEASON - 1,
        v.length));
    assertThatThrownBy(() -> fitted.forecastWithIntervals(tooShort, HORIZON, 0.9))
        .hasMessageStartingWith("no series has the ");
  }
}
