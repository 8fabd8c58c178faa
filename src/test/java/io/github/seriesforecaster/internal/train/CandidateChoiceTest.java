package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.TestSeries;
import io.github.seriesforecaster.internal.model.TrainingData;
import io.github.seriesforecaster.internal.train.CandidateChoice.Candidate;
import io.github.seriesforecaster.internal.train.CandidateChoice.Kind;
import io.github.seriesforecaster.internal.train.RollingOrigin.Fold;
import io.github.seriesforecaster.ForecastIntervals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateChoiceTest {
  private static final int SEASON = 12;

  /** x[t] = x[t - 12] + noise: nothing forecasts it better than the value a season earlier. */
  private static double[] seasonalRandomWalk(int length, long seed) {
    Random random = new Random(seed);
    double[] series = new double[length];
    for (int t = 0; t < length; t++) {
      series[t] = t < SEASON ? 10 * Math.sin(2 * Math.PI * t / SEASON) + 50
          : series[t - SEASON] + random.nextGaussian();
    }
    return series;
  }

  private static SeriesForecaster.Builder tiny() {
    return TestSeries.tinyBuilder().season(SEASON).epochs(5);
  }

  private static TrainingData provenance(double[] series) {
    return TrainingData.of("test", series.length, 0, null, List.of("value"),
        new double[][] {series});
  }

  @Test
  void fit_seasonalNaiveWinsOnASeasonalRandomWalk() {
    double[] series = seasonalRandomWalk(120, 3);
    FitReport report = tiny().build().fit(series);
    assertThat(report.candidate()).isEqualTo("seasonal naive");
    assertThat(report.folds()).isEqualTo(3);
    assertThat(report.candidateErrors()).containsOnlyKeys("seasonal naive",
        "seasonal naive with drift", "airline SARIMA", "Holt-Winters", "network DIFFERENCES",
        "network SEASONAL_DIFFERENCES", "network SEASONAL_AND_FIRST_DIFFERENCES");
    // never worse than seasonal naive on its own validation part: here it is seasonal naive
    assertThat(report.model().rmse()).isEqualTo(report.seasonalNaive().rmse());
  }

  @Test
  void fit_ofValuesWhoseSquaredErrorsOverflowKeepsTheSimplestCandidate() {
    // every candidate's fold error is infinite: none can be told from another
    double[] huge = new double[100];
    for (int t = 0; t < huge.length; t++) {
      huge[t] = 1e200 * (1 + 0.1 * Math.sin(2 * Math.PI * t / SEASON));
    }
    SeriesForecaster forecaster = tiny().build();
    FitReport report = forecaster.fit(huge);
    assertThat(report.candidate()).isEqualTo("seasonal naive");
    assertThat(forecaster.forecast(huge, 3)[0]).isEqualTo(huge[100 - SEASON]);
  }

  /** A trend that fades (damped by 0.97 a step) under a season, with a little noise. */
  private static double[] dampedTrendWithSeason(int length, long seed) {
    Random random = new Random(seed);
    double[] series = new double[length];
    double level = 200;
    double slope = 4;
    for (int t = 0; t < length; t++) {
      slope *= 0.97;
      level += slope + 0.4 * random.nextGaussian();
      series[t] = level + 15 * Math.sin(2 * Math.PI * t / SEASON)
          + 5 * Math.cos(4 * Math.PI * t / SEASON) + 0.8 * random.nextGaussian();
    }
    return series;
  }

  @Test
  void fit_aSmootherWinsOnADampedTrendWithSeason(@TempDir Path folder) throws IOException {
    double[] series = dampedTrendWithSeason(150, 11);
    SeriesForecaster forecaster = tiny().build();
    FitReport report = forecaster.fit(series);
    // Holt-Winters scores lowest; the airline model, simpler and within one standard error of
    // it on these folds, is kept
    Map<String, Double> errors = report.candidateErrors();
    assertThat(errors.get("Holt-Winters")).isLessThan(errors.get("seasonal naive with drift"))
        .isLessThan(errors.get("network DIFFERENCES"));
    assertThat(report.candidate()).isIn("Holt-Winters", "airline SARIMA");
    assertThat(report.stopReason()).matches("(ETS\\(A|airline SARIMA).*");
    // its forecast is the smoother's on the last 120 values, recursively
    double[] forecast = forecaster.forecast(series, 15);
    assertThat(Arrays.stream(forecast).allMatch(Double::isFinite)).isTrue();
    assertThat(forecast[0]).isCloseTo(series[149] + (series[138] - series[137]), within(10.0));
    ForecastIntervals intervals = forecaster.forecastWithIntervals(series, 3, 0.8);
    assertThat(intervals.lower(0.8)[0]).isLessThan(forecast[0]);
    assertThat(intervals.upper(0.8)[0]).isGreaterThan(forecast[0]);
    // saved and loaded as any model
    Path file = folder.resolve("model.zip");
    forecaster.save(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    assertThat(loaded.forecast(series, 15)).containsExactly(forecast);
  }

  @Test
  void fit_keptBaselineForecastsTheValueASeasonEarlier() {
    double[] series = seasonalRandomWalk(120, 3);
    SeriesForecaster forecaster = tiny().horizon(3).build();
    FitReport report = forecaster.fit(series);
    // a direct multi-step configuration compares against seasonal naive too
    assertThat(report.candidate()).isEqualTo("seasonal naive");
    double[] forecast = forecaster.forecast(series, 14);
    for (int h = 0; h < 14; h++) {
      int source = series.length + h - SEASON;
      double expected = source < series.length ? series[source] : forecast[source - series.length];
      assertThat(forecast[h]).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void fit_forecastHorizonScoresCandidatesOverThatManySteps() {
    double[] series = seasonalRandomWalk(120, 5);
    int steps = 6;
    FitReport report = tiny().forecastHorizon(steps).build().fit(series);
    // seasonal naive's error over 1..6 steps ahead inside every fold block, by hand
    ForecasterConfig config = tiny().forecastHorizon(steps).config();
    double squares = 0;
    int count = 0;
    for (Fold fold : CandidateChoice.folds(config, series.length)) {
      for (int origin = fold.origin(); origin < fold.end(); origin++) {
        for (int h = 0; h < steps && origin + h < fold.end(); h++) {
          double error = series[origin + h] - series[origin + h - SEASON];
          squares += error * error;
          count++;
        }
      }
    }
    assertThat(report.candidateErrors().get("seasonal naive"))
        .isCloseTo(Math.sqrt(squares / count), within(1e-9));
    // one-step scores differ: the choice really is made at the horizon
    FitReport oneStep = tiny().build().fit(series);
    assertThat(oneStep.candidateErrors().get("seasonal naive"))
        .isNotCloseTo(report.candidateErrors().get("seasonal naive"), within(1e-6));
  }

  @Test
  void onFold_readsNothingAfterItsEndAndTrainsBeforeItsOrigin() {
    double[] series = TestSeries.sine(100);
    double[] changed = series.clone();
    for (int t = 80; t < changed.length; t++) {
      changed[t] = 1e6 * (t % 3);
    }
    ForecasterConfig config = tiny().config();
    Fold fold = new Fold(60, 80);
    for (Candidate candidate : CandidateChoice.candidates(config, fold.origin())) {
      var original = CandidateChoice.onFold(config, candidate, fold, new double[][] {series},
          List.of("value"), provenance(series), EpochListener.NONE, "test");
      var other = CandidateChoice.onFold(config, candidate, fold, new double[][] {changed},
          List.of("value"), provenance(series), EpochListener.NONE, "test");
      assertThat(other.outputs()).containsExactly(original.outputs());
      assertThat(other.outputs()).hasSize(fold.size());
      if (candidate.kind() == Kind.NETWORK) {
        // training windows are the targets before the origin only
        assertThat(original.training()).isNotNull();
      }
    }
  }

  @Test
  void baseline_driftComesFromTheValuesBeforeTheOriginOnly() {
    double[] series = TestSeries.sine(100);
    double[] changed = series.clone();
    for (int t = 60; t < changed.length; t++) {
      changed[t] += 1000;
    }
    ForecasterConfig config = tiny().config();
    var model = SeasonalBaselines.fit(config, Kind.SEASONAL_NAIVE_WITH_DRIFT, series, 60,
        provenance(series)).model();
    var same = SeasonalBaselines.fit(config, Kind.SEASONAL_NAIVE_WITH_DRIFT, changed, 60,
        provenance(series)).model();
    double drift = 0;
    for (int t = SEASON; t < 60; t++) {
      drift += series[t] - series[t - SEASON];
    }
    drift /= 60 - SEASON;
    double[] history = Arrays.copyOf(series, 60);
    assertThat(model.predict(history)).isCloseTo(series[60 - SEASON] + drift, within(1e-4));
    assertThat(same.predict(history)).isEqualTo(model.predict(history));
  }

  @Test
  void fit_refitsTheKeptNetworkOnEveryValue() {
    double[] series = TestSeries.sine(90);
    FitReport report = TestSeries.tinyBuilder().transform(TargetTransform.DIFFERENCES).build()
        .fit(series);
    // windows for every target from minimumHistory (window 4 + 1) to the last value
    assertThat(report.trainingWindows()).isEqualTo(90 - 5);
    assertThat(report.folds()).isEqualTo(3);
    assertThat(report.stopReason()).startsWith("refitted on all 90 values");
  }

  @Test
  void refitEpochs_keepTheFoldsMeanNumberOfUpdates() {
    ForecasterConfig config = tiny().batchSize(512).config();
    var folds = List.of(
        new CandidateChoice.OnFold(null, new TrainingSummary(40, 10, "", 0, 0), 600, null),
        new CandidateChoice.OnFold(null, new TrainingSummary(50, 20, "", 0, 0), 1000, null));
    // 10 epochs x 2 batches and 20 x 2: 30 updates on average; 1,100 windows are 3 batches
    assertThat(Refit.epochs(config, folds, 1100)).isEqualTo(10);
    // one full batch everywhere: the mean best epoch
    assertThat(Refit.epochs(config, folds, 400)).isEqualTo(30);
  }

  @Test
  void fit_parallelEqualsSequential() {
    double[] series = seasonalRandomWalk(100, 9);
    for (int i = 0; i < series.length; i++) {
      series[i] += 0.3 * Math.sin(i / 2.0);
    }
    SeriesForecaster sequential = tiny().parallelism(1).build();
    SeriesForecaster parallel = tiny().parallelism(2).build();
    FitReport first = sequential.fit(series);
    FitReport second = parallel.fit(series);
    assertThat(second.candidateErrors()).isEqualTo(first.candidateErrors());
    assertThat(parallel.forecast(series, 5)).containsExactly(sequential.forecast(series, 5));
  }
}
